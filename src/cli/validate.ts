/**
 * npm run --silent validate [--quiet] [files...]
 * Validates every scenario file (schema, names, cycles, ranges, sources), then runs its model
 * checks and the extreme-value matrix. Exits 1 if anything fails, listing every problem; exits 2
 * if a named file cannot be read.
 */
import { holds, runChecks, runMatrix, type CheckResult } from '../model/checks.ts';
import { compileScenario } from '../model/compile.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { displayPath, parseScenarioFile, scenarioFiles, scenarioIdOf, unreadableReason } from '../scenarios/files.ts';

export interface FileReport {
  file: string;
  problems: Problem[];
  checks: CheckResult[];
}

export function validateFile(file: string): FileReport {
  const { scenario, problems } = parseScenarioFile(file);
  if (scenario && scenario.id !== scenarioIdOf(file)) {
    problems.push({
      file: displayPath(file),
      path: 'id',
      message: `the id "${scenario.id}" must match the file name "${scenarioIdOf(file)}" (share links use it)`,
    });
  }
  if (!scenario || problems.length > 0) return { file, problems, checks: [] };
  const model = compileScenario(scenario);
  return { file, problems, checks: [...runChecks(model), ...runMatrix(model)] };
}

export function main(argv: string[]): { code: number; out: string; err: string } {
  const quiet = argv.includes('--quiet');
  const named = argv.filter((a) => !a.startsWith('--'));
  const unreadable = named.map(unreadableReason).filter((r) => r !== undefined);
  if (unreadable.length > 0) return { code: 2, out: '', err: unreadable.map((r) => `error: ${r}`).join('\n') };
  const files = named.length > 0 ? named : scenarioFiles();
  const lines: string[] = [];
  let failed = 0;
  for (const file of files) {
    const r = validateFile(file);
    const bad = r.checks.filter((c) => !holds(c));
    if (r.problems.length > 0) {
      failed++;
      lines.push(`✗ ${displayPath(file)}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
      for (const p of r.problems) lines.push(`  ${formatProblem(p)}`);
      continue;
    }
    if (bad.length > 0) failed++;
    const held = r.checks.length - bad.length;
    if (!quiet || bad.length > 0) {
      lines.push(
        `${bad.length ? '✗' : '✓'} ${displayPath(file)}: valid; ${held} of ${r.checks.length} model checks hold (each passes, and fails under its counter-setting)`,
      );
    }
    for (const c of r.checks) {
      const ok = holds(c);
      if (quiet && ok) continue;
      if (!ok || !c.id.startsWith('matrix')) {
        lines.push(`  ${ok ? '✓' : '✗'} ${c.id}: ${c.claim}`);
        for (const l of c.lines) lines.push(`      ${l}`);
        if (c.counter) {
          // The counter-setting must make the check fail: that is what shows it can fail.
          lines.push(
            `    counter-setting ${c.counter.setting}: ${c.counter.passed ? 'STILL PASSES (the check cannot fail as written)' : 'fails, as it must'}`,
          );
          for (const l of c.counter.lines) lines.push(`      ${l}`);
        }
      }
    }
  }
  if (files.length === 0) lines.push('no scenario files found');
  lines.push(`${files.length - failed} of ${files.length} scenario file${files.length === 1 ? '' : 's'} valid`);
  return { code: failed > 0 || files.length === 0 ? 1 : 0, out: lines.join('\n'), err: '' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, out, err } = main(process.argv.slice(2));
  if (out) process.stdout.write(`${out}\n`);
  if (err) process.stderr.write(`${err}\n`);
  process.exitCode = code;
}
