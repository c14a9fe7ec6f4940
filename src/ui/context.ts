import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state/store.ts';
import type { Scenario } from '../model/schema.ts';
import type { UrlSync } from '../state/history.ts';
import { sourcesOf } from './sources.ts';
import { createStore } from 'zustand/vanilla';
import type { UncertaintyState, UncertaintyStore } from '../state/uncertainty.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { t as translate, type Lang } from '../i18n/index.ts';

export const StoreContext = createContext<AppStore | null>(null);
export const UrlContext = createContext<UrlSync | null>(null);
/** The Monte Carlo bands of the current settings, drawn off the main thread (state/uncertainty.ts). */
export const UncertaintyContext = createContext<UncertaintyStore | null>(null);

const NO_BANDS = createStore<UncertaintyState>()(() => ({ value: undefined, shownFor: undefined }));

/** What the bands store holds now, for a part of the page that renders from it. */
export function useUncertainty<T>(selector: (state: UncertaintyState) => T): T {
  return useStore(useContext(UncertaintyContext) ?? NO_BANDS, selector);
}

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp needs a StoreContext');
  return useStore(store, selector);
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreContext');
  return store;
}

/**
 * What every part of the page renders for: the scenario and the language. The app reads them from
 * the store once and hands them down, rather than each part subscribing to the store: every
 * subscription is called on every lever step.
 */
export interface View {
  scenario: Scenario;
  lang: Lang;
}

export const ViewContext = createContext<View | null>(null);

function useView(): View {
  const view = useContext(ViewContext);
  if (!view) throw new Error('the panels need a ViewContext (see App)');
  return view;
}

export function useScenario(): Scenario {
  return useView().scenario;
}

/** The translator for the current language. */
export function useT(): { lang: Lang; t: (key: MessageKey, params?: Record<string, string | number>) => string } {
  const { lang } = useView();
  return { lang, t: (key, params) => translate(lang, key, params) };
}

/** The store and its results as live values (see sources.ts). */
export function useSources() {
  return sourcesOf(useAppStore(), useContext(UncertaintyContext) ?? undefined);
}
