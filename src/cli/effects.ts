/**
 * The lever-effects table, as text: for each base setting, each lever moved alone from its min to
 * its max, and the change in every headline outcome. Printed by `sim --effects` and embedded in
 * docs/model.md by `npm run docs`.
 */
import { leverEffects } from '../model/analysis.ts';
import type { Model } from '../model/compile.ts';
import type { Lang } from '../model/schema.ts';
import { formatNumber } from './format.ts';

/** The outcomes the table shows: the scenario's own choice, or its headline outcomes. */
function columnsOf(model: Model): string[] {
  const { scenario } = model;
  return scenario.effects?.columns ?? scenario.outcomes.filter((o) => o.headline).map((o) => o.id);
}

function signed(x: number, decimals: number): string {
  const s = formatNumber(x, decimals);
  if (/^-?0(\.0+)?$/.test(s)) return '0';
  return x > 0 ? `+${s}` : s;
}

/** The table in Markdown, one section per base, readable in a terminal as it is. */
export function effectsTable(model: Model, lang: Lang = 'en'): string {
  const { scenario } = model;
  const columns = columnsOf(model);
  const outcome = new Map(scenario.outcomes.map((o) => [o.id, o]));
  const lever = new Map(scenario.levers.map((l) => [l.id, l]));
  const bases = new Map((scenario.effects?.bases ?? []).map((b) => [b.id, b]));
  const lines: string[] = [];
  for (const { base, effects } of leverEffects(model)) {
    const b = bases.get(base.id);
    const title = b ? b.label[lang] : base.id;
    const setting = Object.entries(base.values)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    lines.push(`### ${title}${setting ? ` (${setting})` : ''}`, '');
    const header = [
      lang === 'ar' ? 'أداة الضغط (من الأدنى إلى الأقصى)' : 'Lever (min → max)',
      ...columns.map((id) => `${outcome.get(id)!.label[lang]} (${outcome.get(id)!.unit[lang]})`),
    ];
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const e of effects) {
      const l = lever.get(e.lever)!;
      const cells = columns.map((id) => signed(e.change[id]!, outcome.get(id)!.format.decimals));
      lines.push(`| ${l.label[lang]} \`${l.id}\` ${l.min} → ${l.max} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

export function effectsJson(model: Model): string {
  return JSON.stringify({ scenario: model.scenario.id, columns: columnsOf(model), bases: leverEffects(model) });
}
