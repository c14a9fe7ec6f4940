/**
 * Steps the stocks and flows of a compiled scenario over its horizon (Euler) and returns the series
 * of every stock, variable and outcome. Pure and deterministic: the same call gives the same result.
 */
import { calendarMonth, compileScenario, type Model } from './compile.ts';
import type { Scenario } from './schema.ts';
import { execute } from './program.ts';
import { resolveLevers, type LeverNotice } from './levers.ts';

export interface SimulateOptions {
  /** number of time units to simulate; default: the scenario's horizon */
  horizon?: number;
  /**
   * the series to return (ids of stocks, variables and outcomes); default: all. A page that
   * draws a few of them on every lever step asks for those only. Outcomes are always returned.
   */
  series?: readonly string[];
}

export type Series = readonly number[];

export interface SimulationResult {
  scenarioId: string;
  /** every lever as used (after clamping) */
  levers: Record<string, number>;
  notices: LeverNotice[];
  horizon: number;
  /** time of each point, in the scenario's unit, from 0 to horizon */
  t: Series;
  /**
   * Series of every stock, variable and outcome, one value per time point. Plain arrays: a
   * browser allocates a new typed array's memory outside its heap, which cost several times a
   * whole simulation; an array of numbers is a cheap allocation on the heap.
   */
  series: Record<string, Series>;
  /** final value of every outcome */
  outcomes: Record<string, number>;
}

export interface HorizonNotice {
  kind: 'horizon-clamped';
  given: number;
  used: number;
  max: number;
}

export function resolveHorizon(model: Model, horizon: number | undefined): { horizon: number; notice?: HorizonNotice } {
  const { horizon: def, maxHorizon } = model.scenario.time;
  if (horizon === undefined) return { horizon: def };
  const used = Number.isFinite(horizon) ? Math.min(Math.max(Math.round(horizon), 1), maxHorizon) : def;
  return used === horizon
    ? { horizon: used }
    : { horizon: used, notice: { kind: 'horizon-clamped', given: horizon, used, max: maxHorizon } };
}

interface Workspace {
  /** the state: one slot per name, lifted part and intermediate result */
  v: number[];
  /** where each live series starts in the output, for `rowStride` */
  liveRow: Int32Array;
  rowStride: number;
  net: Float64Array;
  flowTarget: Int32Array;
  flowCoef: Float64Array;
  /** `simulate`'s lever values and output rows, reused across calls */
  levers: Float64Array;
  out: Float64Array;
  /** the time of each point, for the last horizon run: shared by the results (frozen) */
  t: Series;
}

/**
 * Scratch memory of each model, reused across runs: allocating typed arrays costs more than a
 * whole simulation step. Runs are synchronous, so one workspace per model is never shared.
 */
const workspaces = new WeakMap<Model, Workspace>();

function workspace(model: Model): Workspace {
  let w = workspaces.get(model);
  if (!w) {
    const dt = model.scenario.time.step;
    // A packed array of doubles: V8 reads and writes it faster than a Float64Array here.
    const v = Array.from({ length: model.slotCount }, () => 0.5);
    v.fill(0);
    // Numbers never change: written once. Every other slot is written in each run before it is read.
    for (let i = 0; i < model.numberSlots.length; i++) v[model.numberSlots[i]!] = model.numberValues[i]!;
    w = {
      v,
      liveRow: new Int32Array(model.liveSeries.length),
      rowStride: -1,
      net: new Float64Array(model.stockSlots.length),
      flowTarget: Int32Array.from(model.flowStock, (k) => model.stockSlots[k]!),
      flowCoef: Float64Array.from(model.flowSign, (sign) => sign * dt),
      levers: new Float64Array(model.scenario.levers.length),
      out: new Float64Array(0),
      t: [],
    };
    workspaces.set(model, w);
  }
  return w;
}

/**
 * Runs one simulation on lever values that are already resolved (every lever, in range). Series k
 * is written to out[k * stride + i] for time point i, i = 0..steps, except a series that repeats
 * another (an outcome that is a stock, say): read it from row model.seriesRow[k]. The hot loop.
 */
