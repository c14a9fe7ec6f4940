import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { compileScenario, type Model } from '../src/model/compile.ts';
import { loadScenarioById, SCENARIO_DIR } from '../src/scenarios/files.ts';

export function founding(): Model {
  return loadScenarioById('belarus-prisoners')!;
}

/** The founding scenario file as plain data, to be broken on purpose in tests. */
export function foundingData(): Record<string, unknown> {
  return parse(readFileSync(join(SCENARIO_DIR, 'belarus-prisoners.yaml'), 'utf8')) as Record<string, unknown>;
}

export function toYaml(data: unknown): string {
  return stringify(data);
}

export { compileScenario };
