/**
 * The URL is the state of a shareable view:
 * `?scenario=<id>&v=2&step=3&<lever>=<value>…&<constant>=<value>…&seed=<n>&axes=fit&view=present&embed=1&lock=<ids>&hide=<ids>&lang=ar`.
 * Only what differs is written: levers off their defaults, or, at a story step, off the step's
 * settings (rounded to their step); a lever that follows a preset's dated events as
 * `<lever>=<preset id>`; the reader's assumptions (constants off their sourced values, rounded to
 * their grid); the Monte Carlo seed and draws; the charts' axes; the story step; the presentation
 * view; the embedded page; the levers a teacher locked or hid; and the language. Older links are
 * migrated (see MIGRATIONS). Decoding never throws: what can be used is used, the rest falls back
 * to defaults, and each change is reported so the page can say what was ignored.
 */
import { DEFAULT_DRAWS, DEFAULT_SEED } from '../model/analysis.ts';
import { constantGrid, hasSchedule } from '../model/inputs.ts';
import { snapToStep, type Grid } from '../model/levers.ts';
import type { Lang, Scenario } from '../model/schema.ts';
import { stepSetting, type StepSetting } from '../model/story.ts';

// Kept here too: the app and its tests import it from the URL codec.
export { snapToStep };

/** Version of the link format; bump it and add a migration when the meaning of a key changes. */
export const URL_VERSION = 2;

/** The range of Monte Carlo draws a link may ask for. */
export const DRAWS_RANGE = { min: 20, max: 2000 } as const;

export type UrlNotice =
  | { kind: 'unknown-scenario'; given: string; used: string }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'not-a-number'; lever: string; given: string }
  | { kind: 'clamped'; lever: string; given: number; used: number }
  | { kind: 'rounded'; lever: string; given: number; used: number }
  | { kind: 'unknown-language'; given: string }
  | { kind: 'unknown-axes'; given: string }
  | { kind: 'unknown-view'; given: string }
  | { kind: 'unknown-step'; given: string; steps: number }
  | { kind: 'unknown-lever-in-list'; key: 'lock' | 'hide'; given: string }
  | { kind: 'newer-version'; given: string }
  | { kind: 'migrated'; from: number; changes: string[] };

export interface ViewState {
  scenarioId: string;
  /** lever values that differ from the defaults (others are implied) */
  levers: Record<string, number>;
  /** levers that follow a preset's dated schedule: lever id → preset id */
  follows: Record<string, string>;
  /** the reader's assumptions: constants that depart from their sourced values */
  constants: Record<string, number>;
  /** the Monte Carlo seed and number of draws */
  seed: number;
  draws: number;
  /** the charts' value axes: fixed over the scenario's lever ranges (so screenshots compare), or fitted to the data */
  axes: 'fixed' | 'fit';
  /** the story step shown (1 is the first), or 0 outside the story */
  step: number;
  /** the page as it is, or the presentation view for a room */
  view: 'page' | 'present';
  /** the page without its header, to sit in another site's page */
  embed: boolean;
  /** levers a teacher locked (shown, not movable) and hid (not shown) */
  locked: string[];
  hidden: string[];
  lang: Lang;
}

export interface Decoded extends ViewState {
  notices: UrlNotice[];
}

/**
 * Ordered migrations of the link format: entry k turns a version-k link into a version-k+1 one,
 * saying what it changed. A link runs through every migration from its own version up.
 */
const MIGRATIONS: ((params: URLSearchParams) => string[])[] = [
  // 0 → 1: the first links had no version and meant the same as version 1.
  () => [],
  // 1 → 2: the border closure is set in days rather than weeks.
  (params) => {
    const weeks = params.get('polandClosureWeeks');
    if (weeks === null) return [];
    params.delete('polandClosureWeeks');
    const days = Number(weeks) * 7;
    params.set('polandClosureDays', Number.isFinite(days) ? String(days) : weeks);
    return [`polandClosureWeeks=${weeks} → polandClosureDays=${params.get('polandClosureDays')}`];
  },
];

