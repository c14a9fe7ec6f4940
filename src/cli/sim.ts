/**
 * npm run --silent sim -- <scenario-id | file> [--set lever=value]... [--preset id] [--url link]
 *                         [--horizon N] [--format table|json|csv] [--units] [--lang en|ar]
 * Reads settings as the app reads them (same rounding, same link format), says on stderr what it
 * changed, and refuses what it cannot use, naming what is valid.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DRAWS, DEFAULT_SEED, monteCarlo } from '../model/analysis.ts';
import type { Model } from '../model/compile.ts';
import { leverSchedules } from '../model/inputs.ts';
import { ScenarioError } from '../model/problems.ts';
import type { Lang } from '../model/schema.ts';
import { resolveHorizon, simulate } from '../model/simulate.ts';
import { loadScenarioFile, scenarioFiles, scenarioIdOf, unreadableReason } from '../scenarios/files.ts';
import { migrateLink, URL_VERSION, type UrlNotice } from '../state/url.ts';
import {
  checkedConstant,
  checkedLever,
  parseAssignment,
  parseAssumption,
  queryOf,
  snapped,
  UsageError,
  VIEW_KEYS,
} from './args.ts';
import { effectsJson, effectsTable } from './effects.ts';
import { formatTable, toCsv, toJson } from './format.ts';

const HELP = `Simulate a scenario and print its outcomes.

Usage: npm run --silent sim -- <scenario-id | file> [options]

The scenario is the id of a file in scenarios/, or the path of a scenario file (.yaml, .yml or
.json), to try a draft. Lever values are rounded to the lever's step, as the app and its share
links do; a note on stderr says when.

Options:
  --set lever=value   set a lever (repeatable); the value may also be a preset id, meaning
                      that preset's value of the lever
  --preset id         start from one of the scenario's presets
  --url link          take the scenario, levers and language from a share link or query string
  --horizon N         simulate N time units instead of the scenario's horizon
  --format F          table (default), json or csv; a CSV row is the state at the start of
                      the named month
  --units             with csv: put each column's unit in its header, e.g. "prisonersHeld (people)"
  --lang L            en or ar, for the table's words, labels and units
                      (default: the link's language, else en)
  --assume c=value    set a constant within its plausible range (repeatable), as the app's
                      Assumptions panel does; outside its range: exit 2, naming the range
  --draws N           Monte Carlo: run N draws of the constants within their ranges (default
                      ${DEFAULT_DRAWS} when --seed is given) and add the p10-p50-p90 of every outcome
  --seed S            the Monte Carlo seed (default ${DEFAULT_SEED}); the same seed gives the same bands.
                      A link's seed= asks for the bands too, as the app shows them
  --effects           print the lever-effects table instead: each lever from its min to its max,
                      at each of the scenario's bases, and what it does to every headline outcome
  --help              show this text`;

const LANGS: readonly string[] = ['en', 'ar'];

/** An argument that looks like a file rather than an id is read as a (draft) scenario file. */
function isPath(target: string): boolean {
  return /\.(ya?ml|json)$/i.test(target) || /[\\/]/.test(target);
}

function loadModel(target: string): Model {
  if (isPath(target)) {
    const reason = unreadableReason(target);
    if (reason) throw new UsageError(reason);
    return loadScenarioFile(target);
  }
  const files = scenarioFiles();
  const file = files.find((f) => scenarioIdOf(f) === target);
  if (!file) {
    throw new UsageError(`unknown scenario "${target}". Valid scenarios: ${files.map(scenarioIdOf).join(', ')}`);
  }
  return loadScenarioFile(file);
}

/** The link's language, as the app reads it: an unknown one falls back to English with a warning. */
function linkLang(query: URLSearchParams, notes: string[]): Lang | undefined {
  const lang = query.get('lang');
  if (lang === null) return undefined;
  if (lang === 'en' || lang === 'ar') return lang;
  notes.push(`warning: the link's language "${lang}" is not available; English is used`);
  return 'en';
}

