/**
 * Derived results: the simulation of the current settings and of the scenario's defaults, with the
 * series the page shows. Cached on their inputs (the scenario object and the settings objects), so
 * a lever step simulates once whatever number of parts read the result.
 */
import { compileScenario, type Model } from '../model/compile.ts';
import { leverSchedules } from '../model/inputs.ts';
import type { Scenario } from '../model/schema.ts';
import { matrixSettings } from '../model/checks.ts';
import { simulate, type SimulationResult } from '../model/simulate.ts';

const baselines = new WeakMap<Scenario, SimulationResult>();
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

export function modelFor(scenario: Scenario): Model {
  return compileScenario(scenario);
}

/**
 * The run at every lever's default with the sourced constants: the dashed reference line and the
 * "change from default" on the cards.
 */
export function baselineOf(scenario: Scenario): SimulationResult {
  let r = baselines.get(scenario);
  if (!r) {
    r = simulate(modelFor(scenario), {}, { series: shownSeries(scenario) });
    baselines.set(scenario, r);
  }
  return r;
}

/** What a run at the current settings reads from the store. */
export interface Settings {
  levers: Record<string, number>;
  follows: Record<string, string>;
  constants: Record<string, number>;
}

const NONE = {};

let last: { scenario: Scenario; settings: Settings; result: SimulationResult } | undefined;

/** The run at the current settings; the same inputs give the same object back. */
export function resultOf(
  scenario: Scenario,
  levers: Settings['levers'],
  follows = NONE,
  constants = NONE,
): SimulationResult {
  if (
    last &&
    last.scenario === scenario &&
    last.settings.levers === levers &&
    last.settings.follows === follows &&
    last.settings.constants === constants
  ) {
    return last.result;
  }
  const atDefaults =
    Object.keys(levers).length === 0 && Object.keys(follows).length === 0 && Object.keys(constants).length === 0;
  const result = atDefaults
    ? baselineOf(scenario)
    : simulate(modelFor(scenario), levers, {
        series: shownSeries(scenario),
        constants,
        schedule: leverSchedules(scenario, follows),
      });
  last = { scenario, settings: { levers, follows, constants }, result };
  return result;
}

const linkMaxima = new WeakMap<Scenario, Map<string, number>>();

/**
 * For each channel of the leverage network, the largest final value it reaches over the
 * extreme-value matrix: the arrow is at full width there. Computed once per scenario.
 */
export function linkMaxOf(scenario: Scenario): Map<string, number> {
  let maxima = linkMaxima.get(scenario);
  if (!maxima) {
    maxima = new Map();
    const model = modelFor(scenario);
    for (const { levers } of matrixSettings(model)) {
      const r = simulate(model, levers);
      for (const link of scenario.links) {
        const s = r.series[link.strength]!;
        const v = Math.abs(s[s.length - 1]!);
        maxima.set(link.strength, Math.max(maxima.get(link.strength) ?? 0, v));
      }
    }
    linkMaxima.set(scenario, maxima);
  }
  return maxima;
}
