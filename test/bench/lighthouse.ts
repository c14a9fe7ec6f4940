/**
 * npm run bench:lighthouse [-- --runs N] [-- --out DIR]
 * Lighthouse scores of the production build on Debian's Chromium, launched by chrome-launcher (no
 * browser is downloaded): Lighthouse's default config, i.e. the mobile form factor with its
 * emulated device and simulated throttling. The entry point serves dist/ with startApp(), runs
 * Lighthouse on /?scenario=belarus-prisoners three times, a fresh browser each time, and prints each
 * run's scores, their medians, the metrics and the failing audits, then the diagnostics worth
 * reading next to them. `--out DIR` also writes each run's full report (lhr-N.json).
 * Exits 0 whatever the scores: nothing here is a test. `lighthouseScores(url)` is for other benches.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import type { PreviewServer } from 'vite';
import { CHROMIUM, startApp } from '../e2e/browser.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The metrics reported, by the name printed: times in ms, CLS unitless. */
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SpeedIndex: 'speed-index',
} as const;
/** An audit fails below this score, as in Lighthouse's report. */
const PASS = 0.9;
const SCENARIO_PATH = '/?scenario=belarus-prisoners';
/** Diagnostics printed in full after the scores, whether or not they weigh in a category. */
const DIAGNOSTICS = [
  'largest-contentful-paint-element',
  'mainthread-work-breakdown',
  'bootup-time',
  'long-tasks',
  'dom-size',
  'render-blocking-resources',
  'unused-javascript',
  'unused-css-rules',
  'total-byte-weight',
  'errors-in-console',
];
const MAX_ITEMS = 10;

export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
}

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo?: number;
  /** audits that weigh in a category and scored below 0.9 (or errored), each once */
  failing: FailingAudit[];
  /** FCP, LCP, TBT and SpeedIndex in ms; CLS unitless */
  metrics: Record<string, number>;
}

/** Runs Lighthouse once on `url` in a fresh headless Chromium and returns its full report. */
export async function runLighthouse(url: string): Promise<Result> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
  }
}

function categoryScore(lhr: Result, id: string): number | undefined {
  const score = lhr.categories[id]?.score;
  return score === null || score === undefined ? undefined : Math.round(score * 100);
}

/** The scores (0–100), the failing weighted audits and the metrics of one report. */
export function scoresOf(lhr: Result): LighthouseScores {
  const score = (id: string): number => {
    const s = categoryScore(lhr, id);
    if (s === undefined) throw new Error(`Lighthouse gave no ${id} score`);
    return s;
  };
  const failing: FailingAudit[] = [];
  const seen = new Set<string>();
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight <= 0 || seen.has(ref.id)) continue;
      const fails = audit.score === null ? audit.scoreDisplayMode === 'error' : audit.score < PASS;
      if (!fails) continue;
      seen.add(ref.id);
      failing.push({
        id: ref.id,
        title: audit.title,
        score: audit.score,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      });
    }
  }
  const metrics: Record<string, number> = {};
  for (const [name, id] of Object.entries(METRICS)) {
    const value = lhr.audits[id]?.numericValue;
    if (value !== undefined) metrics[name] = value;
  }
  const seo = categoryScore(lhr, 'seo');
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    ...(seo === undefined ? {} : { seo }),
    failing,
    metrics,
  };
}

/** Lighthouse's scores of one page load of `url`: mobile form factor, simulated throttling. */
export async function lighthouseScores(url: string): Promise<LighthouseScores> {
  return scoresOf(await runLighthouse(url));
}

// ---- the entry point ----

type Item = Record<string, unknown>;
interface Heading {
  key: string | null;
  valueType?: string;
}

