/**
 * npm run schema [-- --check]
 * Writes scenarios/scenario.schema.json from the zod schema; with --check, fails if it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../model/schema.ts';
import { SCENARIO_DIR } from '../scenarios/files.ts';

const file = join(SCENARIO_DIR, 'scenario.schema.json');
const text = `${JSON.stringify(
  { ...(scenarioJsonSchema() as object), $id: 'scenario.schema.json', title: 'Leverage Lab scenario' },
  null,
  2,
)}\n`;

if (process.argv.includes('--check')) {
  let current: string;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    process.stderr.write(
      'scenarios/scenario.schema.json is out of date with src/model/schema.ts; run npm run schema\n',
    );
    process.exitCode = 1;
  } else {
    process.stdout.write('scenarios/scenario.schema.json is up to date\n');
  }
} else {
  writeFileSync(file, text);
  process.stdout.write('wrote scenarios/scenario.schema.json\n');
}
