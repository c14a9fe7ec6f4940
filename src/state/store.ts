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
 * | step         | URL (`step=3`; the story step, 0 outside it)     |
 * | view         | URL (`view=present`)                             |
 * | embed        | URL (`embed=1`)                                  |
 * | locked       | URL (`lock=<lever ids>`)                         |
 * | hidden       | URL (`hide=<lever ids>`)                         |
 * | lang         | URL                                              |
 * | revealed     | this page only (transient: the step's answer)    |
 * | guesses      | this page only (transient)                       |
 * | notices      | this page only                                   |
 * | lastChange   | this page only (transient)                       |
 *
 * A locked lever keeps its value whatever sets levers (a slider, a preset, a story step, "Reset
 * all", undo): only the link itself sets it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { constantGrid } from '../model/inputs.ts';
import type { Lang, Scenario } from '../model/schema.ts';
import { decodeUrl, DRAWS_RANGE, settingOfStep, snapToStep, type Decoded, type UrlNotice } from './url.ts';

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
  step: number;
  view: 'page' | 'present';
  embed: boolean;
  locked: string[];
  hidden: string[];
  lang: Lang;
  /** whether the current step's answer is shown */
  revealed: boolean;
  /** what the reader guessed at each step with a question, by step id */
  guesses: Record<string, string>;
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
  /** goes to story step `step` (1 is the first) and applies its settings; 0 leaves the story */
  goToStep(step: number): void;
  /** applies the current step's settings again */
  resetStep(): void;
  reveal(): void;
  guess(stepId: string, value: string): void;
  setView(view: 'page' | 'present'): void;
  /** sets whether a lever is free, locked or hidden in the link */
  setAccess(id: string, access: 'free' | 'locked' | 'hidden'): void;
  /** sets the levers, schedules and assumptions as one change (undo and redo) */
  restoreSettings(settings: Pick<AppState, 'levers' | 'follows' | 'constants'>): void;
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
    step: decoded.step,
    view: decoded.view,
    embed: decoded.embed,
    locked: decoded.locked,
    hidden: decoded.hidden,
    lang: decoded.lang,
    revealed: false,
    guesses: {},
    notices: decoded.notices,
    lastChange: 'restore',
    setLever(id, value) {
      const lever = currentScenario(get()).levers.find((l) => l.id === id);
      if (!lever || !Number.isFinite(value) || get().locked.includes(id)) return;
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
      if (get().locked.includes(id)) return;
      set({ levers: withoutKey(get().levers, id), follows: withoutKey(get().follows, id), lastChange: 'discrete' });
    },
    resetAll() {
      set({ ...keepLocked(get(), {}, {}), lastChange: 'discrete' });
    },
    applySetting(values, follows = {}) {
      set({ ...settingOf(get(), values, follows), lastChange: 'discrete' });
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
    goToStep(step) {
      const scenario = currentScenario(get());
      if (!Number.isInteger(step) || step < 0 || step > scenario.story.length) return;
      // One change, so one entry in the browser's history: Back returns to the step before.
      // Leaving the story (step 0) keeps the settings.
      const setting = settingOfStep(scenario, step);
      const levers = setting ? settingOf(get(), setting.values, setting.follows) : {};
      set({ step, revealed: false, ...levers, lastChange: 'discrete' });
    },
    resetStep() {
      const setting = settingOfStep(currentScenario(get()), get().step);
      if (setting) get().applySetting(setting.values, setting.follows);
    },
    reveal() {
      if (!get().revealed) set({ revealed: true });
    },
    guess(stepId, value) {
      set({ guesses: { ...get().guesses, [stepId]: value } });
    },
    setView(view) {
      if (view !== get().view) set({ view, lastChange: 'discrete' });
    },
    setAccess(id, access) {
      if (!currentScenario(get()).levers.some((l) => l.id === id)) return;
      const locked = get().locked.filter((l) => l !== id);
      const hidden = get().hidden.filter((l) => l !== id);
      if (access === 'locked') locked.push(id);
      if (access === 'hidden') hidden.push(id);
      set({ locked, hidden, lastChange: 'discrete' });
    },
    restoreSettings({ levers, follows, constants }) {
      set({ ...keepLocked(get(), levers, follows), constants, lastChange: 'discrete' });
    },
    setScenario(id) {
      if (!get().scenarios.some((s) => s.id === id) || id === get().scenarioId) return;
      set({
        scenarioId: id,
        levers: {},
        follows: {},
        constants: {},
        step: 0,
        locked: [],
        hidden: [],
        revealed: false,
        lastChange: 'discrete',
      });
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
        step: next.step,
        view: next.view,
        embed: next.embed,
        locked: next.locked,
        hidden: next.hidden,
        lang: next.lang,
        ...(next.step !== get().step ? { revealed: false } : {}),
        lastChange: 'restore',
        ...(notices ? { notices: next.notices } : {}),
      });
    },
  }));
}

/** New levers and schedules, with every locked lever as it is now. */
/**
 * The levers and followed presets of a setting, as the store keeps them: values snapped to their
 * lever's step, defaults left out, presets kept only where they schedule the lever, locked levers
 * where they were.
 */
function settingOf(
  state: AppState,
  values: Readonly<Record<string, number>>,
  follows: Readonly<Record<string, string>>,
): Pick<AppState, 'levers' | 'follows'> {
  const scenario = currentScenario(state);
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
  return keepLocked(state, levers, following);
}

function keepLocked(
  state: AppState,
  levers: Record<string, number>,
  follows: Record<string, string>,
): Pick<AppState, 'levers' | 'follows'> {
  if (state.locked.length === 0) return { levers, follows };
  const next = { levers: { ...levers }, follows: { ...follows } };
  for (const id of state.locked) {
    delete next.levers[id];
    delete next.follows[id];
    if (state.levers[id] !== undefined) next.levers[id] = state.levers[id];
    if (state.follows[id] !== undefined) next.follows[id] = state.follows[id];
  }
  return next;
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}
