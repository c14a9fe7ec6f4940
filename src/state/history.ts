/**
 * Keeps the address bar equal to the view: a slider's movement replaces the current entry (at
 * most every `throttleMs`, the latest value last), a discrete action (a preset, "Reset all", another scenario or
 * language) adds an entry that the browser's Back button undoes, and Back/Forward restore the
 * view from the address.
 */
import { currentScenario, type AppState, type AppStore } from './store.ts';
import { decodeUrl, encodeUrl } from './url.ts';

export interface UrlSync {
  /** writes any pending change to the address bar now and returns the full link */
  link(): string;
  stop(): void;
}

export function syncWithUrl(store: AppStore, win: Window = window, throttleMs = 250): UrlSync {
  // The state whose address is still to be written; encoded only when written, not on every step.
  let pending: AppState | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const urlOf = (state: AppState) =>
    `${win.location.pathname}${encodeUrl(state, currentScenario(state))}${win.location.hash}`;
  const flush = () => {
    if (pending !== undefined) win.history.replaceState(win.history.state, '', urlOf(pending));
    pending = undefined;
  };
  const tick = () => {
    timer = undefined;
    flush();
  };

  // The address shows what the page shows, even when the link that opened it was broken.
  win.history.replaceState(win.history.state, '', urlOf(store.getState()));

  const unsubscribe = store.subscribe((state, prev) => {
    const same = (
      [
        'scenarioId',
        'levers',
        'follows',
        'constants',
        'seed',
        'draws',
        'axes',
        'step',
        'view',
        'embed',
        'locked',
        'hidden',
        'lang',
      ] as const
    ).every((k) => state[k] === prev[k]);
    if (same) return;
    if (state.lastChange === 'restore') {
      pending = undefined;
      return;
    }
    if (state.lastChange === 'discrete') {
      // The entry being left keeps the slider positions set just before: Back returns to them.
      flush();
      win.history.pushState(null, '', urlOf(state));
      return;
    }
    // Written after the frame, never inside the input handler: replaceState is slow in browsers.
    pending = state;
    if (timer === undefined) timer = setTimeout(tick, throttleMs);
  });

  const onPopState = () => {
    const state = store.getState();
    store.getState().restore(decodeUrl(win.location.search, state.scenarios, state.scenarioId));
  };
  win.addEventListener('popstate', onPopState);

  return {
    link() {
      flush();
      return win.location.href;
    },
    stop() {
      unsubscribe();
      win.removeEventListener('popstate', onPopState);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
