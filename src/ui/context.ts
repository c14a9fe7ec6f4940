import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { currentScenario, type AppState, type AppStore } from '../state/store.ts';
import type { UrlSync } from '../state/history.ts';
import { sourcesOf } from './sources.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { t as translate, type Lang } from '../i18n/index.ts';

export const StoreContext = createContext<AppStore | null>(null);
export const UrlContext = createContext<UrlSync | null>(null);

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

export function useScenario() {
  return useApp((s) => currentScenario(s));
}

/** The translator for the current language. */
export function useT(): { lang: Lang; t: (key: MessageKey, params?: Record<string, string | number>) => string } {
  const lang = useApp((s) => s.lang);
  return { lang, t: (key, params) => translate(lang, key, params) };
}

/** The store and its results as live values (see sources.ts). */
export function useSources() {
  return sourcesOf(useAppStore());
}
