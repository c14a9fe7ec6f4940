/**
 * Analyses that run the model many times: Monte Carlo bands over the constants' plausible ranges,
 * and the lever-effects table. Pure and deterministic (a seeded generator), so the same call gives
 * the same bands in the browser, in a worker, in Node and in the tests.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Model } from './compile.ts';
import { resolveConstants, type LeverSchedule } from './inputs.ts';
import { resolveLevers } from './levers.ts';
import { resolveHorizon, run, scheduledChanges, simulateBatch, summariseRun, rowsOf } from './simulate.ts';

export const DEFAULT_DRAWS = 200;
export const DEFAULT_SEED = 1;

/** The 10th, 50th and 90th percentiles. */
export interface Spread {
  p10: number;
  p50: number;
  p90: number;
}

/** A band over time: one percentile per time point. */
export interface SeriesBand {
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface MonteCarloOptions {
  draws?: number;
  seed?: number;
  horizon?: number;
  /** the series to band (default: every outcome) */
  series?: readonly string[];
  /** constants the reader has set: held at these values, not drawn */
  constants?: Readonly<Record<string, unknown>>;
  schedule?: LeverSchedule;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** the constants that were drawn (those with a range and not set by the reader) */
  drawn: string[];
  series: Record<string, SeriesBand>;
  /** each outcome as its card summarises it */
  outcomes: Record<string, Spread>;
}

/**
 * A constant's draw from a uniform number u in [0, 1): half the draws fall evenly between its low
 * end and its sourced value, half between its sourced value and its high end. So the sourced value
 * is the median of every constant, even where it sits near one end of its range (a count that is
 * a lower bound, say), and the central run stays inside the band.
 */
export function drawWithin(u: number, low: number, value: number, high: number): number {
  return u < 0.5 ? low + 2 * u * (value - low) : value + (2 * u - 1) * (high - value);
}

/** The q-quantile of sorted values, interpolating between neighbours. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function spreadOf(values: Float64Array): Spread {
  values.sort();
  return { p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/**
 * Runs the model `draws` times at the same levers, each time with every uncertain constant drawn
 * within its plausible range, and returns the 10th–90th percentile band of each series and outcome.
 */
export function monteCarlo(
  model: Model,
  levers: Readonly<Record<string, unknown>> = {},
  options: MonteCarloOptions = {},
): MonteCarloResult {
  const { scenario } = model;
  const draws = Math.max(1, Math.round(options.draws ?? DEFAULT_DRAWS));
  const seed = Math.round(options.seed ?? DEFAULT_SEED);
  const { horizon } = resolveHorizon(model, options.horizon);
  const points = Math.round(horizon / scenario.time.step) + 1;
  const fixed = resolveConstants(scenario, options.constants).values;
  const set = new Set(Object.keys(options.constants ?? {}).filter((id) => id in fixed));
  const drawn = scenario.constants.filter((c) => c.high > c.low && !set.has(c.id));
  const leverValues = resolveLevers(scenario, levers).values;
  const leverArray = Float64Array.from(scenario.levers, (l) => leverValues[l.id]!);
  const constants = Float64Array.from(scenario.constants, (c) => fixed[c.id]!);
  const index = new Map(scenario.constants.map((c, i) => [c.id, i]));
  const schedule = scheduledChanges(model, options.schedule);
  const out = new Float64Array(model.recordedIds.length * points);
  const rowOf = rowsOf(model);
  const ids = (options.series ?? model.outcomeIds).filter((id) => rowOf.has(id));
  // values[k][draw * points + i]: series k at time i in each draw
  const values = ids.map(() => new Float64Array(draws * points));
  const summaries = model.outcomeIds.map(() => new Float64Array(draws));
  const rng = xoroshiro128plus(seed);
  for (let d = 0; d < draws; d++) {
    for (const c of drawn) constants[index.get(c.id)!] = drawWithin(uniformFloat64(rng), c.low, c.value, c.high);
    run(model, { levers: leverArray, constants, schedule }, horizon, out, points);
    ids.forEach((id, k) => {
      const row = rowOf.get(id)! * points;
      values[k]!.set(out.subarray(row, row + points), d * points);
    });
    const s = summariseRun(model, out, points, rowOf).outcomes;
    model.outcomeIds.forEach((id, k) => (summaries[k]![d] = s[id]!));
  }
  const column = new Float64Array(draws);
  const series: Record<string, SeriesBand> = {};
  ids.forEach((id, k) => {
    const band: SeriesBand = { p10: [], p50: [], p90: [] };
    for (let i = 0; i < points; i++) {
      for (let d = 0; d < draws; d++) column[d] = values[k]![d * points + i]!;
      const s = spreadOf(column);
      band.p10.push(s.p10);
      band.p50.push(s.p50);
      band.p90.push(s.p90);
    }
    series[id] = band;
  });
  const outcomes: Record<string, Spread> = {};
  model.outcomeIds.forEach((id, k) => (outcomes[id] = spreadOf(summaries[k]!)));
  return { draws, seed, drawn: drawn.map((c) => c.id), series, outcomes };
}

/** One lever moved from its min to its max at one base: the change in each outcome. */
export interface LeverEffect {
  lever: string;
  /** outcome id → value at max minus value at min (as the cards summarise them) */
  change: Record<string, number>;
}

export interface EffectsAtBase {
  base: { id: string; values: Record<string, number> };
  effects: LeverEffect[];
}

/**
 * The lever-effects table: at each of the scenario's bases (its defaults and richer settings), each
 * lever alone from its min to its max, and what that does to every outcome.
 */
export function leverEffects(model: Model, options: { horizon?: number } = {}): EffectsAtBase[] {
  const { scenario } = model;
  const bases = scenario.effects?.bases ?? [{ id: 'defaults', values: {} }];
  return bases.map((b) => {
    const runs = scenario.levers.flatMap((l) => [
      { levers: { ...b.values, [l.id]: l.min } },
      { levers: { ...b.values, [l.id]: l.max } },
    ]);
    const results = simulateBatch(model, runs, options);
    const effects = scenario.levers.map((l, i) => {
      const lo = results[2 * i]!;
      const hi = results[2 * i + 1]!;
      return { lever: l.id, change: Object.fromEntries(model.outcomeIds.map((id) => [id, hi[id]! - lo[id]!])) };
    });
    return { base: { id: b.id, values: b.values }, effects };
  });
}