/** Brings a link's parameters up to the current format, in place; says what changed or could not be read. */
export function migrateLink(params: URLSearchParams, notices: UrlNotice[]): void {
  const version = params.get('v');
  const from = version === null ? 0 : Number(version);
  if (!(from <= URL_VERSION)) {
    notices.push({ kind: 'newer-version', given: version ?? '' });
    return;
  }
  if (!Number.isInteger(from) || from < 0) return;
  const changes = MIGRATIONS.slice(from, URL_VERSION).flatMap((m) => m(params));
  if (changes.length > 0) notices.push({ kind: 'migrated', from, changes });
}

/** A number from a link, on a grid: clamped and rounded, with a notice when it moved. */
function onGrid(key: string, raw: string, grid: Grid, notices: UrlNotice[]): number | undefined {
  const given = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(given)) {
    notices.push({ kind: 'not-a-number', lever: key, given: raw });
    return undefined;
  }
  const used = snapToStep(grid, given);
  if (given < grid.min || given > grid.max) notices.push({ kind: 'clamped', lever: key, given, used });
  else if (used !== given) notices.push({ kind: 'rounded', lever: key, given, used });
  return used;
}

const VIEW_KEYS = new Set(['scenario', 'v', 'lang', 'seed', 'draws', 'axes', 'step', 'view', 'embed', 'lock', 'hide']);

/** What a lever is at a story step's settings (a value, or the preset it follows), or its default outside the story. */
export function baseOf(setting: StepSetting | undefined, lever: Scenario['levers'][number]): number | string {
  const follows = setting?.follows[lever.id];
  if (follows !== undefined) return follows;
  const value = setting?.values[lever.id];
  return value === undefined ? lever.default : snapToStep(lever, value);
}

/** The settings of story step `step` (1 is the first), if the scenario has that step. */
export function settingOfStep(scenario: Scenario, step: number): StepSetting | undefined {
  const s = step >= 1 ? scenario.story[step - 1] : undefined;
  return s && stepSetting(scenario, s);
}

