/** Plain-text renderings of a simulation for the terminal: table, JSON and CSV. */
import type { Model } from '../model/compile.ts';
import type { Lang } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';

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
  lines.push(`${s.time.start} → ${end}, ${result.horizon} ${s.time.unit}s`);
  lines.push('');
  const leverRows = [['Lever', 'Value', 'Unit', 'Default']];
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
  const outRows = [[`Outcome at ${end}`, 'Value', 'Unit', 'vs default', 'Verdict']];
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
  lines.push(`* differs from the default. ${s.caveat[lang]}`);
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

export function toCsv(model: Model, result: SimulationResult): string {
  const ids = Object.keys(result.series);
  const rows = [['t', 'date', ...ids].join(',')];
  result.t.forEach((t, i) => {
    rows.push([String(t), dateAt(model, t), ...ids.map((id) => String(result.series[id]![i]))].join(','));
  });
  return rows.join('\n');
}
