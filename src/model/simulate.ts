/**
 * Steps the stocks and flows of a compiled scenario over its horizon (Euler) and returns the series
 * of every stock, variable and outcome. Pure and deterministic: the same call gives the same result.
 */
import { calendarMonth, compileScenario, type Model } from './compile.ts';
import type { Scenario } from './schema.ts';
import { execute, newState } from './program.ts';
import { resolveLevers, type LeverNotice } from './levers.ts';
import { resolveConstants, type ConstantNotice, type LeverSchedule } from './inputs.ts';
import { pointOf } from './time.ts';

export interface SimulateOptions {
  /** number of time units to simulate; default: the scenario's horizon */
  horizon?: number;
  /**
   * the series to return (ids of stocks, variables and outcomes); default: all. A page that
   * draws a few of them on every lever step asks for those only. Outcomes are always returned.
   */
  series?: readonly string[];
  /** constants that depart from their sourced values (checked and clamped to their ranges) */
  constants?: Readonly<Record<string, unknown>>;
  /** levers that change during the run (a preset's schedule, see inputs.ts) */
  schedule?: LeverSchedule;
}

export type Series = readonly number[];

export interface SimulationResult {
  scenarioId: string;
  /** every lever as used (after clamping); a scheduled lever's value before its first change */
  levers: Record<string, number>;
  /** every constant as used */
  constants: Record<string, number>;
  notices: (LeverNotice | ConstantNotice)[];
  horizon: number;
  /** time of each point, in the scenario's unit, from 0 to horizon */
  t: Series;
  /**
   * Series of every stock, variable and outcome, one value per time point. Plain arrays: a
   * browser allocates a new typed array's memory outside its heap, which cost several times a
   * whole simulation; an array of numbers is a cheap allocation on the heap.
   */
  series: Record<string, Series>;
  /** every outcome as its card summarises it (the value at the end, the peak, the total, or at a date) */
  outcomes: Record<string, number>;
  /** the index of the time point each outcome's summary was read at (the peak's, say); none for a total */
  outcomeAt: Record<string, number | undefined>;
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
  constants: Float64Array;
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
    const v = newState(model.slotCount);
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
      constants: new Float64Array(model.scenario.constants.length),
      out: new Float64Array(0),
      t: [],
    };
    workspaces.set(model, w);
  }
  return w;
}

/**
 * A lever that changes during a run: from step `step` on, lever `lever` (its index in the
 * scenario's lever order) takes `value`. Sorted by step.
 */
export interface ScheduledChange {
  step: number;
  lever: number;
  value: number;
}

/** What one run reads besides the model: every lever and every constant, in scenario order. */
export interface RunInputs {
  levers: Float64Array;
  constants: Float64Array;
  /** changes of levers during the run, sorted by step (none: levers are fixed) */
  schedule?: readonly ScheduledChange[];
}

/**
 * Runs one simulation on inputs that are already resolved (every lever and constant, in range).
 * Series k is written to out[k * stride + i] for time point i, i = 0..steps, except a series that
 * repeats another (an outcome that is a stock, say): read it from row model.seriesRow[k]. The hot
 * loop.
 */
