import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncWithUrl, type UrlSync } from '../../src/state/history.ts';
import { createAppStore } from '../../src/state/store.ts';
import { founding } from '../helpers.ts';

const scenario = founding().scenario;
let sync: UrlSync | undefined;

function open(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  const store = createAppStore([scenario], window.location.search);
  sync = syncWithUrl(store, window, 250);
  return store;
}

afterEach(() => {
  sync?.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the address bar', () => {
  it('is rewritten to the canonical link of what the page shows', () => {
    open('?usRelief=99&bogus=1');
    expect(window.location.search).toBe('?scenario=belarus-prisoners&v=2&usRelief=30');
  });

  it('follows a moving slider with replaceState, at most every 250 ms', () => {
    vi.useFakeTimers();
    const store = open('?scenario=belarus-prisoners');
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    for (let v = 1; v <= 10; v++) store.getState().setLever('usRelief', v);
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(window.location.search).toContain('usRelief=10');
    expect(replace).toHaveBeenCalledTimes(1);
    for (let v = 11; v <= 15; v++) store.getState().setLever('usRelief', v);
    vi.advanceTimersByTime(300);
    expect(window.location.search).toContain('usRelief=15');
    expect(replace).toHaveBeenCalledTimes(2);
    expect(push).not.toHaveBeenCalled();
  });

  it('gives the copied link the latest value even before the throttle has passed', () => {
    vi.useFakeTimers();
    const store = open('');
    store.getState().setLever('usRelief', 3);
    store.getState().setLever('usRelief', 4);
    expect(sync!.link()).toContain('usRelief=4');
  });

  it('keeps a slider move made just before a preset, for Back to return to', async () => {
    vi.useFakeTimers();
    const store = open('?scenario=belarus-prisoners');
    store.getState().setLever('usRelief', 3);
    store.getState().applyPreset('usRungBanks');
    vi.useRealTimers();
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await popped;
    expect(store.getState().levers).toEqual({ usRelief: 3 });
  });

  it('adds a history entry for a preset, which Back undoes', async () => {
    const store = open('?scenario=belarus-prisoners&usRelief=2');
    const push = vi.spyOn(window.history, 'pushState');
    store.getState().applyPreset('usRungBanks');
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?scenario=belarus-prisoners&v=2&usRelief=16&exileShare=6');
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await popped;
    expect(store.getState().levers).toEqual({ usRelief: 2 });
  });

  it('adds one history entry per story step, so Back returns to the step before with its changed lever', async () => {
    vi.useFakeTimers();
    const store = open('?scenario=belarus-prisoners&step=7');
    const push = vi.spyOn(window.history, 'pushState');
    store.getState().setLever('russiaSupport', 80);
    store.getState().goToStep(8);
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?scenario=belarus-prisoners&v=2&step=8');
    vi.useRealTimers();
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await popped;
    expect(store.getState().step).toBe(7);
    expect(store.getState().levers.russiaSupport).toBe(80);
  });
});
