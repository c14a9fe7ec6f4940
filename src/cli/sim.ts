/**
 * npm run --silent sim -- <scenario> [--set lever=value]... [--preset id] [--url link]
 *                         [--horizon N] [--format table|json|csv] [--lang en|ar]
 */
import { parseArgs } from 'node:util';
import { compileScenario, type Model } from '../model/compile.ts';
import { ScenarioError } from '../model/problems.ts';
import { resolveHorizon, simulate } from '../model/simulate.ts';
import { parseScenarioFile, scenarioFiles, scenarioIdOf } from '../scenarios/files.ts';
import { checkedLever, parseAssignment, queryOf, UsageError, VIEW_KEYS } from './args.ts';
import { formatTable, toCsv, toJson } from './format.ts';

const HELP = `Simulate a scenario and print its outcomes.

Usage: npm run --silent sim -- <scenario-id> [options]

Options:
  --set lever=value   set a lever (repeatable)
  --preset id         start from one of the scenario's presets
  --url link          take the scenario and levers from a share link or query string
  --horizon N         simulate N time units instead of the scenario's horizon
  --format F          table (default), json or csv
  --lang L            en (default) or ar, for the table's labels
  --help              show this text`;

function loadModel(id: string): Model {
  const files = scenarioFiles();
  const file = files.find((f) => scenarioIdOf(f) === id);
  if (!file) {
    throw new UsageError(`unknown scenario "${id}". Valid scenarios: ${files.map(scenarioIdOf).join(', ')}`);
  }
  const { scenario, problems } = parseScenarioFile(file);
  if (!scenario) throw new ScenarioError(problems);
  return compileScenario(scenario);
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
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return { code: 2, out: '', err: `${(e as Error).message}\n\n${HELP}` };
  }
  const { values: opts, positionals } = parsed;
  if (opts.help) return { code: 0, out: HELP, err: '' };
  const warnings: string[] = [];
  try {
    const query = opts.url !== undefined ? queryOf(opts.url) : undefined;
    const fromUrl = query?.get('scenario') ?? undefined;
    const id = positionals[0] ?? fromUrl;
    if (positionals.length > 1) throw new UsageError(`one scenario at a time; got ${positionals.join(', ')}`);
    if (!id) {
      throw new UsageError(`name a scenario. Valid scenarios: ${scenarioFiles().map(scenarioIdOf).join(', ')}`);
    }
    if (fromUrl && positionals[0] && fromUrl !== positionals[0]) {
      throw new UsageError(`the link is for scenario "${fromUrl}", not "${positionals[0]}"`);
    }
    if (!['table', 'json', 'csv'].includes(opts.format)) {
      throw new UsageError(`unknown format "${opts.format}". Valid formats: table, json, csv`);
    }
    if (opts.lang !== 'en' && opts.lang !== 'ar')
      throw new UsageError(`unknown language "${opts.lang}". Valid: en, ar`);
    const model = loadModel(id);

    const levers: Record<string, number> = {};
    if (opts.preset !== undefined) {
      const preset = model.scenario.presets.find((p) => p.id === opts.preset);
      if (!preset) {
        throw new UsageError(
          `unknown preset "${opts.preset}". Valid presets: ${model.scenario.presets.map((p) => p.id).join(', ')}`,
        );
      }
      Object.assign(levers, preset.values);
    }
    if (query) {
      for (const [key, value] of query) {
        if (VIEW_KEYS.has(key)) continue;
        const [lever, v] = checkedLever(model, key, value);
        levers[lever] = v;
      }
    }
    for (const a of opts.set) {
      const [lever, v] = parseAssignment(model, a);
      levers[lever] = v;
    }

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
    const options = horizon === undefined ? {} : { horizon };
    const result = simulate(model, levers, options);
    let out: string;
    if (opts.format === 'json') out = toJson(model, result);
    else if (opts.format === 'csv') out = toCsv(model, result);
    else out = formatTable(model, result, simulate(model, {}, options), opts.lang);
    return { code: 0, out, err: warnings.join('\n') };
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