export function decodeUrl(search: string, scenarios: readonly Scenario[], fallbackId: string): Decoded {
  const notices: UrlNotice[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const wanted = params.get('scenario');
  let scenario = scenarios.find((s) => s.id === wanted);
  if (!scenario) {
    scenario = scenarios.find((s) => s.id === fallbackId) ?? scenarios[0]!;
    if (wanted !== null) notices.push({ kind: 'unknown-scenario', given: wanted, used: scenario.id });
  }
  migrateLink(params, notices);

  let lang: Lang = 'en';
  const langParam = params.get('lang');
  if (langParam === 'ar' || langParam === 'en') lang = langParam;
  else if (langParam !== null) notices.push({ kind: 'unknown-language', given: langParam });

  const whole = (key: string, grid: Grid, fallback: number) => {
    const raw = params.get(key);
    return raw === null ? fallback : (onGrid(key, raw, grid, notices) ?? fallback);
  };
  const axesParam = params.get('axes');
  if (axesParam !== null && axesParam !== 'fit' && axesParam !== 'fixed') {
    notices.push({ kind: 'unknown-axes', given: axesParam });
  }
  const axes = axesParam === 'fit' ? 'fit' : 'fixed';
  const viewParam = params.get('view');
  if (viewParam !== null && viewParam !== 'present' && viewParam !== 'page') {
    notices.push({ kind: 'unknown-view', given: viewParam });
  }
  const view = viewParam === 'present' ? 'present' : 'page';
  const stepParam = params.get('step');
  const steps = scenario.story.length;
  let step = 0;
  if (stepParam !== null) {
    const n = Number(stepParam);
    if (Number.isInteger(n) && n >= 0 && n <= steps) step = n;
    else notices.push({ kind: 'unknown-step', given: stepParam, steps });
  }
  const embed = params.get('embed') === '1';
  const leverList = (key: 'lock' | 'hide') =>
    (params.get(key) ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => {
        if (id === '') return false;
        if (scenario.levers.some((l) => l.id === id)) return true;
        notices.push({ kind: 'unknown-lever-in-list', key, given: id });
        return false;
      });
  const locked = [...new Set(leverList('lock'))];
  const hidden = [...new Set(leverList('hide'))];
  const seed = whole('seed', { min: 0, max: 2 ** 31 - 1, step: 1 }, DEFAULT_SEED);
  const draws = whole('draws', { ...DRAWS_RANGE, step: 1 }, DEFAULT_DRAWS);

  // At a story step, the link's lever values are changes from the step's settings.
  const setting = settingOfStep(scenario, step);
  const levers: Record<string, number> = {};
  const follows: Record<string, string> = {};
  for (const lever of scenario.levers) {
    const base = baseOf(setting, lever);
    if (typeof base === 'string') follows[lever.id] = base;
    else if (base !== lever.default) levers[lever.id] = base;
  }
  const constants: Record<string, number> = {};
  const leverById = new Map(scenario.levers.map((l) => [l.id, l]));
  const constantById = new Map(scenario.constants.filter((c) => c.high > c.low).map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (VIEW_KEYS.has(key)) continue;
    const lever = leverById.get(key);
    const constant = constantById.get(key);
    if (lever) {
      if (hasSchedule(scenario, raw.trim(), key)) {
        follows[key] = raw.trim();
        delete levers[key];
        continue;
      }
      const used = onGrid(key, raw, lever, notices);
      if (used === undefined) continue;
      delete follows[key];
      if (used !== lever.default) levers[key] = used;
      else delete levers[key];
    } else if (constant) {
      const used = onGrid(key, raw, constantGrid(constant), notices);
      if (used === undefined) continue;
      if (used !== constant.value) constants[key] = used;
      else delete constants[key];
    } else {
      if (!seen.has(key)) notices.push({ kind: 'unknown-key', key });
      seen.add(key);
    }
  }
  return {
    scenarioId: scenario.id,
    levers,
    follows,
    constants,
    seed,
    draws,
    axes,
    step,
    view,
    embed,
    locked,
    hidden,
    lang,
    notices,
  };
}

export function encodeUrl(state: ViewState, scenario: Scenario): string {
  const params = new URLSearchParams();
  params.set('scenario', state.scenarioId);
  params.set('v', String(URL_VERSION));
  const step = state.step >= 1 && state.step <= scenario.story.length ? state.step : 0;
  if (step > 0) params.set('step', String(step));
  const setting = settingOfStep(scenario, step);
  for (const lever of scenario.levers) {
    const follows = state.follows[lever.id];
    const now =
      follows !== undefined && hasSchedule(scenario, follows, lever.id)
        ? follows
        : snapToStep(lever, state.levers[lever.id] ?? lever.default);
    if (now !== baseOf(setting, lever)) params.set(lever.id, String(now));
  }
  for (const c of scenario.constants) {
    const value = state.constants[c.id];
    if (value === undefined || c.high <= c.low) continue;
    const snapped = snapToStep(constantGrid(c), value);
    if (snapped !== c.value) params.set(c.id, String(snapped));
  }
  if (state.seed !== DEFAULT_SEED) params.set('seed', String(state.seed));
  if (state.draws !== DEFAULT_DRAWS) params.set('draws', String(state.draws));
  if (state.axes === 'fit') params.set('axes', 'fit');
  if (state.view === 'present') params.set('view', 'present');
  if (state.embed) params.set('embed', '1');
  if (state.locked.length > 0) params.set('lock', state.locked.join(','));
  if (state.hidden.length > 0) params.set('hide', state.hidden.join(','));
  if (state.lang !== 'en') params.set('lang', state.lang);
  // Commas stay commas (lock=usRelief,russiaSupport), as a person would type them.
  return `?${params.toString().replace(/%2C/g, ',')}`;
}
