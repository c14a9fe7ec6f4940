import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { createAppStore } from '../../src/state/store.ts';
import { selectResult } from '../../src/state/derived.ts';
import { founding } from '../helpers.ts';

const model = founding();
const scenario = model.scenario;

describe('the store', () => {
  it('starts from the link it was opened with', () => {
    const store = createAppStore([scenario], '?scenario=belarus-prisoners&usRelief=8&sentenceMonths=40&seed=3&lang=ar');
    expect(store.getState()).toMatchObject({
      scenarioId: 'belarus-prisoners',
      levers: { usRelief: 8 },
      constants: { sentenceMonths: 40 },
      seed: 3,
      lang: 'ar',
      notices: [],
    });
  });

  it('keeps only levers that differ from their defaults, snapped to their step', () => {
    const store = createAppStore([scenario]);
    store.getState().setLever('polandClosureDays', 2.3);
    store.getState().setLever('arrestRate', 28);
    expect(store.getState().levers).toEqual({ polandClosureDays: 2.5 });
    store.getState().setLever('polandClosureDays', 0);
    expect(store.getState().levers).toEqual({});
    store.getState().setLever('nonsense', 3);
    store.getState().setLever('usRelief', Number.NaN);
    expect(store.getState().levers).toEqual({});
  });

  it('applies a preset as one discrete change, its dated schedule included, and resets', () => {
    const store = createAppStore([scenario]);
    store.getState().setLever('arrestRate', 10);
    store.getState().applyPreset('usRungBanks');
    expect(store.getState().levers).toEqual({ usRelief: 16, exileShare: 6 });
    expect(store.getState().follows).toEqual({});
    expect(store.getState().lastChange).toBe('discrete');
    store.getState().applyPreset('asItHappened');
    expect(store.getState().follows).toEqual({
      usRelief: 'asItHappened',
      polandClosureDays: 'asItHappened',
      exileShare: 'asItHappened',
    });
    expect(store.getState().levers).toEqual({ polandLinksPrisoners: 0 });
    store.getState().resetLever('usRelief');
    expect(store.getState().follows.usRelief).toBeUndefined();
    store.getState().resetAll();
    expect(store.getState().levers).toEqual({});
    expect(store.getState().follows).toEqual({});
  });

  it('keeps a constant within its range as an assumption, and forgets it at its sourced value', () => {
    const store = createAppStore([scenario]);
    store.getState().setConstant('sentenceMonths', 12);
    expect(store.getState().constants).toEqual({ sentenceMonths: 32 });
    store.getState().setConstant('sentenceMonths', 47);
    expect(store.getState().constants).toEqual({});
    store.getState().setConstant('daysPerMonth', 31);
    store.getState().setConstant('luck', 1);
    expect(store.getState().constants).toEqual({});
  });

  it('derives results from the settings instead of storing them', () => {
    const store = createAppStore([scenario]);
    store.getState().setLever('usRelief', 8);
    store.getState().setConstant('sentenceMonths', 40);
    const a = selectResult(store.getState());
    // The same settings give the same run; a change of language runs nothing again.
    expect(selectResult(store.getState())).toBe(a);
    store.getState().setLang('ar');
    expect(selectResult(store.getState())).toBe(a);
    expect(a.outcomes.releasedByDeals).toBeCloseTo(
      simulate(model, { usRelief: 8 }, { constants: { sentenceMonths: 40 } }).outcomes.releasedByDeals!,
      9,
    );
    // The state holds settings only: nothing in it is a simulation result or a series.
    const state = store.getState() as unknown as Record<string, unknown>;
    const looksLikeResult = (v: unknown) =>
      typeof v === 'object' && v !== null && ('outcomes' in v || 'series' in v || 'bands' in v);
    expect(
      Object.entries(state)
        .filter(([, v]) => looksLikeResult(v))
        .map(([k]) => k),
    ).toEqual([]);
  });
});
