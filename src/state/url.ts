/**
 * The URL is the state of a shareable view: `?scenario=<id>&v=1&<lever>=<value>…&lang=ar`.
 * Only levers that differ from their defaults are written, rounded to the lever's step. Decoding
 * never throws: what can be used is used, the rest falls back to defaults, and each change is
 * reported so the page can say what was ignored.
 */
import { snapToStep } from '../model/levers.ts';
import type { Lang, Scenario } from '../model/schema.ts';

// Kept here too: the app and its tests import it from the URL codec.
export { snapToStep };

/** Version of the link format; bump it and add a migration when the meaning of a key changes. */
export const URL_VERSION = 1;

export type UrlNotice =
  | { kind: 'unknown-scenario'; given: string; used: string }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'not-a-number'; lever: string; given: string }
  | { kind: 'clamped'; lever: string; given: number; used: number }
  | { kind: 'rounded'; lever: string; given: number; used: number }
  | { kind: 'unknown-language'; given: string }
  | { kind: 'newer-version'; given: string };

export interface ViewState {
  scenarioId: string;
  /** lever values that differ from the defaults (others are implied) */
  levers: Record<string, number>;
  lang: Lang;
}

export interface Decoded extends ViewState {
  notices: UrlNotice[];
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
  const version = params.get('v');
  if (version !== null && !(Number(version) <= URL_VERSION)) notices.push({ kind: 'newer-version', given: version });

  let lang: Lang = 'en';
  const langParam = params.get('lang');
  if (langParam === 'ar' || langParam === 'en') lang = langParam;
  else if (langParam !== null) notices.push({ kind: 'unknown-language', given: langParam });

  const levers: Record<string, number> = {};
  const byId = new Map(scenario.levers.map((l) => [l.id, l]));
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (key === 'scenario' || key === 'v' || key === 'lang') continue;
    const lever = byId.get(key);
    if (!lever) {
      if (!seen.has(key)) notices.push({ kind: 'unknown-key', key });
      seen.add(key);
      continue;
    }
    const given = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(given)) {
      notices.push({ kind: 'not-a-number', lever: key, given: raw });
      continue;
    }
    const used = snapToStep(lever, given);
    if (given < lever.min || given > lever.max) notices.push({ kind: 'clamped', lever: key, given, used });
    else if (used !== given) notices.push({ kind: 'rounded', lever: key, given, used });
    if (used !== lever.default) levers[key] = used;
    else delete levers[key];
  }
  return { scenarioId: scenario.id, levers, lang, notices };
}

export function encodeUrl(state: ViewState, scenario: Scenario): string {
  const params = new URLSearchParams();
  params.set('scenario', state.scenarioId);
  params.set('v', String(URL_VERSION));
  for (const lever of scenario.levers) {
    const value = state.levers[lever.id];
    if (value === undefined) continue;
    const snapped = snapToStep(lever, value);
    if (snapped !== lever.default) params.set(lever.id, String(snapped));
  }
  if (state.lang !== 'en') params.set('lang', state.lang);
  return `?${params.toString()}`;
}