function isRecord(v: unknown): v is Item {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function formatValue(v: unknown, valueType: string | undefined): string {
  if (typeof v === 'number') {
    if (valueType === 'bytes') return `${(v / 1024).toFixed(1)} KiB`;
    if (valueType === 'ms' || valueType === 'timespanMs') return `${Math.round(v)} ms`;
    return Number.isInteger(v) ? String(v) : v.toFixed(3);
  }
  if (typeof v === 'string') return v.length > 160 ? `${v.slice(0, 157)}…` : v;
  if (isRecord(v)) {
    if (v.type === 'numeric') return formatValue(v.value, valueType);
    if (v.type === 'node') return `<${String(v.selector ?? '')}> ${String(v.snippet ?? '')}`.trim();
    if (v.type === 'source-location') return `${String(v.url)}:${String(v.line)}:${String(v.column)}`;
    if (v.type === 'url' || v.type === 'code' || v.type === 'text') return String(v.value);
    if (v.type === 'link') return `${String(v.text)} (${String(v.url)})`;
  }
  return v === undefined || v === null ? '' : JSON.stringify(v).slice(0, 160);
}

/** The rows of an audit's table or opportunity, one line each; a list's tables one after the other. */
function detailLines(details: unknown): string[] {
  if (!isRecord(details)) return [];
  if (details.type === 'node') return [formatValue(details, undefined)];
  if (details.type === 'list' && Array.isArray(details.items)) return details.items.flatMap(detailLines);
  if (!Array.isArray(details.items)) return [];
  const headings = Array.isArray(details.headings) ? (details.headings as Heading[]) : [];
  const items = details.items as unknown[];
  const lines = items.slice(0, MAX_ITEMS).map((item) => {
    if (!isRecord(item)) return formatValue(item, undefined);
    const keys: Heading[] = headings.length
      ? headings.filter((h) => h.key !== null)
      : Object.keys(item).map((key) => ({ key }));
    return keys
      .map((h) => [h.key!, formatValue(item[h.key!], h.valueType)] as const)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `${key}: ${value}`)
      .join(' | ');
  });
  if (items.length > MAX_ITEMS) lines.push(`… ${items.length - MAX_ITEMS} more`);
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function formatMetric(name: string, value: number): string {
  return name === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, out: { type: 'string' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  let server: PreviewServer | undefined;
  try {
    let base: string;
    ({ server, url: base } = await startApp());
    const url = new URL(SCENARIO_PATH, base).href;
    const reports: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const lhr = await runLighthouse(url);
      reports.push(lhr);
      if (values.out) {
        mkdirSync(values.out, { recursive: true });
        writeFileSync(resolve(values.out, `lhr-${i + 1}.json`), JSON.stringify(lhr, null, 2));
      }
    }
    const all = reports.map(scoresOf);
    const first = reports[0]!;
    const out: string[] = [
      `Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling, ${first.environment.hostUserAgent}`,
      `${url}, ${runs} runs`,
    ];
    const row = (label: string, s: Pick<LighthouseScores, 'performance' | 'accessibility' | 'bestPractices' | 'seo'>) =>
      `  ${label.padEnd(8)} performance ${String(s.performance).padStart(3)}  accessibility ${String(s.accessibility).padStart(3)}  best practices ${String(s.bestPractices).padStart(3)}${s.seo === undefined ? '' : `  seo ${String(s.seo).padStart(3)}`}`;
    all.forEach((s, i) => out.push(row(`run ${i + 1}`, s)));
    const seos = all.flatMap((s) => (s.seo === undefined ? [] : [s.seo]));
    out.push(
      row('median', {
        performance: median(all.map((s) => s.performance)),
        accessibility: median(all.map((s) => s.accessibility)),
        bestPractices: median(all.map((s) => s.bestPractices)),
        ...(seos.length ? { seo: median(seos) } : {}),
      }),
      'Metrics (each run; median):',
    );
    for (const name of Object.keys(METRICS)) {
      const values = all.flatMap((s) => (s.metrics[name] === undefined ? [] : [s.metrics[name]]));
      if (!values.length) continue;
      out.push(
        `  ${name.padEnd(10)} ${values.map((v) => formatMetric(name, v)).join(', ')}; ${formatMetric(name, median(values))}`,
      );
    }
    reports.forEach((lhr, i) => {
      const failing = all[i]!.failing;
      out.push(`Failing audits, run ${i + 1}: ${failing.length ? '' : 'none'}`);
      for (const f of failing) {
        const categories = Object.values(lhr.categories)
          .filter((c) => c.auditRefs.some((r) => r.id === f.id && r.weight > 0))
          .map((c) => c.id);
        out.push(
          `  ${f.id} [${categories.join(', ')}] score ${f.score ?? 'error'}${f.displayValue ? `, ${f.displayValue}` : ''}: ${f.title}`,
        );
        if (i === 0) out.push(...detailLines(lhr.audits[f.id]?.details).map((l) => `      ${l}`));
      }
    });
    out.push('Diagnostics, run 1:');
    for (const id of DIAGNOSTICS) {
      const audit = first.audits[id];
      if (!audit) continue;
      out.push(
        `  ${id}: score ${audit.score ?? audit.scoreDisplayMode}${audit.displayValue ? `, ${audit.displayValue}` : ''}`,
        ...detailLines(audit.details).map((l) => `      ${l}`),
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await server?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
