/**
 * Undo and redo of what a person set: the levers, the levers following dated events, and the
 * assumptions. It watches the store and keeps the settings before each change; moves of one slider
 * (or one assumption) less than a second apart are one step, so undo takes back a drag or a run of
 * arrow presses, not a single notch. Changes that come from the address (Back, Forward, a link)
 * are the browser's history, not this one. A locked lever is left as it is (store.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, AppStore } from './store.ts';

type Settings = Pick<AppState, 'levers' | 'follows' | 'constants'>;

export interface UndoState {
  past: Settings[];
  future: Settings[];
  undo(): void;
  redo(): void;
}

export type UndoStore = StoreApi<UndoState> & { stop(): void };

const settingsOf = ({ levers, follows, constants }: AppState): Settings => ({ levers, follows, constants });

/** The one lever or constant a change moved, if it moved exactly one. */
function movedKey(state: AppState, prev: AppState): string | undefined {
  const keys = new Set<string>();
  for (const [a, b] of [
    [state.levers, prev.levers],
    [state.constants, prev.constants],
  ] as const) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[k] !== b[k]) keys.add(k);
  }
  return keys.size === 1 && state.follows === prev.follows ? [...keys][0] : undefined;
}

export function watchUndo(store: AppStore, options: { now?: () => number; mergeMs?: number; limit?: number } = {}) {
  const { now = () => Date.now(), mergeMs = 1000, limit = 200 } = options;
  let applying = false;
  let last: { key: string | undefined; at: number } = { key: undefined, at: -Infinity };

  const apply = (settings: Settings) => {
    applying = true;
    store.getState().restoreSettings(settings);
    applying = false;
    last = { key: undefined, at: -Infinity };
  };

  const undo: UndoStore = Object.assign(
    createStore<UndoState>()((set, get) => ({
      past: [],
      future: [],
      undo() {
        const target = get().past.at(-1);
        if (!target) return;
        set({ past: get().past.slice(0, -1), future: [...get().future, settingsOf(store.getState())] });
        apply(target);
      },
      redo() {
        const target = get().future.at(-1);
        if (!target) return;
        set({ future: get().future.slice(0, -1), past: [...get().past, settingsOf(store.getState())] });
        apply(target);
      },
    })),
    { stop: () => unsubscribe() },
  );

  const unsubscribe = store.subscribe((state, prev) => {
    if (applying || state.lastChange === 'restore') return;
    if (state.levers === prev.levers && state.follows === prev.follows && state.constants === prev.constants) return;
    const key = state.lastChange === 'continuous' ? movedKey(state, prev) : undefined;
    const t = now();
    const sameMove = key !== undefined && key === last.key && t - last.at < mergeMs;
    last = { key, at: t };
    if (sameMove) {
      if (undo.getState().future.length > 0) undo.setState({ future: [] });
      return;
    }
    undo.setState({ past: [...undo.getState().past, settingsOf(prev)].slice(-limit), future: [] });
  });

  return undo;
}
