/**
 * How the page reaches the store: the store, the address-bar sync and the Monte Carlo bands come
 * in through React context (so a test renders the page on a store of its own), and the hooks read
 * them with zustand selectors. Components re-render only when what they select changes.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { UrlSync } from '../state/history.ts';
import { currentScenario, type AppState, type AppStore } from '../state/store.ts';
import { isUpdating, type UncertaintyState, type UncertaintyStore } from '../state/uncertainty.ts';
import type { UndoState, UndoStore } from '../state/undo.ts';
import type { Scenario } from '../model/schema.ts';
import type { Uncertainty } from '../model/uncertainty.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { t as translate, type Lang } from '../i18n/index.ts';

export const StoreContext = createContext<AppStore | null>(null);
export const UrlContext = createContext<UrlSync | null>(null);
/** The Monte Carlo bands of the current settings, drawn off the main thread (state/uncertainty.ts). */
export const UncertaintyContext = createContext<UncertaintyStore | null>(null);

/** Undo and redo of the settings (state/undo.ts). */
export const UndoContext = createContext<UndoStore | null>(null);

const NO_BANDS = createStore<UncertaintyState>()(() => ({ value: undefined, shownFor: undefined }));
const NO_UNDO = createStore<UndoState>()(() => ({ past: [], future: [], undo() {}, redo() {} }));

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('the page needs a StoreContext');
  return store;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

export function useScenario(): Scenario {
  return useApp(currentScenario);
}

/** The translator for the current language. */
export function useT(): { lang: Lang; t: (key: MessageKey, params?: Record<string, string | number>) => string } {
  const lang = useApp((s) => s.lang);
  return { lang, t: (key, params) => translate(lang, key, params) };
}

/** What the bands store holds now, for a part of the page that renders from it. */
export function useUncertainty<T>(selector: (state: UncertaintyState) => T): T {
  return useStore(useContext(UncertaintyContext) ?? NO_BANDS, selector);
}

/** The bands shown, and whether they were drawn for other settings than the current ones. */
export function useBands(): { value: Uncertainty | undefined; updating: boolean } {
  const bands = useUncertainty((u) => u);
  const updating = useApp((s) => isUpdating(s, bands));
  return { value: bands.value, updating };
}

/** What the undo history holds now, for the buttons and shortcuts that use it. */
export function useUndo<T>(selector: (state: UndoState) => T): T {
  return useStore(useContext(UndoContext) ?? NO_UNDO, selector);
}
