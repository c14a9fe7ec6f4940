import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store.ts';
import { resultOf } from '../../src/state/results.ts';
import { founding } from '../helpers.ts';

const scenario = founding().scenario;

describe('the store', () => {
  it('starts from the link it was opened with', () => {
    const store = createAppStore([scenario], '?scenario=belarus-prisoners&usRelief=8&lang=ar');
    expect(store.getState()).toMatchObject({
      scenarioId: 'belarus-prisoners',
      levers: { usRelief: 8 },
      lang: 'ar',
      notices: [],
    });
  });

  it('keeps only levers that differ from their defaults, snapped to their step', () => {
    const store = createAppStore([scenario]);
    store.getState().setLever('polandClosureWeeks', 2.3);
    store.getState().setLever('arrestRate', 42);
    expect(store.getState().levers).toEqual({ polandClosureWeeks: 2.5 });
    store.getState().setLever('polandClosureWeeks', 0);
    expect(store.getState().levers).toEqual({});
    store.getState().setLever('nonsense', 3);
    store.getState().setLever('usRelief', Number.NaN);
    expect(store.getState().levers).toEqual({});
  });

  it('applies a preset as one discrete change, and resets', () => {
    const store = createAppStore([scenario]);
    store.getState().setLever('arrestRate', 10);
    store.getState().applyPreset('usRungBanks');
    expect(store.getState().levers).toEqual({ usRelief: 16, exileShare: 5 });
    expect(store.getState().lastChange).toBe('discrete');
    store.getState().resetLever('usRelief');
    expect(store.getState().levers).toEqual({ exileShare: 5 });
    store.getState().resetAll();
    expect(store.getState().levers).toEqual({});
  });

  it('derives results from the settings instead of storing them', () => {
    const store = createAppStore([scenario]);
    store.getState().setLever('usRelief', 8);
    const { levers } = store.getState();
    const a = resultOf(scenario, levers);
    expect(resultOf(scenario, levers)).toBe(a);
    expect(a.outcomes.releasedByDeals).toBeCloseTo(116, 6);
    expect(Object.keys(store.getState())).not.toContain('result');
  });
});
