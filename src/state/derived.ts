/**
 * Everything the page shows that follows from the settings, in one place: the run at the current
 * settings, the run at the defaults, what the scenario's values can reach (for fixed chart axes and
 * the network's full-width arrows), and the shaded periods. Derived, never stored: each selector
 * computes from the store's state and remembers its last answer for the same inputs, so every part
 * of the page that reads the result of a lever step shares one simulation.
 */
import { compileScenario, type Model } from '../model/compile.ts';
import { leverSchedules } from '../model/inputs.ts';
import { drawnSeries, reachOf, type Reach } from '../model/reach.ts';
import type { Scenario, StoryStep } from '../model/schema.ts';
import { simulate, type SimulationResult } from '../model/simulate.ts';
import { currentScenario, type AppState } from './store.ts';
import { baseOf, settingOfStep, snapToStep } from './url.ts';

export function modelFor(scenario: Scenario): Model {
  return compileScenario(scenario);
}

const shown = new WeakMap<Scenario, string[]>();

/** The series the page draws (see model/reach.ts), the same array for the same scenario. */
export function shownSeries(scenario: Scenario): string[] {
  let ids = shown.get(scenario);
  if (!ids) {
    ids = drawnSeries(scenario);
    shown.set(scenario, ids);
  }
  return ids;
}

/** Per scenario: the defaults' run, and what its series can reach once known. */
const perScenario = new WeakMap<Scenario, { baseline?: SimulationResult; reach?: Reach }>();

function factsOf(scenario: Scenario) {
  let facts = perScenario.get(scenario);
  if (!facts) {
    facts = {};
    perScenario.set(scenario, facts);
  }
  return facts;
}

/**
 * Gives the reach of a scenario worked out ahead (by the build), so that the page does not work it
 * out again while it loads.
 */
export function rememberReach(scenario: Scenario, reach: Reach): void {
  factsOf(scenario).reach = reach;
}

/** The run at every lever's default with the sourced constants: the dashed lines and the "vs default". */
export function selectBaseline(state: AppState): SimulationResult {
  const scenario = currentScenario(state);
  const facts = factsOf(scenario);
  facts.baseline ??= simulate(modelFor(scenario), {}, { series: shownSeries(scenario) });
  return facts.baseline;
}

/** What each shown series can reach over the scenario's lever ranges and presets (model/reach.ts). */
export function selectReach(state: AppState): Reach {
  const scenario = currentScenario(state);
  const facts = factsOf(scenario);
  facts.reach ??= reachOf(modelFor(scenario));
  return facts.reach;
}

interface ResultInputs {
  scenario: Scenario;
  follows: AppState['follows'];
  constants: AppState['constants'];
  result: SimulationResult;
}

/** The last result for each levers object (the store replaces it on every change). */
const results = new WeakMap<AppState['levers'], ResultInputs>();

/** The run at the current settings; the same settings give the same object back. */
export function selectResult(state: AppState): SimulationResult {
  const scenario = currentScenario(state);
  const hit = results.get(state.levers);
  if (hit && hit.scenario === scenario && hit.follows === state.follows && hit.constants === state.constants) {
    return hit.result;
  }
  const atDefaults =
    Object.keys(state.levers).length === 0 &&
    Object.keys(state.follows).length === 0 &&
    Object.keys(state.constants).length === 0;
  const result = atDefaults
    ? selectBaseline(state)
    : simulate(modelFor(scenario), state.levers, {
        series: shownSeries(scenario),
        constants: state.constants,
        schedule: leverSchedules(scenario, state.follows),
      });
  results.set(state.levers, { scenario, follows: state.follows, constants: state.constants, result });
  return result;
}

/** A shaded period on the time axis: from, to (time units) and its label's text. */
export interface Period {
  from: number;
  to: number;
  mark: number;
}

/** Periods when a time-mark series is above 0 (a border closure, say), as [from, to) in time units. */
export function periodsOf(scenario: Scenario, result: SimulationResult): Period[] {
  const out: Period[] = [];
  const dt = scenario.time.step;
  scenario.timeMarks.forEach((mark, m) => {
    const s = result.series[mark.series];
    if (!s) return;
    let open: Period | undefined;
    for (let i = 0; i < s.length; i++) {
      const share = Math.min(1, Math.max(0, s[i]!));
      const t = result.t[i]!;
      if (share > 0) {
        if (open && Math.abs(open.to - t) < 1e-9) open.to = t + share * dt;
        else {
          open = { from: t, to: t + share * dt, mark: m };
          out.push(open);
        }
      } else open = undefined;
    }
  });
  return out;
}

/** The preset the current settings are exactly, if any. */
export function selectActivePreset(state: AppState): string | undefined {
  const scenario = currentScenario(state);
  return scenario.presets.find((p) => {
    const scheduled = Object.keys(p.schedule ?? {});
    return scenario.levers.every((l) => {
      if (scheduled.includes(l.id)) return state.follows[l.id] === p.id;
      // As applying the preset stores it: on the lever's grid.
      const want = snapToStep(l, p.values[l.id] ?? l.default);
      return state.follows[l.id] === undefined && (state.levers[l.id] ?? l.default) === want;
    });
  })?.id;
}

/** The story step shown, if any. */
export function selectStep(state: AppState): StoryStep | undefined {
  return state.step >= 1 ? currentScenario(state).story[state.step - 1] : undefined;
}

/** The levers moved away from the current story step's settings (none outside the story). */
export function selectStoryChanges(state: AppState): string[] {
  const scenario = currentScenario(state);
  const setting = settingOfStep(scenario, state.step);
  if (!setting) return [];
  return scenario.levers
    .filter((l) => {
      const follows = state.follows[l.id];
      const now = follows ?? snapToStep(l, state.levers[l.id] ?? l.default);
      return now !== baseOf(setting, l);
    })
    .map((l) => l.id);
}

/** The outcome a story step asks about, kept hidden until its answer is revealed. */
export function selectConcealed(state: AppState): string | undefined {
  const step = selectStep(state);
  return step?.question && !state.revealed ? step.highlight : undefined;
}
