/**
 * The one store of the app. It holds only what a person chose (scenario, lever values, language)
 * and transient notices; every result is derived from it (see results.ts), never stored.
 *
 * | state        | where it lives            |
 * | ------------ | ------------------------- |
 * | scenarioId   | URL                       |
 * | levers       | URL (non-default values)  |
 * | lang         | URL                       |
 * | notices      | this page only            |
 * | lastChange   | this page only (transient) |
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang, Scenario } from '../model/schema.ts';
import { decodeUrl, snapToStep, type Decoded, type UrlNotice } from './url.ts';

/** Whether the last change should become its own entry in the browser's history. */
export type ChangeKind = 'continuous' | 'discrete' | 'restore';

export interface AppState {
  scenarios: readonly Scenario[];
  scenarioId: string;
  levers: Record<string, number>;
  lang: Lang;
  notices: UrlNotice[];
  lastChange: ChangeKind;
  setLever(id: string, value: number): void;
  resetLever(id: string): void;
  resetAll(): void;
  applyPreset(id: string): void;
  setScenario(id: string): void;
  setLang(lang: Lang): void;
  dismissNotices(): void;
  restore(decoded: Decoded, notices?: boolean): void;
}

export type AppStore = StoreApi<AppState>;

export function currentScenario(state: Pick<AppState, 'scenarios' | 'scenarioId'>): Scenario {
  return state.scenarios.find((s) => s.id === state.scenarioId) ?? state.scenarios[0]!;
}

export function createAppStore(
  scenarios: readonly Scenario[],
  search = '',
  fallbackId = 'belarus-prisoners',
): AppStore {
  if (scenarios.length === 0) throw new Error('the app needs at least one scenario');
  const decoded = decodeUrl(search, scenarios, fallbackId);
  return createStore<AppState>()((set, get) => ({
    scenarios,
    scenarioId: decoded.scenarioId,
    levers: decoded.levers,
    lang: decoded.lang,
    notices: decoded.notices,
    lastChange: 'restore',
    setLever(id, value) {
      const lever = currentScenario(get()).levers.find((l) => l.id === id);
      if (!lever || !Number.isFinite(value)) return;
      const snapped = snapToStep(lever, value);
      const levers = { ...get().levers };
      if (snapped === lever.default) delete levers[id];
      else levers[id] = snapped;
      set({ levers, lastChange: 'continuous' });
    },
    resetLever(id) {
      const levers = { ...get().levers };
      delete levers[id];
      set({ levers, lastChange: 'discrete' });
    },
    resetAll() {
      set({ levers: {}, lastChange: 'discrete' });
    },
    applyPreset(id) {
      const scenario = currentScenario(get());
      const preset = scenario.presets.find((p) => p.id === id);
      if (!preset) return;
      const levers: Record<string, number> = {};
      for (const lever of scenario.levers) {
        const value = preset.values[lever.id];
        if (value !== undefined && value !== lever.default) levers[lever.id] = snapToStep(lever, value);
      }
      set({ levers, lastChange: 'discrete' });
    },
    setScenario(id) {
      if (!get().scenarios.some((s) => s.id === id) || id === get().scenarioId) return;
      set({ scenarioId: id, levers: {}, lastChange: 'discrete' });
    },
    setLang(lang) {
      if (lang !== get().lang) set({ lang, lastChange: 'discrete' });
    },
    dismissNotices() {
      set({ notices: [] });
    },
    restore(next, notices = false) {
      set({
        scenarioId: next.scenarioId,
        levers: next.levers,
        lang: next.lang,
        lastChange: 'restore',
        ...(notices ? { notices: next.notices } : {}),
      });
    },
  }));
}
