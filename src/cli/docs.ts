/**
 * npm run docs [-- --check]
 * Writes the parts of docs/model.md that the model itself can tell: the lever-effects table, the
 * calibration table (what each constant rests on), the model checks with their counter-settings,
 * and the replay against the record. Each sits between `<!-- generated:<name> -->` and
 * `<!-- /generated:<name> -->`; the prose around them is written by hand. With --check, it changes
 * nothing and exits 1 if the file is out of date (the test suite runs this).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holds, runChecks } from '../model/checks.ts';
import type { Model } from '../model/compile.ts';
import { scheduleOf } from '../model/inputs.ts';
import { simulate } from '../model/simulate.ts';
import { pointOf } from '../model/time.ts';
import { loadScenarioById } from '../scenarios/files.ts';
import { effectsTable } from './effects.ts';
import { formatNumber } from './format.ts';

export const DOC = join(import.meta.dirname, '../../docs/model.md');

const num = (x: number) => {
  if (Number.isInteger(x)) return formatNumber(x, 0);
  const decimals = Math.min(4, Math.max(1, 3 - Math.floor(Math.log10(Math.abs(x) || 1))));
  return formatNumber(Number(x.toPrecision(4)), decimals).replace(/\.?0+$/, '');
};
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function calibration(model: Model): string {
  const { scenario } = model;
  const source = new Map(scenario.sources.map((s) => [s.id, s]));
  const rows = scenario.constants.map((c) => {
    const basis = c.fitted
      ? `**fitted** to ${c.fitted.to.map((id) => `\`${id}\``).join(', ')}: ${c.fitted.how.en}`
      : c.assumption
        ? `judgement: ${c.assumption.en}`
        : (c.note?.en ?? 'sourced');
    const sources = (c.sources ?? []).map((id) => `[${source.get(id)!.publisher}](${source.get(id)!.url})`).join(', ');
    const range = c.low === c.high ? 'fixed' : `${num(c.low)} – ${num(c.high)}`;
    return `| <a id="${c.id}"></a>\`${c.id}\` | ${num(c.value)} | ${range} | ${cell(c.unit.en)} | ${cell(basis)} | ${sources} |`;
  });
  return [
    '| Constant | Value | Plausible range | Unit | What it rests on | Sources |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function checks(model: Model): string {
  return runChecks(model)
    .map((r) => {
      const c = model.scenario.checks.find((x) => x.id === r.id)!;
      const lines = [
        `- ${holds(r) ? '✓' : '✗'} **\`${r.id}\`**: ${r.claim}`,
        ...r.lines.map((l) => `  - ${l.replace(/^ok {3}/, 'holds: ').replace(/^FAIL /, 'FAILS: ')}`),
        `  - counter-setting ${r.counter!.setting}: ${r.counter!.passed ? '**still passes** (the check cannot fail)' : 'the check fails, as it must'} (${r
          .counter!.lines.filter((l) => l.startsWith('FAIL'))
          .map((l) => l.slice(5))
          .join('; ')})`,
      ];
      if (c.preset) lines.splice(1, 0, `  - run: preset \`${c.preset}\``);
      return lines.join('\n');
    })
    .join('\n');
}

function replay(model: Model): string {
  const { scenario } = model;
  const preset = scenario.presets.find((p) => p.id === 'asItHappened');
  if (!preset) return '_This scenario has no `asItHappened` preset._';
  const r = simulate(model, preset.values, { schedule: scheduleOf(scenario, preset.id) });
  const fitted = new Map(scenario.constants.flatMap((c) => (c.fitted?.to ?? []).map((o) => [o, c.id] as const)));
  const rows = scenario.checks
    .filter((c) => c.preset === preset.id && 'set' in c)
    .flatMap((c) =>
      c.expect.flatMap((e) => {
        if (!('near' in e) || typeof e.near !== 'string' || e.at === undefined) return [];
        const obs = scenario.observations.find((o) => o.id === e.near);
        if (!obs) return [];
        const value = r.series[e.outcome]![pointOf(scenario.time, e.at, r.t.length)]!;
        const off = ((value - obs.value) / obs.value) * 100;
        const kind = fitted.has(obs.id) ? `fitted (${fitted.get(obs.id)})` : 'not fitted: a test';
        return [
          `| ${cell(obs.label.en)} (${obs.date}) | ${num(obs.value)} | \`${e.outcome}\` at ${e.at}: ${num(value)} | ${off >= 0 ? '+' : ''}${off.toFixed(1)}% | ±${(e.within! * 100).toFixed(0)}% | ${kind} |`,
        ];
      }),
    );
  return [
    '| Recorded | Value | Model | Off by | Allowed | |',
    '| --- | ---: | --- | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

export function generatedParts(model: Model): Record<string, string> {
  return {
    effects: effectsTable(model, 'en'),
    calibration: calibration(model),
    checks: checks(model),
    replay: replay(model),
  };
}

/** The document with every generated part replaced by what the model says now. */
export function regenerate(doc: string, parts: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  let text = doc;
  for (const [name, body] of Object.entries(parts)) {
    const open = `<!-- generated:${name} -->`;
    const close = `<!-- /generated:${name} -->`;
    const a = text.indexOf(open);
    const b = text.indexOf(close);
    if (a < 0 || b < a) {
      missing.push(name);
      continue;
    }
    text = `${text.slice(0, a + open.length)}\n\n${body}\n\n${text.slice(b)}`;
  }
  return { text, missing };
}

export function main(argv: string[]): { code: number; out: string } {
  const model = loadScenarioById('belarus-prisoners')!;
  const doc = readFileSync(DOC, 'utf8');
  const { text, missing } = regenerate(doc, generatedParts(model));
  if (missing.length > 0) {
    return { code: 1, out: `docs/model.md lacks the markers for: ${missing.join(', ')}` };
  }
  if (argv.includes('--check')) {
    return text === doc
      ? { code: 0, out: 'docs/model.md is up to date with the model' }
      : { code: 1, out: 'docs/model.md is out of date with the model: run npm run docs' };
  }
  if (text !== doc) writeFileSync(DOC, text);
  return { code: 0, out: text === doc ? 'docs/model.md was up to date' : 'wrote docs/model.md' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, out } = main(process.argv.slice(2));
  process.stdout.write(`${out}\n`);
  process.exitCode = code;
}