export function run(model: Model, inputs: RunInputs, horizon: number, out: Float64Array, stride: number): void {
  const ws = workspace(model);
  const { v, net, flowTarget, flowCoef, liveRow } = ws;
  if (ws.rowStride !== stride) {
    for (let k = 0; k < liveRow.length; k++) liveRow[k] = model.liveSeries[k]! * stride;
    ws.rowStride = stride;
  }
  const dt = model.scenario.time.step;
  const steps = Math.round(horizon / dt);
  const { leverSlots, constantSlots, stockSlots, stockMin, stockMax, boundedStocks } = model;
  const { flowStock, flowSlot, dynamicProgram, recordedSlots, tSlot, dtSlot, monthSlot } = model;
  const { liveSeries, liveSlots, fixedSeries } = model;
  const { levers, constants } = inputs;
  for (let i = 0; i < leverSlots.length; i++) v[leverSlots[i]!] = levers[i]!;
  for (let i = 0; i < constantSlots.length; i++) v[constantSlots[i]!] = constants[i]!;
  v[dtSlot] = dt;
  const unit = model.scenario.time.unit;
  const { tableSlots, tables } = model;
  const nTables = tableSlots.length;
  const tableStride = Math.round(model.scenario.time.maxHorizon / dt) + 1;
  const startMonth = model.startMonth;
  v[monthSlot] = startMonth + 1;
  v[tSlot] = 0;
  const readsMonth = model.readsMonth;
  const schedule = inputs.schedule ?? [];
  // A scheduled lever moves during the run, and so may anything computed from levers alone: then
  // the fixed series are recorded at every step, not filled once at the end.
  const recordFixed = schedule.length > 0;
  const nFixed = fixedSeries.length;
  let next = 0;
  // Changes due at the start apply before anything is computed, initial values included.
  while (next < schedule.length && schedule[next]!.step <= 0) {
    v[leverSlots[schedule[next]!.lever]!] = schedule[next]!.value;
    next++;
  }
  execute(model.staticProgram, v, tSlot, dtSlot);
  execute(model.initialProgram, v, tSlot, dtSlot);
  const nStocks = stockSlots.length;
  for (let k = 0; k < nStocks; k++) {
    v[stockSlots[k]!] = Math.min(Math.max(v[model.initialSlots[k]!]!, stockMin[k]!), stockMax[k]!);
  }

  const nLive = liveSeries.length;
  const firstLive = liveSlots[0] ?? 0;
  const nFlows = flowSlot.length;
  const nBounded = boundedStocks.length;
  const direct = !model.flowsReadStocks;
  for (let i = 0; ; i++) {
    const t = i * dt;
    v[tSlot] = t;
    if (next < schedule.length && schedule[next]!.step <= i) {
      // A scheduled lever changes: what depends on levers only is worked out again.
      while (next < schedule.length && schedule[next]!.step <= i) {
        v[leverSlots[schedule[next]!.lever]!] = schedule[next]!.value;
        next++;
      }
      execute(model.staticProgram, v, tSlot, dtSlot);
    }
    if (readsMonth) v[monthSlot] = calendarMonth(startMonth, unit, t);
    for (let j = 0; j < nTables; j++) v[tableSlots[j]!] = tables[j * tableStride + i]!;
    execute(dynamicProgram, v, tSlot, dtSlot);
    for (let k = 0; k < nLive; k++) out[liveRow[k]! + i] = v[firstLive + k]!;
    if (recordFixed)
      for (let j = 0; j < nFixed; j++) out[fixedSeries[j]! * stride + i] = v[recordedSlots[fixedSeries[j]!]!]!;
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
  if (recordFixed) return;
  for (let j = 0; j < nFixed; j++) {
    const k = fixedSeries[j]!;
    out.fill(v[recordedSlots[k]!]!, k * stride, k * stride + steps + 1);
  }
}

/** A compiled model, or a checked scenario (compiled on first use and cached). */
export type Simulatable = Model | Scenario;

const rowIndexes = new WeakMap<Model, Map<string, number>>();

/** The output row of each recorded id. */
export function rowsOf(model: Model): Map<string, number> {
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

/** A schedule as changes on the run's steps, each value clamped to its lever's range. */
export function scheduledChanges(model: Model, schedule: LeverSchedule | undefined): ScheduledChange[] {
  if (!schedule) return [];
  const dt = model.scenario.time.step;
  const changes: ScheduledChange[] = [];
  model.scenario.levers.forEach((l, lever) => {
    for (const e of schedule[l.id] ?? []) {
      const value = Math.min(Math.max(e.value, l.min), l.max);
      changes.push({ step: Math.max(0, Math.floor(e.at / dt + 1e-9)), lever, value });
    }
  });
  // Stable: of two changes at the same step, the later entry wins.
  return changes.sort((a, b) => a.step - b.step);
}

/** Each outcome as its scenario summarises it, from the output rows of one run. */
export function summariseRun(
  model: Model,
  out: Float64Array,
  points: number,
  rowOf: ReadonlyMap<string, number>,
): { outcomes: Record<string, number>; outcomeAt: Record<string, number | undefined> } {
  const outcomes: Record<string, number> = {};
  const outcomeAt: Record<string, number | undefined> = {};
  const { time } = model.scenario;
  for (const o of model.scenario.outcomes) {
    const base = rowOf.get(o.id)! * points;
    const { of, at } = o.summary;
    if (of === 'total') {
      let sum = 0;
      // A flow per step, summed over the steps the horizon covers (not the last point).
      for (let i = 0; i < points - 1; i++) sum += out[base + i]! * time.step;
      outcomes[o.id] = sum;
      outcomeAt[o.id] = undefined;
    } else if (of === 'peak') {
      let best = 0;
      for (let i = 1; i < points; i++) if (out[base + i]! > out[base + best]!) best = i;
      outcomes[o.id] = out[base + best]!;
      outcomeAt[o.id] = best;
    } else {
      const i = of === 'at' && at !== undefined ? pointOf(time, at, points) : points - 1;
      outcomes[o.id] = out[base + i]!;
      outcomeAt[o.id] = i;
    }
  }
  return { outcomes, outcomeAt };
}

export function simulate(
  target: Simulatable,
  levers: Readonly<Record<string, unknown>> = {},
  options: SimulateOptions = {},
): SimulationResult {
  const model = modelOf(target);
  const resolved = resolveLevers(model.scenario, levers);
  const constants = resolveConstants(model.scenario, options.constants);
  const { horizon } = resolveHorizon(model, options.horizon);
  const dt = model.scenario.time.step;
  const points = Math.round(horizon / dt) + 1;
  const count = model.recordedIds.length;
  const ws = workspace(model);
  if (ws.out.length !== count * points) ws.out = new Float64Array(count * points);
  const out = ws.out;
  model.scenario.levers.forEach((l, i) => (ws.levers[i] = resolved.values[l.id]!));
  model.scenario.constants.forEach((c, i) => (ws.constants[i] = constants.values[c.id]!));
  const schedule = scheduledChanges(model, options.schedule);
  run(model, { levers: ws.levers, constants: ws.constants, schedule }, horizon, out, points);
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
  return {
    scenarioId: model.scenario.id,
    levers: resolved.values,
    constants: constants.values,
    notices: [...resolved.notices, ...constants.notices],
    horizon,
    t,
    series,
    ...summariseRun(model, out, points, rowOf),
  };
}

/** One run of a batch: levers and constants that depart from the defaults. */
export interface BatchRun {
  levers?: Readonly<Record<string, number>>;
  constants?: Readonly<Record<string, number>>;
}

/**
 * Runs many simulations (sweeps, sensitivity, effects tables) and returns the outcomes of each, as
 * their cards summarise them. Buffers are reused across runs, so a batch allocates little per run.
 */
export function simulateBatch(
  target: Simulatable,
  runs: readonly BatchRun[],
  options: Pick<SimulateOptions, 'horizon' | 'schedule'> = {},
): Record<string, number>[] {
  const model = modelOf(target);
  const { horizon } = resolveHorizon(model, options.horizon);
  const points = Math.round(horizon / model.scenario.time.step) + 1;
  const out = new Float64Array(model.recordedIds.length * points);
  const levers = new Float64Array(model.scenario.levers.length);
  const constants = new Float64Array(model.scenario.constants.length);
  const schedule = scheduledChanges(model, options.schedule);
  const rowOf = rowsOf(model);
  return runs.map((r) => {
    const lv = resolveLevers(model.scenario, r.levers).values;
    const cv = resolveConstants(model.scenario, r.constants).values;
    model.scenario.levers.forEach((l, i) => (levers[i] = lv[l.id]!));
    model.scenario.constants.forEach((c, i) => (constants[i] = cv[c.id]!));
    run(model, { levers, constants, schedule }, horizon, out, points);
    return summariseRun(model, out, points, rowOf).outcomes;
  });
}
