/** Finds and reads the scenario files in `scenarios/` (Node only: command line, tests, build). */
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Why `file` (as the person typed it) cannot be read as a scenario file, in one line, or
 * undefined when it can: the command line says this instead of printing a stack trace.
 */
export function unreadableReason(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return `${file} is a folder; give scenario files (.yaml, .yml or .json)`;
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? `no such file: ${file}`
      : `cannot read ${file}: ${(e as Error).message}`;
  }
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
