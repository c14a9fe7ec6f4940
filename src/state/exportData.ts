/**
 * What a reader can take away, as plain text: a chart's series as CSV (for a spreadsheet), the
 * settings as JSON (to cite or reproduce a view), and the files' names. Pure: no DOM, no React;
 * src/ui/exports.ts turns a chart's SVG into files and src/ui/ExportButtons.tsx offers them.
 */
import type { MonteCarloResult } from '../model/analysis.ts';
import type { Lang, Scenario } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { dateAt } from '../model/time.ts';
import { t } from '../i18n/index.ts';
import type { AppState } from './store.ts';
import { URL_VERSION } from './url.ts';

/** Makes Excel read the file as UTF-8 (Arabic labels); other spreadsheets skip it. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A stock, variable or outcome of the scenario (as seriesItem in ui/format.ts). */
function itemOf(scenario: Scenario, id: string) {
  return (
    scenario.outcomes.find((o) => o.id === id) ??
    scenario.variables.find((v) => v.id === id) ??
    scenario.stocks.find((s) => s.id === id)
  );
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, with its CRLF. */
function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

/**
 * A number as a spreadsheet reads it in any locale: a plain decimal rounded to 6 significant
 * digits, Western digits, a `.` and no grouping or exponent. Not a number: an empty field.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(6));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  if (magnitude >= 21) return BigInt(rounded).toString();
  const fixed = rounded.toFixed(Math.min(100, Math.max(0, 5 - magnitude)));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/**
 * A chart's series as CSV: a `month` column (YYYY-MM) and one column per series, "label (unit)" in
 * the reader's language; with Monte Carlo bands, each series with a band is followed by its likely
 * low and high (the 10th and 90th percentiles). UTF-8 with a BOM, CRLF line ends.
 */
export function seriesCsv(
  scenario: Scenario,
  result: SimulationResult,
  seriesIds: readonly string[],
  lang: Lang,
  bands?: MonteCarloResult,
): string {
  const columns: { heading: string; values: readonly number[] | undefined }[] = [];
  for (const id of seriesIds) {
    const item = itemOf(scenario, id);
    const label = item?.label[lang] ?? id;
    const unit = item?.unit[lang];
    columns.push({ heading: unit ? `${label} (${unit})` : label, values: result.series[id] });
    const band = bands?.series[id];
    if (band) {
      columns.push({ heading: t(lang, 'csvLikelyLow', { label }), values: band.p10 });
      columns.push({ heading: t(lang, 'csvLikelyHigh', { label }), values: band.p90 });
    }
  }
  let out = BOM + csvRow([t(lang, 'csvMonth'), ...columns.map((c) => c.heading)]);
  result.t.forEach((time, i) => {
    out += csvRow([dateAt(scenario.time, time), ...columns.map((c) => plainNumber(c.values?.[i] ?? NaN))]);
  });
  return out;
}

/** What settingsJson reads of the store. */
export type SettingsState = Pick<AppState, 'levers' | 'follows' | 'constants' | 'seed' | 'draws' | 'lang'>;

/**
 * The settings of a view as JSON, to cite or reproduce it: the scenario and its version, the link
 * and its format, every lever's value in use (defaults included) with its unit, the levers that
 * follow a preset's dated events, the reader's assumptions, the Monte Carlo seed and draws, and the
 * language. No time stamp: the same settings give the same file.
 */
export function settingsJson(state: SettingsState, scenario: Scenario, link: string): string {
  const lang = state.lang;
  const levers = Object.fromEntries(
    scenario.levers.map((l) => [l.id, { value: state.levers[l.id] ?? l.default, unit: l.unit[lang] }]),
  );
  const follows = Object.fromEntries(
    scenario.levers.flatMap((l) => {
      const presetId = state.follows[l.id];
      const events = scenario.presets.find((p) => p.id === presetId)?.schedule?.[l.id];
      return presetId !== undefined && events ? [[l.id, { preset: presetId, events }]] : [];
    }),
  );
  const assumptions = Object.fromEntries(
    scenario.constants.flatMap((c) => {
      const value = state.constants[c.id];
      return value === undefined ? [] : [[c.id, { value, unit: c.unit[lang], sourced: c.value }]];
    }),
  );
  const settings = {
    app: 'Leverage Lab',
    scenario: scenario.id,
    scenarioVersion: scenario.version,
    linkFormat: URL_VERSION,
    link,
    levers,
    follows,
    assumptions,
    seed: state.seed,
    draws: state.draws,
    language: lang,
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** A lowercase, hyphenated piece of a file name: "prisonersHeld" → "prisoners-held". */
function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A download's file name: `exportName('belarus-prisoners', 'held', 'csv')` → belarus-prisoners-held.csv. */
export function exportName(scenarioId: string, what: string, ext: string): string {
  const base = [slug(scenarioId), slug(what)].filter((s) => s !== '').join('-') || 'leverage-lab';
  return `${base}.${ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt'}`;
}
