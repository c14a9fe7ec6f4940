/** Plain-text renderings of a simulation for the terminal: table, JSON and CSV. */
import type { Model } from '../model/compile.ts';
import type { Lang } from '../model/schema.ts';
import type { MonteCarloResult } from '../model/analysis.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { dateAt as dateOnAxis } from '../model/time.ts';
import { countOf, word } from './words.ts';

/** What a run adds besides its result: levers that follow a preset's dates, and Monte Carlo bands. */
export interface Extras {
  follows?: Readonly<Record<string, string>>;
  bands?: MonteCarloResult | undefined;
}

/** The constants of a run that depart from their sourced values. */
function assumed(model: Model, result: SimulationResult): { id: string; value: number; sourced: number }[] {
  return model.scenario.constants
    .filter((c) => result.constants[c.id] !== c.value)
    .map((c) => ({ id: c.id, value: result.constants[c.id]!, sourced: c.value }));
}

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
  return dateOnAxis(model.scenario.time, t);
}

/** How an outcome's value was read, when it is not its value at the end: "peak, 2025-09". */
function summaryNote(model: Model, result: SimulationResult, id: string, lang: Lang): string {
  const o = model.scenario.outcomes.find((x) => x.id === id)!;
  const at = result.outcomeAt[id];
  const date = at === undefined ? '' : dateAt(model, result.t[at]!);
  if (o.summary.of === 'peak') return ` (${word(lang, 'peak', { date })})`;
  if (o.summary.of === 'total') return ` (${word(lang, 'total')})`;
  if (o.summary.of === 'at') return ` (${word(lang, 'atDate', { date })})`;
  return '';
}

export function formatTable(
  model: Model,
  result: SimulationResult,
  baseline: SimulationResult,
  lang: Lang,
  extras: Extras = {},
): string {
  const s = model.scenario;
  const end = dateAt(model, result.horizon);
  const lines: string[] = [];
  lines.push(`${s.title[lang]}  (${s.id} v${s.version})`);
  lines.push(word(lang, 'span', { start: s.time.start, end, count: countOf(lang, result.horizon, s.time.unit) }));
  lines.push('');
  const leverRows = [[word(lang, 'lever'), word(lang, 'value'), word(lang, 'unit'), word(lang, 'default')]];
  for (const l of s.levers) {
    const v = result.levers[l.id]!;
    const follows = extras.follows?.[l.id];
    leverRows.push([
      `${v !== l.default || follows ? '* ' : '  '}${l.label[lang]} [${l.id}]`,
      follows ? word(lang, 'follows', { preset: follows }) : String(v),
      l.unit[lang],
      String(l.default),
    ]);
  }
  lines.push(pad(leverRows));
  lines.push('');
  const departures = assumed(model, result);
  if (departures.length > 0) {
    lines.push(
      word(lang, 'assumed', {
        list: departures.map((d) => `${d.id} = ${d.value} (${word(lang, 'sourced')} ${d.sourced})`).join(', '),
      }),
    );
    lines.push('');
  }
  const bands = extras.bands;
  const outRows = [
    [
      word(lang, 'outcomeAt', { date: end }),
      word(lang, 'value'),
      word(lang, 'unit'),
      word(lang, 'vsDefault'),
      word(lang, 'verdict'),
      ...(bands ? [word(lang, 'range')] : []),
    ],
  ];
  for (const o of s.outcomes) {
    const v = result.outcomes[o.id]!;
    const d = v - baseline.outcomes[o.id]!;
    const band = o.bands?.find((b) => b.below === undefined || v < b.below);
    const spread = bands?.outcomes[o.id];
    outRows.push([
      `${o.label[lang]} [${o.id}]${summaryNote(model, result, o.id, lang)}`,
      formatNumber(v, o.format.decimals),
      o.unit[lang],
      signed(d, o.format.decimals),
      band ? band.label[lang] : '',
      ...(spread
        ? [`${formatNumber(spread.p10, o.format.decimals)} – ${formatNumber(spread.p90, o.format.decimals)}`]
        : []),
    ]);
  }
  lines.push(pad(outRows));
  lines.push('');
  if (bands) {
    lines.push(word(lang, 'bandsNote', { draws: String(bands.draws), seed: String(bands.seed) }));
  }
  lines.push(`${word(lang, 'differs')} ${s.caveat[lang]}`);
  return lines.join('\n');
}

export function toJson(model: Model, result: SimulationResult, extras: Extras = {}): string {
  const series: Record<string, number[]> = { t: [...result.t] };
  for (const [id, values] of Object.entries(result.series)) series[id] = [...values];
  const follows = extras.follows ?? {};
  const schedule = Object.fromEntries(
    Object.entries(follows).map(([lever, preset]) => [
      lever,
      { preset, entries: model.scenario.presets.find((p) => p.id === preset)?.schedule?.[lever] ?? [] },
    ]),
  );
  const bands = extras.bands;
  return JSON.stringify({
    scenario: { id: model.scenario.id, version: model.scenario.version },
    levers: result.levers,
    ...(Object.keys(schedule).length ? { schedule } : {}),
    assumed: Object.fromEntries(assumed(model, result).map((a) => [a.id, a.value])),
    outcomes: result.outcomes,
    ...(bands
      ? { bands: bands.outcomes, monteCarlo: { draws: bands.draws, seed: bands.seed, drawn: bands.drawn } }
      : {}),
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
export function toCsv(
  model: Model,
  result: SimulationResult,
  options: { units?: boolean; lang?: Lang } & Extras = {},
): string {
  const s = model.scenario;
  const ids = Object.keys(result.series);
  const banded = Object.keys(options.bands?.series ?? {});
  const items = new Map([...s.stocks, ...s.variables, ...s.outcomes].map((item) => [item.id, item]));
  const decimals = new Map(s.outcomes.map((o) => [o.id, o.format.decimals]));
  const header = ids.map((id) => {
    const unit = items.get(id)?.unit[options.lang ?? 'en'];
    return csvCell(options.units && unit ? `${id} (${unit})` : id);
  });
  const bandHeader = banded.flatMap((id) => [`${id} p10`, `${id} p90`].map(csvCell));
  const rows = [['t', 'date', ...header, ...bandHeader].join(',')];
  result.t.forEach((t, i) => {
    const values = ids.map((id) => csvNumber(result.series[id]![i]!, decimals.get(id)));
    const spreads = banded.flatMap((id) => {
      const b = options.bands!.series[id]!;
      return [csvNumber(b.p10[i]!, decimals.get(id)), csvNumber(b.p90[i]!, decimals.get(id))];
    });
    rows.push([csvNumber(t, undefined), dateAt(model, t), ...values, ...spreads].join(','));
  });
  return rows.join('\n');
}
