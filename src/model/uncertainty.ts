/**
 * What the uncertainty view needs from one setting, computed together because it runs off the
 * main thread: the Monte Carlo bands, and which levers can do nothing at this setting (moving one
 * from its min to its max, with everything else as set, changes no outcome).
 */
import { monteCarlo, type MonteCarloResult } from './analysis.ts';
import type { Model } from './compile.ts';
import type { LeverSchedule } from './inputs.ts';
import { simulateBatch } from './simulate.ts';

export interface UncertaintyRequest {
  levers: Record<string, number>;
  constants: Record<string, number>;
  schedule: LeverSchedule;
  seed: number;
  draws: number;
  series: string[];
}

export interface Uncertainty {
  bands: MonteCarloResult;
  /** levers that change no outcome at this setting, whatever their value */
  inert: string[];
}

export function uncertaintyOf(model: Model, request: UncertaintyRequest): Uncertainty {
  const { levers, constants, schedule, seed, draws, series } = request;
  const bands = monteCarlo(model, levers, { constants, schedule, seed, draws, series });
  const runs = model.scenario.levers.flatMap((l) => [
    { levers: { ...levers, [l.id]: l.min }, constants },
    { levers: { ...levers, [l.id]: l.max }, constants },
  ]);
  const outcomes = simulateBatch(model, runs, { schedule });
  const inert = model.scenario.levers
    .filter((l, i) => {
      // A lever that follows a schedule is not fixed at one value: leave it out.
      if (schedule[l.id]) return false;
      const lo = outcomes[2 * i]!;
      const hi = outcomes[2 * i + 1]!;
      return Object.keys(lo).every((id) => Math.abs(hi[id]! - lo[id]!) <= 1e-6 * Math.max(1, Math.abs(lo[id]!)));
    })
    .map((l) => l.id);
  return { bands, inert };
}