export function run(model: Model, leverValues: Float64Array, horizon: number, out: Float64Array, stride: number): void {
  const ws = workspace(model);
  const { v, net, flowTarget, flowCoef, liveRow } = ws;
  if (ws.rowStride !== stride) {
    for (let k = 0; k < liveRow.length; k++) liveRow[k] = model.liveSeries[k]! * stride;
    ws.rowStride = stride;
  }
  const dt = model.scenario.time.step;
  const steps = Math.round(horizon / dt);
  const { leverSlots, stockSlots, stockMin, stockMax, boundedStocks } = model;
  const { flowStock, flowSlot, dynamicProgram, recordedSlots, tSlot, dtSlot, monthSlot } = model;
  const { liveSeries, liveSlots, fixedSeries } = model;
  for (let i = 0; i < leverSlots.length; i++) v[leverSlots[i]!] = leverValues[i]!;
  v[dtSlot] = dt;
  const unit = model.scenario.time.unit;
  const { tableSlots, tables } = model;
  const nTables = tableSlots.length;
  const tableStride = Math.round(model.scenario.time.maxHorizon / dt) + 1;
  const startMonth = model.startMonth;
  v[monthSlot] = startMonth + 1;
  const readsMonth = model.readsMonth;
  execute(model.staticProgram, v, tSlot, dtSlot);
  const nStocks = stockSlots.length;
  for (let k = 0; k < nStocks; k++) {
    const initial = model.stockInitial[k]!;
    v[stockSlots[k]!] =
      typeof initial === 'number' ? initial : Math.min(Math.max(initial(v), stockMin[k]!), stockMax[k]!);
  }

  const nLive = liveSeries.length;
  const firstLive = liveSlots[0] ?? 0;
  const nFlows = flowSlot.length;
  const nBounded = boundedStocks.length;
  const direct = !model.flowsReadStocks;
  for (let i = 0; ; i++) {
    const t = i * dt;
    v[tSlot] = t;
    if (readsMonth) v[monthSlot] = calendarMonth(startMonth, unit, t);
    for (let j = 0; j < nTables; j++) v[tableSlots[j]!] = tables[j * tableStride + i]!;
    execute(dynamicProgram, v, tSlot, dtSlot);
    for (let k = 0; k < nLive; k++) out[liveRow[k]! + i] = v[firstLive + k]!;
    if (i === steps) break;
    if (direct) {
      // No flow reads a stock, so stocks can move one flow at a time.
      for (let f = 0; f < nFlows; f++) {
        const target = flowTarget[f]!;
        v[target] = v[target]! + flowCoef[f]! * v[flowSlot[f]!]!;
      }
    } else {
      net.fill(0);
      for (let f = 0; f < nFlows; f++) net[flowStock[f]!]! += flowCoef[f]! * v[flowSlot[f]!]!;
      for (let k = 0; k < nStocks; k++) v[stockSlots[k]!] = v[stockSlots[k]!]! + net[k]!;
    }
    for (let j = 0; j < nBounded; j++) {
      const k = boundedStocks[j]!;
      const x = v[stockSlots[k]!]!;
      v[stockSlots[k]!] = x < stockMin[k]! ? stockMin[k]! : x > stockMax[k]! ? stockMax[k]! : x;
    }
  }
  for (let j = 0; j < fixedSeries.length; j++) {
    const k = fixedSeries[j]!;
    out.fill(v[recordedSlots[k]!]!, k * stride, k * stride + steps + 1);
  }
}

/** A compiled model, or a checked scenario (compiled on first use and cached). */
export type Simulatable = Model | Scenario;

const rowIndexes = new WeakMap<Model, Map<string, number>>();

/** The output row of each recorded id. */
function rowsOf(model: Model): Map<string, number> {
  let rows = rowIndexes.get(model);
  if (!rows) {
    rows = new Map(model.recordedIds.map((id, k) => [id, model.seriesRow[k]!]));
    rowIndexes.set(model, rows);
  }
  return rows;
}

function modelOf(x: Simulatable): Model {
  return 'slotCount' in x ? x : compileScenario(x);
}

export function simulate(
  target: Simulatable,
  levers: Readonly<Record<string, unknown>> = {},
  options: SimulateOptions = {},
): SimulationResult {
  const model = modelOf(target);
  const { values, notices } = resolveLevers(model.scenario, levers);
  const { horizon } = resolveHorizon(model, options.horizon);
  const dt = model.scenario.time.step;
  const points = Math.round(horizon / dt) + 1;
  const count = model.recordedIds.length;
  const ws = workspace(model);
  if (ws.out.length !== count * points) ws.out = new Float64Array(count * points);
  const out = ws.out;
  model.scenario.levers.forEach((l, i) => (ws.levers[i] = values[l.id]!));
  run(model, ws.levers, horizon, out, points);
  // The same time axis object while the horizon is the same: what is drawn along it (a chart's
  // x positions) is worked out once, not on every lever step.
  if (ws.t.length !== points) {
    const t: number[] = [];
    for (let i = 0; i < points; i++) t.push(i * dt);
    ws.t = Object.freeze(t);
  }
  const t = ws.t;
  const rowOf = rowsOf(model);
  // One array per distinct row: a series that repeats another shares its array.
  const lines = new Map<number, number[]>();
  const series: Record<string, Series> = {};
  for (const id of options.series ?? model.recordedIds) {
    const row = rowOf.get(id);
    if (row === undefined) continue;
    let line = lines.get(row);
    if (!line) {
      line = [];
      for (let i = row * points; i < (row + 1) * points; i++) line.push(out[i]!);
      lines.set(row, line);
    }
    series[id] = line;
  }
  const outcomes: Record<string, number> = {};
  for (const id of model.outcomeIds) outcomes[id] = out[rowOf.get(id)! * points + points - 1]!;
  return { scenarioId: model.scenario.id, levers: values, notices, horizon, t, series, outcomes };
}

/**
 * Runs many simulations (Monte Carlo, sweeps, sensitivity) and returns the final outcomes of each.
 * Buffers are reused across runs, so a batch allocates almost nothing per run.
 */
export function simulateBatch(
  target: Simulatable,
  leverSets: readonly Readonly<Record<string, number>>[],
  options: SimulateOptions = {},
): Record<string, number>[] {
  const model = modelOf(target);
  const { horizon } = resolveHorizon(model, options.horizon);
  const points = Math.round(horizon / model.scenario.time.step) + 1;
  const out = new Float64Array(model.recordedIds.length * points);
  const outcomeIndex = model.outcomeIds.map((id) => model.seriesRow[model.recordedIds.indexOf(id)]!);
  const levers = new Float64Array(model.scenario.levers.length);
  return leverSets.map((set) => {
    const { values } = resolveLevers(model.scenario, set);
    model.scenario.levers.forEach((l, i) => (levers[i] = values[l.id]!));
    run(model, levers, horizon, out, points);
    const result: Record<string, number> = {};
    model.outcomeIds.forEach((id, k) => (result[id] = out[outcomeIndex[k]! * points + points - 1]!));
    return result;
  });
}
