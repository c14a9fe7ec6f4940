/**
 * The one store of the app. It holds only what a person chose (scenario, lever values, language)
 * and transient notices; every result is derived from it (see derived.ts), never stored.
 *
 * | state        | where it lives                                   |
 * | ------------ | ------------------------------------------------ |
 * | scenarioId   | URL                                              |
 * | levers       | URL (non-default values)                         |
 * | follows      | URL (`lever=<preset>`: follows its dated events) |
 * | constants    | URL (the reader's assumptions)                   |
 * | seed, draws  | URL (Monte Carlo)                                |
 * | axes         | URL (`axes=fit`; fixed by default)               |
 * | lang         | URL                                              |
 * | notices      | this page only                                   |
 * | lastChange   | this page only (transient)                       |
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { constantGrid } from '../model/inputs.ts';
import type { Lang, Scenario } from '../model/schema.ts';
import { decodeUrl, DRAWS_RANGE, snapToStep, type Decoded, type UrlNotice } from './url.ts';

/** Whether the last change should become its own entry in the browser's history. */
export type ChangeKind = 'continuous' | 'discrete' | 'restore';

export interface AppState {
  scenarios: readonly Scenario[];
  scenarioId: string;
  levers: Record<string, number>;
  follows: Record<string, string>;
  constants: Record<string, number>;
  seed: number;
  draws: number;
  axes: 'fixed' | 'fit';
  lang: Lang;
  notices: UrlNotice[];
  lastChange: ChangeKind;
  setLever(id: string, value: number): void;
  resetLever(id: string): void;
  resetAll(): void;
  /** sets levers (and the schedules it names) as one change, e.g. a preset or a lesson's setting */
  applySetting(values: Readonly<Record<string, number>>, follows?: Readonly<Record<string, string>>): void;
  applyPreset(id: string): void;
  setConstant(id: string, value: number): void;
  resetConstant(id: string): void;
  resetConstants(): void;
  setSeed(seed: number): void;
  setAxes(axes: 'fixed' | 'fit'): void;
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
    follows: decoded.follows,
    constants: decoded.constants,
    seed: decoded.seed,
    draws: decoded.draws,
    axes: decoded.axes,
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
      // A lever moved by hand no longer follows a schedule.
      const followed = id in get().follows;
      const follows = followed ? withoutKey(get().follows, id) : get().follows;
      set({ levers, follows, lastChange: followed ? 'discrete' : 'continuous' });
    },
    resetLever(id) {
      set({ levers: withoutKey(get().levers, id), follows: withoutKey(get().follows, id), lastChange: 'discrete' });
    },
    resetAll() {
      set({ levers: {}, follows: {}, lastChange: 'discrete' });
    },
    applySetting(values, follows = {}) {
      const scenario = currentScenario(get());
      const levers: Record<string, number> = {};
      const following: Record<string, string> = {};
      for (const lever of scenario.levers) {
        const value = values[lever.id];
        if (value !== undefined && snapToStep(lever, value) !== lever.default) {
          levers[lever.id] = snapToStep(lever, value);
        }
        const preset = follows[lever.id];
        if (preset !== undefined && scenario.presets.some((p) => p.id === preset && p.schedule?.[lever.id])) {
          following[lever.id] = preset;
        }
      }
      set({ levers, follows: following, lastChange: 'discrete' });
    },
    applyPreset(id) {
      const scenario = currentScenario(get());
      const preset = scenario.presets.find((p) => p.id === id);
      if (!preset) return;
      get().applySetting(preset.values, Object.fromEntries(Object.keys(preset.schedule ?? {}).map((l) => [l, id])));
    },
    setConstant(id, value) {
      const c = currentScenario(get()).constants.find((x) => x.id === id);
      if (!c || c.high <= c.low || !Number.isFinite(value)) return;
      const snapped = snapToStep(constantGrid(c), value);
      const constants = { ...get().constants };
      if (snapped === c.value) delete constants[id];
      else constants[id] = snapped;
      set({ constants, lastChange: 'continuous' });
    },
    resetConstant(id) {
      set({ constants: withoutKey(get().constants, id), lastChange: 'discrete' });
    },
    resetConstants() {
      set({ constants: {}, lastChange: 'discrete' });
    },
    setSeed(seed) {
      if (!Number.isInteger(seed) || seed < 0 || seed === get().seed) return;
      set({ seed, lastChange: 'discrete' });
    },
    setAxes(axes) {
      if (axes !== get().axes) set({ axes, lastChange: 'discrete' });
    },
    setScenario(id) {
      if (!get().scenarios.some((s) => s.id === id) || id === get().scenarioId) return;
      set({ scenarioId: id, levers: {}, follows: {}, constants: {}, lastChange: 'discrete' });
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
        follows: next.follows,
        constants: next.constants,
        seed: next.seed,
        draws: Math.min(Math.max(next.draws, DRAWS_RANGE.min), DRAWS_RANGE.max),
        axes: next.axes,
        lang: next.lang,
        lastChange: 'restore',
        ...(notices ? { notices: next.notices } : {}),
      });
    },
  }));
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}
