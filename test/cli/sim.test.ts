import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim.ts';

const sim = (...args: string[]) => main(args);

describe('the sim command', () => {
  it('prints a readable table of levers and outcomes', () => {
    const { code, out } = sim('belarus-prisoners', '--set', 'usRelief=8', '--set', 'polandClosureWeeks=2');
    expect(code).toBe(0);
    expect(out).toContain('Belarus: political prisoners as bargaining chips');
    expect(out).toMatch(/\* US sanctions relief on offer \[usRelief\] +8/);
    expect(out).toMatch(/Freed in US deals \[releasedByDeals\] +116 +people +\+116/);
    expect(out).toMatch(/US–Belarus rapprochement \[rapprochementStability\] .* fragile/);
    expect(out).toContain('A teaching model, not a forecast.');
  });

  it('prints the table in Arabic on request', () => {
    const { out } = sim('belarus-prisoners', '--lang', 'ar');
    expect(out).toContain('السجناء');
  });

  it('prints JSON with the scenario, every lever, final outcomes and the series', () => {
    const { code, out } = sim('belarus-prisoners', '--set', 'usRelief=4', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['scenario', 'levers', 'outcomes', 'series']);
    expect(json.scenario).toEqual({ id: 'belarus-prisoners', version: '1.0.0' });
    expect(Object.keys(json.levers)).toHaveLength(9);
    expect(json.levers.usRelief).toBe(4);
    expect(json.outcomes.releasedByDeals).toBeCloseTo(58, 6);
    expect(json.series.t).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(json.series.prisonersHeld).toHaveLength(25);
  });

  it('prints the series as CSV with a date column', () => {
    const { out } = sim('belarus-prisoners', '--format', 'csv', '--horizon', '36');
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^t,date,held,/);
    expect(lines).toHaveLength(38);
    expect(lines[1]).toMatch(/^0,2025-08,1180,/);
    expect(lines[37]).toMatch(/^36,2028-08,/);
  });

  it('takes the scenario and levers from a share link', () => {
    const link = 'https://example.org/?scenario=belarus-prisoners&v=1&usRelief=16&exileShare=5&lang=ar';
    const fromLink = JSON.parse(sim('--url', link, '--format', 'json').out);
    const fromSet = JSON.parse(
      sim('belarus-prisoners', '--set', 'usRelief=16', '--set', 'exileShare=5', '--format', 'json').out,
    );
    expect(fromLink).toEqual(fromSet);
    expect(JSON.parse(sim('belarus-prisoners', '--url', '?usRelief=16&exileShare=5', '--format', 'json').out)).toEqual(
      fromSet,
    );
  });

  it('starts from a preset', () => {
    const json = JSON.parse(sim('belarus-prisoners', '--preset', 'september2025Closure', '--format', 'json').out);
    expect(json.levers.polandClosureWeeks).toBe(2);
    expect(json.outcomes.releasedUnderPressure).toBe(0);
  });

  it.each([
    [['nowhere'], /unknown scenario "nowhere"\. Valid scenarios: belarus-prisoners/],
    [
      ['belarus-prisoners', '--set', 'bogus=1'],
      /unknown lever "bogus"\. Valid levers: polandClosureWeeks \(0\.\.52\), /,
    ],
    [
      ['belarus-prisoners', '--set', 'usRelief=lots'],
      /"lots" is not a number for usRelief; give a number from 0 to 20/,
    ],
    [['belarus-prisoners', '--set', 'usRelief=25'], /usRelief=25 is out of range; usRelief takes 0 to 20/],
    [['belarus-prisoners', '--set', 'usRelief'], /--set takes lever=value/],
    [['belarus-prisoners', '--horizon', '0'], /--horizon takes a whole number of months from 1 to 240/],
    [['belarus-prisoners', '--format', 'xml'], /Valid formats: table, json, csv/],
    [['belarus-prisoners', '--preset', 'x'], /Valid presets: statusQuo, /],
    [['--url', '?scenario=belarus-prisoners&usRelief=99'], /usRelief=99 is out of range/],
    [[], /name a scenario\. Valid scenarios: belarus-prisoners/],
  ])('refuses %j with a message that names what is valid', (args, message) => {
    const { code, out, err } = sim(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('works as an npm script and exits non-zero on a wrong lever', () => {
    const out = execFileSync(
      'npm',
      ['run', '--silent', 'sim', '--', 'belarus-prisoners', '--set', 'usRelief=1', '--format', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).outcomes.releasedByDeals).toBeCloseTo(14.5, 6);
    const bad = spawnSync('npm', ['run', '--silent', 'sim', '--', 'belarus-prisoners', '--set', 'nope=1'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown lever "nope"');
  });
});
