import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { stepAnswer, stepSetting } from '../../src/model/story.ts';
import { scheduleOf } from '../../src/model/inputs.ts';
import { selectConcealed, selectStoryChanges } from '../../src/state/derived.ts';
import { createAppStore } from '../../src/state/store.ts';
import { decodeUrl, encodeUrl } from '../../src/state/url.ts';
import { founding } from '../helpers.ts';

const model = founding();
const { scenario } = model;
const decode = (search: string) => decodeUrl(search, [scenario], scenario.id);
const link = (store: ReturnType<typeof createAppStore>) => encodeUrl(store.getState(), scenario);

describe('a story step', () => {
  it('sets its preset’s values and dated events, with its own values on top', () => {
    const thaw = scenario.story.find((s) => s.id === 'lastingThaw')!;
    expect(stepSetting(scenario, thaw)).toEqual({ values: { usRelief: 30, arrestRate: 0 }, follows: {} });
    const airline = scenario.story.find((s) => s.id === 'airlineTrade')!;
    const { follows } = stepSetting(scenario, airline);
    expect(Object.values(follows)).toEqual(Object.keys(follows).map(() => 'asItHappened'));
    expect(Object.keys(follows).sort()).toEqual(
      Object.keys(scenario.presets.find((p) => p.id === 'asItHappened')!.schedule!).sort(),
    );
  });

  it('answers its question with the model: the value at its month and the choice whose range holds it', () => {
    const airline = scenario.story.find((s) => s.id === 'airlineTrade')!;
    const preset = scenario.presets.find((p) => p.id === 'asItHappened')!;
    const run = simulate(model, preset.values, { schedule: scheduleOf(scenario, preset.id) });
    const answer = stepAnswer(scenario, airline, run);
    const october = run.t.findIndex((_, i) => i === answer.at);
    expect(answer.value).toBe(run.series.releasedByDeals![october]);
    const q = airline.question!;
    if (q.kind !== 'choice') throw new Error('the airline step asks a choice');
    const right = q.choices[answer.choice!]!;
    const before = q.choices[answer.choice! - 1];
    expect(right.below === undefined || answer.value < right.below).toBe(true);
    expect(before === undefined || answer.value >= before.below!).toBe(true);
  });
});

describe('the story in the store and the link', () => {
  it('goes to a step with its settings, and the link says only the step', () => {
    const store = createAppStore([scenario]);
    store.getState().goToStep(8);
    expect(store.getState().levers).toEqual({ usRelief: 30, arrestRate: 0 });
    expect(link(store)).toBe('?scenario=belarus-prisoners&v=2&step=8');
    expect(decode(link(store)).levers).toEqual({ usRelief: 30, arrestRate: 0 });
  });

  it('writes a lever moved away from the step as a change from the step, even back to its default', () => {
    const store = createAppStore([scenario], '?step=8');
    store.getState().setLever('usRelief', 0);
    expect(selectStoryChanges(store.getState())).toEqual(['usRelief']);
    expect(link(store)).toBe('?scenario=belarus-prisoners&v=2&step=8&usRelief=0');
    const opened = createAppStore([scenario], link(store));
    expect(opened.getState().levers).toEqual({ arrestRate: 0 });
    expect(selectStoryChanges(opened.getState())).toEqual(['usRelief']);
    opened.getState().resetStep();
    expect(selectStoryChanges(opened.getState())).toEqual([]);
  });

  it('keeps a lever following the step’s dated events, and writes it when it no longer does', () => {
    const store = createAppStore([scenario], '?step=3');
    expect(store.getState().follows.usRelief).toBe('asItHappened');
    store.getState().resetLever('usRelief');
    expect(link(store)).toContain('usRelief=0');
    expect(decode(link(store)).follows.usRelief).toBeUndefined();
  });

  it('hides the step’s outcome until its answer is revealed, and forgets the reveal at the next step', () => {
    const store = createAppStore([scenario], '?step=3');
    expect(selectConcealed(store.getState())).toBe('releasedByDeals');
    store.getState().reveal();
    expect(selectConcealed(store.getState())).toBeUndefined();
    store.getState().goToStep(4);
    expect(selectConcealed(store.getState())).toBe('releasedUnderPressure');
    store.getState().goToStep(2);
    expect(selectConcealed(store.getState())).toBeUndefined();
  });

  it('opens a link to a step that does not exist outside the story, and says so', () => {
    const d = decode('?scenario=belarus-prisoners&step=12');
    expect(d.step).toBe(0);
    expect(d.notices).toEqual([{ kind: 'unknown-step', given: '12', steps: scenario.story.length }]);
  });
});

describe('the view, embedding and levers a teacher locked or hid, in the link', () => {
  it('come back from the link as they were written, commas and all', () => {
    const store = createAppStore([scenario]);
    store.getState().setView('present');
    store.getState().setAccess('usRelief', 'locked');
    store.getState().setAccess('russiaSupport', 'locked');
    store.getState().setAccess('arrestRate', 'hidden');
    const written = link(store);
    expect(written).toBe('?scenario=belarus-prisoners&v=2&view=present&lock=usRelief,russiaSupport&hide=arrestRate');
    const d = decode(`${written}&embed=1`);
    expect([d.view, d.embed, d.locked, d.hidden]).toEqual([
      'present',
      true,
      ['usRelief', 'russiaSupport'],
      ['arrestRate'],
    ]);
    expect(d.notices).toEqual([]);
  });

  it('give exactly what an edited link says, ignoring and naming what is not a lever', () => {
    const d = decode('?lock=usRelief,%20nothing,usRelief&hide=&view=wall');
    expect(d.locked).toEqual(['usRelief']);
    expect(d.hidden).toEqual([]);
    expect(d.view).toBe('page');
    expect(d.notices).toEqual([
      { kind: 'unknown-view', given: 'wall' },
      { kind: 'unknown-lever-in-list', key: 'lock', given: 'nothing' },
    ]);
  });

  it('keep a locked lever as the link set it, whatever sets levers', () => {
    const store = createAppStore([scenario], '?usRelief=5&lock=usRelief');
    store.getState().setLever('usRelief', 9);
    store.getState().resetLever('usRelief');
    store.getState().applyPreset('usRungBanks');
    store.getState().resetAll();
    store.getState().goToStep(8);
    expect(store.getState().levers.usRelief).toBe(5);
    expect(store.getState().levers.arrestRate).toBe(0);
  });
});
