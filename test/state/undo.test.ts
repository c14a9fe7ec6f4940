import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store.ts';
import { watchUndo } from '../../src/state/undo.ts';
import { founding } from '../helpers.ts';

const scenario = founding().scenario;

/** A store and its undo history on a clock the test moves. */
function setUp(search = '') {
  const store = createAppStore([scenario], search);
  let now = 0;
  const undo = watchUndo(store, { now: () => now });
  return { store, undo, tick: (ms: number) => (now += ms), levers: () => store.getState().levers };
}

describe('undo and redo', () => {
  it('take back a run of moves of one slider as one step, and redo it', () => {
    const { store, undo, tick, levers } = setUp();
    for (const v of [1, 2, 3, 4]) {
      store.getState().setLever('usRelief', v);
      tick(200);
    }
    expect(undo.getState().past).toHaveLength(1);
    undo.getState().undo();
    expect(levers()).toEqual({});
    expect(undo.getState().future).toHaveLength(1);
    undo.getState().redo();
    expect(levers()).toEqual({ usRelief: 4 });
  });

  it('keep moves a second apart, or of another lever, as steps of their own', () => {
    const { store, undo, tick, levers } = setUp();
    store.getState().setLever('usRelief', 2);
    tick(1500);
    store.getState().setLever('usRelief', 3);
    tick(100);
    store.getState().setLever('arrestRate', 40);
    expect(undo.getState().past).toHaveLength(3);
    undo.getState().undo();
    expect(levers()).toEqual({ usRelief: 3 });
    undo.getState().undo();
    expect(levers()).toEqual({ usRelief: 2 });
  });

  it('take back a preset, "Reset all" and an assumption, each as one step', () => {
    const { store, undo, levers } = setUp('?usRelief=5');
    store.getState().applyPreset('usRungBanks');
    store.getState().resetAll();
    store.getState().setConstant('sentenceMonths', 40);
    undo.getState().undo();
    expect(store.getState().constants).toEqual({});
    undo.getState().undo();
    expect(levers()).toEqual({ usRelief: 16, exileShare: 6 });
    undo.getState().undo();
    expect(levers()).toEqual({ usRelief: 5 });
    expect(undo.getState().past).toHaveLength(0);
  });

  it('forget what could be redone once a new change is made', () => {
    const { store, undo } = setUp();
    store.getState().setLever('usRelief', 2);
    undo.getState().undo();
    expect(undo.getState().future).toHaveLength(1);
    store.getState().setLever('arrestRate', 10);
    expect(undo.getState().future).toHaveLength(0);
  });

  it('leave the changes that come from the address (Back, Forward) to the browser', () => {
    const { store, undo } = setUp();
    store.getState().restore({ ...store.getState(), levers: { usRelief: 9 }, notices: [] });
    expect(undo.getState().past).toHaveLength(0);
  });

  it('never move a locked lever', () => {
    const { store, undo, levers } = setUp('?usRelief=5&lock=usRelief');
    store.getState().setLever('arrestRate', 40);
    undo.getState().undo();
    expect(levers()).toEqual({ usRelief: 5 });
    store.getState().setLever('usRelief', 9);
    expect(levers()).toEqual({ usRelief: 5 });
  });
});
