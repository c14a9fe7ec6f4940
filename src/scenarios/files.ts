/** Finds and reads the scenario files in `scenarios/` (Node only: command line, tests, build). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '../model/compile.ts';
import { loadScenarioText, parseScenarioText, type Parsed } from './parse.ts';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

const SCENARIO_FILE = /\.(ya?ml|json)$/;

export function scenarioFiles(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => SCENARIO_FILE.test(f) && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => join(dir, f));
}

export function scenarioIdOf(file: string): string {
  return basename(file).replace(SCENARIO_FILE, '');
}

export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

export function parseScenarioFile(file: string): Parsed {
  return parseScenarioText(readFileSync(file, 'utf8'), displayPath(file));
}

export function loadScenarioFile(file: string): Model {
  return loadScenarioText(readFileSync(file, 'utf8'), displayPath(file));
}

/** The model of scenario `id`, or undefined when there is no such file. */
export function loadScenarioById(id: string, dir = SCENARIO_DIR): Model | undefined {
  const file = scenarioFiles(dir).find((f) => scenarioIdOf(f) === id);
  return file ? loadScenarioFile(file) : undefined;
}
