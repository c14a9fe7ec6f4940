import { describe, expect, it } from 'vitest';
import { scheduleOf } from '../../src/model/inputs.ts';
import { simulate } from '../../src/model/simulate.ts';
import {
  periodsOf,
  selectActivePreset,
  selectBaseline,
  selectReach,
  rememberReach,
  selectResult,
  shownSeries,
} from '../../src/state/derived.ts';
import { createAppStore } from '../../src/state/store.ts';
import { founding } from '../helpers.ts';

const model = founding();
const { scenario } = model;

describe('the derived state', () => {
  it('runs the defaults once per scenario, and uses that run while every setting is at its default', () => {
    const store = createAppStore([scenario]);
    const baseline = selectBaseline(store.getState());
    expect(selectResult(store.getState())).toBe(baseline);
    expect(baseline.outcomes.prisonersHeld).toBeCloseTo(simulate(model, {}).outcomes.prisonersHeld!, 9);
    store.getState().setLever('usRelief', 8);
    expect(selectResult(store.getState())).not.toBe(baseline);
    expect(selectBaseline(store.getState())).toBe(baseline);
  });

  it('knows what each shown series can reach: every preset’s run lies within it', () => {
    const store = createAppStore([scenario]);
    const { extents, ends } = selectReach(store.getState());
    expect(Object.keys(extents).sort()).toEqual([...shownSeries(scenario)].sort());
    for (const preset of scenario.presets) {
      const run = simulate(model, preset.values, { schedule: scheduleOf(scenario, preset.id) });
      for (const id of shownSeries(scenario)) {
        const [lo, hi] = extents[id]!;
        for (const v of run.series[id]!) {
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(v).toBeLessThanOrEqual(hi + 1e-9);
        }
        expect(Math.abs(run.series[id]!.at(-1)!)).toBeLessThanOrEqual(ends[id]! + 1e-9);
      }
    }
    // Reaching further than the defaults: more people can be held than today.
    expect(extents.prisonersHeld![1]).toBeGreaterThan(selectBaseline(store.getState()).outcomes.prisonersHeld!);
  });

  it('uses a reach worked out ahead instead of working it out again', () => {
    const copy = structuredClone(scenario);
    const ahead = { extents: { prisonersHeld: [0, 1] as [number, number] }, ends: {} };
    rememberReach(copy, ahead);
    expect(selectReach(createAppStore([copy]).getState())).toBe(ahead);
  });

  it('finds the shaded periods: a closure of 30 days from the start is one period of about a month', () => {
    const closed = simulate(model, { polandClosureDays: 30 }, { series: shownSeries(scenario) });
    const periods = periodsOf(scenario, closed);
    expect(periods).toHaveLength(1);
    expect(periods[0]!.from).toBe(0);
    expect(periods[0]!.to).toBeCloseTo(30 / 30.4, 1);
    expect(periodsOf(scenario, simulate(model, {}, { series: shownSeries(scenario) }))).toEqual([]);
  });

  it('names the preset the settings are, and none once a lever moves away from it', () => {
    const store = createAppStore([scenario]);
    expect(selectActivePreset(store.getState())).toBe('statusQuo');
    store.getState().applyPreset('usRungBanks');
    expect(selectActivePreset(store.getState())).toBe('usRungBanks');
    store.getState().applyPreset('asItHappened');
    expect(selectActivePreset(store.getState())).toBe('asItHappened');
    store.getState().setLever('usRelief', 5);
    expect(selectActivePreset(store.getState())).toBeUndefined();
    // Every preset, once applied, is the one named.
    for (const preset of scenario.presets) {
      store.getState().applyPreset(preset.id);
      expect(selectActivePreset(store.getState())).toBe(preset.id);
    }
  });
});
