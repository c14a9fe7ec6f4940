import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/validate.ts';
import { foundingData, toYaml } from '../helpers.ts';

describe('the validate command', () => {
  it('validates every scenario and runs its checks', () => {
    const { code, out } = main([]);
    expect(code).toBe(0);
    expect(out).toMatch(/✓ scenarios\/belarus-prisoners\.yaml: valid; \d+ of \d+ model checks hold/);
    expect(out).toContain('✓ replayBankRung');
    // Each check is printed with its counter-setting and the failure that setting causes.
    expect(out).toMatch(/counter-setting trustGain=0 \(assumed\): fails, as it must\n {6}FAIL dealBatch at 2026-03 = /);
    expect(out.split('\n').at(-1)).toBe('1 of 1 scenario files valid'.replace('files', 'file'));
  });

  it('fails on a broken file and lists every problem with file, line and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const data = foundingData() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    data.levers[0].default = 700;
    data.variables[0].equation = 'weeks * 2';
    data.sources[0].url = 'not a url';
    const file = join(dir, 'belarus-prisoners.yaml');
    writeFileSync(file, toYaml(data));
    const { code, out } = main([file]);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ .*belarus-prisoners\.yaml: 3 problems/);
    expect(out).toMatch(/belarus-prisoners\.yaml:\d+:\d+ {2}sources\[0\]\.url: a source url must start with http/);
    expect(out).toMatch(/belarus-prisoners\.yaml:\d+:\d+ {2}levers\[0\]\.default: default 700 is outside 0\.\.365/);
    expect(out).toMatch(/belarus-prisoners\.yaml:\d+:\d+ {2}variables\[0\]\.equation: unknown name "weeks"/);
    expect(out.split('\n').at(-1)).toBe('0 of 1 scenario file valid');
  });

  it('fails when a file name and its scenario id disagree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'other-name.yaml');
    writeFileSync(file, toYaml(foundingData()));
    const { code, out } = main([file]);
    expect(code).toBe(1);
    expect(out).toContain('the id "belarus-prisoners" must match the file name "other-name"');
  });

  it('says in one line that a named file does not exist, and exits 2', () => {
    expect(main(['some/missing.yaml'])).toEqual({ code: 2, out: '', err: 'error: no such file: some/missing.yaml' });
  });

  it('says in one line that a folder is not a scenario file, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folder-'));
    expect(main([dir])).toEqual({
      code: 2,
      out: '',
      err: `error: ${dir} is a folder; give scenario files (.yaml, .yml or .json)`,
    });
  });

  it('prints no stack trace for a missing file when run as an npm script', () => {
    const run = spawnSync('npm', ['run', '--silent', 'validate', 'some/missing.yaml'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: no such file: some/missing.yaml\n');
  });
});
