/**
 * Everything the page shows that follows from the settings, in one place: the run at the current
 * settings, the run at the defaults, what the scenario's values can reach (for fixed chart axes and
 * the network's full-width arrows), and the shaded periods. Derived, never stored: each selector
 * computes from the store's state and remembers its last answer for the same inputs, so every part
 * of the page that reads the result of a lever step shares one simulation.
 */
import { compileScenario, type Model } from '../model/compile.ts';
import { matrixSettings } from '../model/checks.ts';
import { leverSchedules, scheduleOf } from '../model/inputs.ts';
import type { Scenario } from '../model/schema.ts';
import { simulate, type SimulationResult } from '../model/simulate.ts';
import { currentScenario, type AppState } from './store.ts';

export function modelFor(scenario: Scenario): Model {
  return compileScenario(scenario);
}

const shown = new WeakMap<Scenario, string[]>();

/** The series the page draws: the charts' lines, the network's channels and the shaded periods. */
export function shownSeries(scenario: Scenario): string[] {
  let ids = shown.get(scenario);
  if (!ids) {
    ids = [
      ...new Set([
        ...scenario.charts.flatMap((c) => c.series.map((s) => s.id)),
        ...scenario.links.map((l) => l.strength),
        ...scenario.timeMarks.map((m) => m.series),
      ]),
    ];
    shown.set(scenario, ids);
  }
  return ids;
}

/** What a scenario's shown series can reach, computed once per scenario. */
export interface Reach {
  /** the lowest and highest value each series takes at any time: a chart's fixed axis */
  extents: Map<string, [number, number]>;
  /** the largest size (absolute value) each series ends at: an arrow at full width */
  ends: Map<string, number>;
}

/** Per scenario, computed once: the defaults' run and what the series can reach. */
const perScenario = new WeakMap<Scenario, { baseline: SimulationResult; reach?: Reach }>();

function factsOf(scenario: Scenario) {
  let facts = perScenario.get(scenario);
  if (!facts) {
    facts = { baseline: simulate(modelFor(scenario), {}, { series: shownSeries(scenario) }) };
    perScenario.set(scenario, facts);
  }
  return facts;
}

/**
 * Over the extreme-value matrix (every lever at its ends, alone and all together) and every
 * preset, the lowest and highest value each shown series takes, and the largest it ends at. Two
 * dozen runs, once per scenario.
 */
function reachOf(scenario: Scenario): Reach {
  const facts = factsOf(scenario);
  if (facts.reach) return facts.reach;
  const model = modelFor(scenario);
  const series = shownSeries(scenario);
  const extents = new Map<string, [number, number]>();
  const ends = new Map<string, number>();
  const runs = [
    ...matrixSettings(model).map(({ levers }) => simulate(model, levers, { series })),
    ...scenario.presets.map((p) => simulate(model, p.values, { series, schedule: scheduleOf(scenario, p.id) })),
  ];
  for (const r of runs) {
    for (const id of series) {
      const values = r.series[id] ?? [];
      const [lo, hi] = extents.get(id) ?? [Infinity, -Infinity];
      extents.set(id, [Math.min(lo, ...values), Math.max(hi, ...values)]);
      ends.set(id, Math.max(ends.get(id) ?? 0, Math.abs(values.at(-1) ?? 0)));
    }
  }
  facts.reach = { extents, ends };
  return facts.reach;
}

/** The run at every lever's default with the sourced constants: the dashed lines and the "vs default". */
export function selectBaseline(state: AppState): SimulationResult {
  return factsOf(currentScenario(state)).baseline;
}

/** What each shown series can reach over the scenario's lever ranges and presets. */
export function selectReach(state: AppState): Reach {
  return reachOf(currentScenario(state));
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
      const want = p.values[l.id] ?? l.default;
      return state.follows[l.id] === undefined && (state.levers[l.id] ?? l.default) === want;
    });
  })?.id;
}