export function main(argv: string[]): { code: number; out: string; err: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        set: { type: 'string', multiple: true, default: [] },
        preset: { type: 'string' },
        url: { type: 'string' },
        horizon: { type: 'string' },
        format: { type: 'string', default: 'table' },
        units: { type: 'boolean', default: false },
        lang: { type: 'string' },
        assume: { type: 'string', multiple: true, default: [] },
        draws: { type: 'string' },
        seed: { type: 'string' },
        effects: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return { code: 2, out: '', err: `${(e as Error).message}\n\n${HELP}` };
  }
  const { values: opts, positionals } = parsed;
  if (opts.help) return { code: 0, out: HELP, err: '' };
  const notes: string[] = [];
  try {
    const query = opts.url !== undefined ? queryOf(opts.url) : undefined;
    const fromUrl = query?.get('scenario') ?? undefined;
    const target = positionals[0] ?? fromUrl;
    if (positionals.length > 1) throw new UsageError(`one scenario at a time; got ${positionals.join(', ')}`);
    if (!target) {
      throw new UsageError(`name a scenario. Valid scenarios: ${scenarioFiles().map(scenarioIdOf).join(', ')}`);
    }
    if (!['table', 'json', 'csv'].includes(opts.format)) {
      throw new UsageError(`unknown format "${opts.format}". Valid formats: table, json, csv`);
    }
    if (opts.lang !== undefined && !LANGS.includes(opts.lang)) {
      throw new UsageError(`unknown language "${opts.lang}". Valid: ${LANGS.join(', ')}`);
    }
    const model = loadModel(target);
    if (fromUrl && fromUrl !== model.scenario.id) {
      throw new UsageError(`the link is for scenario "${fromUrl}", not "${model.scenario.id}"`);
    }

    let lang = opts.lang as Lang | undefined;
    if (opts.effects) {
      lang ??= 'en';
      const out = opts.format === 'json' ? effectsJson(model) : effectsTable(model, lang);
      return { code: 0, out, err: notes.join('\n') };
    }

    const levers: Record<string, number> = {};
    // Levers that follow a preset's dated events, not a fixed value.
    const follows: Record<string, string> = {};
    const constants: Record<string, number> = {};
    const take = (setting: { id: string; value: number; follows?: string; notes: string[] }) => {
      levers[setting.id] = setting.value;
      if (setting.follows) follows[setting.id] = setting.follows;
      else delete follows[setting.id];
      notes.push(...setting.notes);
    };
    if (opts.preset !== undefined) {
      const preset = model.scenario.presets.find((p) => p.id === opts.preset);
      if (!preset) {
        throw new UsageError(
          `unknown preset "${opts.preset}". Valid presets: ${model.scenario.presets.map((p) => p.id).join(', ')}`,
        );
      }
      for (const lever of model.scenario.levers) {
        const given = preset.values[lever.id];
        if (given !== undefined) {
          const { value, notes: rounded } = snapped(lever, given, ` (preset ${preset.id})`);
          levers[lever.id] = value;
          notes.push(...rounded);
        }
        if (preset.schedule?.[lever.id]) follows[lever.id] = preset.id;
      }
    }
    if (query) {
      // The app's reading of a link: an older one is migrated, a newer one is read with a warning.
      const linkNotices: UrlNotice[] = [];
      migrateLink(query, linkNotices);
      for (const n of linkNotices) {
        if (n.kind === 'newer-version') {
          notes.push(
            `warning: the link was made by a newer version of Leverage Lab (link format ${n.given}; ` +
              `this one reads ${URL_VERSION}); some settings may be read differently`,
          );
        } else if (n.kind === 'migrated') {
          notes.push(`note: the link was made in link format ${n.from} and was updated: ${n.changes.join('; ')}`);
        }
      }
      lang ??= linkLang(query, notes);
      for (const [key, value] of query) {
        if (VIEW_KEYS.has(key)) continue;
        // A link holds the reader's assumptions too: a constant's id and its value.
        if (model.scenario.constants.some((c) => c.id === key)) {
          const c = checkedConstant(model, key, value);
          constants[c.id] = c.value;
          continue;
        }
        take(checkedLever(model, key, value));
      }
    }
    for (const a of opts.set) take(parseAssignment(model, a));
    for (const a of opts.assume) {
      const c = parseAssumption(model, a);
      constants[c.id] = c.value;
    }
    const whole = (flag: string, raw: string | undefined, min: number, max: number) => {
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) {
        throw new UsageError(`--${flag} takes a whole number from ${min} to ${max}, got "${raw}"`);
      }
      return n;
    };
    const seedFromLink = query?.get('seed') ?? undefined;
    const draws = whole('draws', opts.draws ?? query?.get('draws') ?? undefined, 1, 100_000);
    const seed = whole('seed', opts.seed ?? seedFromLink, 0, 2 ** 31 - 1);

    let horizon: number | undefined;
    if (opts.horizon !== undefined) {
      const h = Number(opts.horizon);
      const { maxHorizon } = model.scenario.time;
      if (!Number.isInteger(h) || h < 1 || h > maxHorizon) {
        throw new UsageError(
          `--horizon takes a whole number of ${model.scenario.time.unit}s from 1 to ${maxHorizon}, got "${opts.horizon}"`,
        );
      }
      horizon = resolveHorizon(model, h).horizon;
    }
    const schedule = leverSchedules(model.scenario, follows);
    const options = { ...(horizon === undefined ? {} : { horizon }), constants, schedule };
    const result = simulate(model, levers, options);
    const bands =
      draws !== undefined || seed !== undefined
        ? monteCarlo(model, levers, {
            ...options,
            draws: draws ?? DEFAULT_DRAWS,
            seed: seed ?? DEFAULT_SEED,
          })
        : undefined;
    lang ??= 'en';
    const extra = { follows, bands };
    let out: string;
    if (opts.format === 'json') out = toJson(model, result, extra);
    else if (opts.format === 'csv') out = toCsv(model, result, { units: opts.units, lang, ...extra });
    else out = formatTable(model, result, simulate(model, {}, horizon === undefined ? {} : { horizon }), lang, extra);
    return { code: 0, out, err: notes.join('\n') };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: '', err: `error: ${e.message}` };
    if (e instanceof ScenarioError) return { code: 1, out: '', err: e.message };
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, out, err } = main(process.argv.slice(2));
  if (out) process.stdout.write(`${out}\n`);
  if (err) process.stderr.write(`${err}\n`);
  process.exitCode = code;
}
