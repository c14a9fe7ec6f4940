/**
 * Steps the stocks and flows of a compiled scenario over its horizon (Euler) and returns the series
 * of every stock, variable and outcome. Pure and deterministic: the same call gives the same result.
 */
import type { Model } from './compile.ts';
import { resolveLevers, type LeverNotice } from './levers.ts';

export interface SimulateOptions {
  /** number of time units to simulate; default: the scenario's horizon */
  horizon?: number;
}

export interface SimulationResult {
  scenarioId: string;
  /** every lever as used (after clamping) */
  levers: Record<string, number>;
  notices: LeverNotice[];
  horizon: number;
  /** time of each point, in the scenario's unit, from 0 to horizon */
  t: Float64Array;
  /** series of every stock, variable and outcome, one value per time point */
  series: Record<string, Float64Array>;
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
  return used === horizon ? { horizon: used } : { horizon: used, notice: { kind: 'horizon-clamped', given: horizon, used, max: maxHorizon } };
}

/**
 * Runs one simulation on lever values that are already resolved (every lever, in range), writing
 * into `out` (one array per recorded id, each of length steps + 1). The hot loop of the engine.
 */
export function run(model: Model, leverValues: Float64Array, horizon: number, out: Float64Array[]): void {
  const v = new Float64Array(model.slotCount);
  const dt = model.scenario.time.step;
  const steps = Math.round(horizon / dt);
  const { leverSlots, constantSlots, constantValues, stockSlots, stockMin, stockMax } = model;
  const { flowStock, flowSign, flowSlot, dynamicSlots, dynamicFns, recordedSlots, tSlot, monthSlot } = model;
  for (let i = 0; i < leverSlots.length; i++) v[leverSlots[i]!] = leverValues[i]!;
  for (let i = 0; i < constantSlots.length; i++) v[constantSlots[i]!] = constantValues[i]!;
  v[model.dtSlot] = dt;
  const monthly = model.scenario.time.unit === 'month';
  const startMonth = model.startMonth;
  v[monthSlot] = startMonth + 1;
  for (let k = 0; k < model.staticFns.length; k++) v[model.staticSlots[k]!] = model.staticFns[k]!(v);
  const nStocks = stockSlots.length;
  for (let k = 0; k < nStocks; k++) {
    v[stockSlots[k]!] = Math.min(Math.max(model.stockInitial[k]!(v), stockMin[k]!), stockMax[k]!);
  }

  const net = new Float64Array(nStocks);
  const nEq = dynamicFns.length;
  const nRec = recordedSlots.length;
  const nFlows = flowSlot.length;
  // Each step copies the whole state at once (one memcpy); the series are gathered at the end.
  const width = model.slotCount;
  const history = new Float64Array(width * (steps + 1));
  for (let i = 0; ; i++) {
    const t = i * dt;
    v[tSlot] = t;
    const months = monthly ? t : (t * 7) / 30.4375;
    v[monthSlot] = ((startMonth + Math.floor(months + 1e-9)) % 12) + 1;
    for (let k = 0; k < nEq; k++) v[dynamicSlots[k]!] = dynamicFns[k]!(v);
    history.set(v, i * width);
    if (i === steps) break;
    net.fill(0);
    for (let f = 0; f < nFlows; f++) net[flowStock[f]!]! += flowSign[f]! * v[flowSlot[f]!]!;
    for (let k = 0; k < nStocks; k++) {
      const next = v[stockSlots[k]!]! + dt * net[k]!;
      v[stockSlots[k]!] = next < stockMin[k]! ? stockMin[k]! : next > stockMax[k]! ? stockMax[k]! : next;
    }
  }
  for (let k = 0; k < nRec; k++) {
    const series = out[k]!;
    const slot = recordedSlots[k]!;
    for (let i = 0, j = slot; i <= steps; i++, j += width) series[i] = history[j]!;
  }
}

export function simulate(
  model: Model,
  levers: Readonly<Record<string, unknown>> = {},
  options: SimulateOptions = {},
): SimulationResult {
  const { values, notices } = resolveLevers(model.scenario, levers);
  const { horizon } = resolveHorizon(model, options.horizon);
  const dt = model.scenario.time.step;
  const points = Math.round(horizon / dt) + 1;
  const out = model.recordedIds.map(() => new Float64Array(points));
  run(model, Float64Array.from(model.scenario.levers.map((l) => values[l.id]!)), horizon, out);

  const t = new Float64Array(points);
  for (let i = 0; i < points; i++) t[i] = i * dt;
  const series: Record<string, Float64Array> = {};
  model.recordedIds.forEach((id, k) => (series[id] = out[k]!));
  const outcomes: Record<string, number> = {};
  for (const id of model.outcomeIds) outcomes[id] = series[id]![points - 1]!;
  return { scenarioId: model.scenario.id, levers: values, notices, horizon, t, series, outcomes };
}

/**
 * Runs many simulations (Monte Carlo, sweeps, sensitivity) and returns the final outcomes of each.
 * Buffers are reused across runs, so a batch allocates almost nothing per run.
 */
export function simulateBatch(
  model: Model,
  leverSets: readonly Readonly<Record<string, number>>[],
  options: SimulateOptions = {},
): Record<string, number>[] {
  const { horizon } = resolveHorizon(model, options.horizon);
  const points = Math.round(horizon / model.scenario.time.step) + 1;
  const out = model.recordedIds.map(() => new Float64Array(points));
  const outcomeIndex = model.outcomeIds.map((id) => model.recordedIds.indexOf(id));
  const levers = new Float64Array(model.scenario.levers.length);
  return leverSets.map((set) => {
    const { values } = resolveLevers(model.scenario, set);
    model.scenario.levers.forEach((l, i) => (levers[i] = values[l.id]!));
    run(model, levers, horizon, out);
    const result: Record<string, number> = {};
    model.outcomeIds.forEach((id, k) => (result[id] = out[outcomeIndex[k]!]![points - 1]!));
    return result;
  });
}
