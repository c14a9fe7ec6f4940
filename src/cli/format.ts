/** Plain-text renderings of a simulation for the terminal: table, JSON and CSV. */
import type { Model } from '../model/compile.ts';
import type { Lang } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { countOf, word } from './words.ts';

export function formatNumber(x: number, decimals: number): string {
  const rounded = Object.is(Math.round(x * 10 ** decimals) / 10 ** decimals, -0) ? 0 : x;
  return rounded.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function signed(x: number, decimals: number): string {
  const s = formatNumber(x, decimals);
  return x > 0 && s !== formatNumber(0, decimals)
    ? `+${s}`
    : s === `-${formatNumber(0, decimals)}`
      ? formatNumber(0, decimals)
      : s;
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const numeric = rows[0]!.map((_, c) => rows.slice(1).every((r) => /^[-+]?[\d,.]+$|^$/.test(r[c]!)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The calendar label (YYYY-MM) of time t. */
export function dateAt(model: Model, t: number): string {
  const [y, m] = model.scenario.time.start.split('-').map(Number) as [number, number];
  const months = model.scenario.time.unit === 'month' ? t : (t * 7) / 30.4375;
  const index = y * 12 + (m - 1) + Math.floor(months + 1e-9);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function formatTable(model: Model, result: SimulationResult, baseline: SimulationResult, lang: Lang): string {
  const s = model.scenario;
  const end = dateAt(model, result.horizon);
  const lines: string[] = [];
  lines.push(`${s.title[lang]}  (${s.id} v${s.version})`);
  lines.push(word(lang, 'span', { start: s.time.start, end, count: countOf(lang, result.horizon, s.time.unit) }));
  lines.push('');
  const leverRows = [[word(lang, 'lever'), word(lang, 'value'), word(lang, 'unit'), word(lang, 'default')]];
  for (const l of s.levers) {
    const v = result.levers[l.id]!;
    leverRows.push([
      `${v !== l.default ? '* ' : '  '}${l.label[lang]} [${l.id}]`,
      String(v),
      l.unit[lang],
      String(l.default),
    ]);
  }
  lines.push(pad(leverRows));
  lines.push('');
  const outRows = [
    [
      word(lang, 'outcomeAt', { date: end }),
      word(lang, 'value'),
      word(lang, 'unit'),
      word(lang, 'vsDefault'),
      word(lang, 'verdict'),
    ],
  ];
  for (const o of s.outcomes) {
    const v = result.outcomes[o.id]!;
    const d = v - baseline.outcomes[o.id]!;
    const band = o.bands?.find((b) => b.below === undefined || v < b.below);
    outRows.push([
      `${o.label[lang]} [${o.id}]`,
      formatNumber(v, o.format.decimals),
      o.unit[lang],
      signed(d, o.format.decimals),
      band ? band.label[lang] : '',
    ]);
  }
  lines.push(pad(outRows));
  lines.push('');
  lines.push(`${word(lang, 'differs')} ${s.caveat[lang]}`);
  return lines.join('\n');
}

export function toJson(model: Model, result: SimulationResult): string {
  const series: Record<string, number[]> = { t: [...result.t] };
  for (const [id, values] of Object.entries(result.series)) series[id] = [...values];
  return JSON.stringify({
    scenario: { id: model.scenario.id, version: model.scenario.version },
    levers: result.levers,
    outcomes: result.outcomes,
    series,
  });
}

/** A CSV number: an outcome at its display decimals, anything else at 6 significant digits. */
function csvNumber(x: number, decimals: number | undefined): string {
  const rounded = decimals === undefined ? Number(x.toPrecision(6)) : Number(x.toFixed(decimals));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per time point: the state at the start of the month that `date` names. */
export function toCsv(model: Model, result: SimulationResult, options: { units?: boolean; lang?: Lang } = {}): string {
  const s = model.scenario;
  const ids = Object.keys(result.series);
  const items = new Map([...s.stocks, ...s.variables, ...s.outcomes].map((item) => [item.id, item]));
  const decimals = new Map(s.outcomes.map((o) => [o.id, o.format.decimals]));
  const header = ids.map((id) => {
    const unit = items.get(id)?.unit[options.lang ?? 'en'];
    return csvCell(options.units && unit ? `${id} (${unit})` : id);
  });
  const rows = [['t', 'date', ...header].join(',')];
  result.t.forEach((t, i) => {
    const values = ids.map((id) => csvNumber(result.series[id]![i]!, decimals.get(id)));
    rows.push([csvNumber(t, undefined), dateAt(model, t), ...values].join(','));
  });
  return rows.join('\n');
}
