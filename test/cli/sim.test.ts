import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim.ts';
import { simulate } from '../../src/model/simulate.ts';
import { founding } from '../helpers.ts';

const sim = (...args: string[]) => main(args);
const model = founding();

describe('the sim command', () => {
  it('prints a readable table of levers and outcomes', () => {
    const { code, out } = sim('belarus-prisoners', '--set', 'usRelief=8', '--set', 'polandClosureDays=14');
    expect(code).toBe(0);
    const freed = Math.round(simulate(model, { usRelief: 8, polandClosureDays: 14 }).outcomes.releasedByDeals!);
    expect(freed).toBeGreaterThan(100);
    expect(out).toContain('Belarus: political prisoners as bargaining chips');
    expect(out).toMatch(/\* US sanctions relief on offer \[usRelief\] +8/);
    expect(out).toMatch(new RegExp(`Freed in US deals \\[releasedByDeals\\] +${freed} +people +\\+${freed}`));
    expect(out).toMatch(/Economic stress on Belarus \[belarusStress\] \(peak, 2025-08\)/);
    expect(out).toMatch(/US–Belarus rapprochement \[rapprochementStability\] .* (fragile|conditional)/);
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
    expect(Object.keys(json)).toEqual(['scenario', 'levers', 'assumed', 'outcomes', 'series']);
    expect(json.scenario).toEqual({ id: 'belarus-prisoners', version: model.scenario.version });
    expect(Object.keys(json.levers)).toHaveLength(9);
    expect(json.levers.usRelief).toBe(4);
    expect(json.assumed).toEqual({});
    expect(json.outcomes.releasedByDeals).toBeCloseTo(simulate(model, { usRelief: 4 }).outcomes.releasedByDeals!, 9);
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

  it('starts from a preset, its dated schedule included', () => {
    const json = JSON.parse(sim('belarus-prisoners', '--preset', 'september2025Closure', '--format', 'json').out);
    expect(json.schedule.polandClosureDays).toEqual({
      preset: 'september2025Closure',
      entries: [{ from: '2025-09-12', value: 13 }],
    });
    expect(json.outcomes.closureLength).toBeCloseTo(13, 6);
    expect(json.series.closedShare.slice(0, 3).map((x: number) => x > 0)).toEqual([false, true, false]);
    expect(json.outcomes.releasedUnderPressure).toBe(0);
  });

  it('replays what happened, as the app does', () => {
    const json = JSON.parse(sim('belarus-prisoners', '--preset', 'asItHappened', '--format', 'json').out);
    expect(Object.keys(json.schedule).sort()).toEqual(['exileShare', 'polandClosureDays', 'usRelief']);
    // The rows are the state at the start of each month: row 5 is 1 January 2026.
    expect(Math.abs(json.series.prisonersHeld[5] - 1135) / 1135).toBeLessThan(0.05);
    const link = JSON.parse(
      sim(
        '--url',
        '?scenario=belarus-prisoners&usRelief=asItHappened&polandClosureDays=asItHappened&exileShare=asItHappened&polandLinksPrisoners=0',
        '--format',
        'json',
      ).out,
    );
    expect(link.series.prisonersHeld).toEqual(json.series.prisonersHeld);
  });

  it('sets a constant within its range with --assume, and refuses one outside it, naming the range', () => {
    const json = JSON.parse(sim('belarus-prisoners', '--assume', 'sentenceMonths=36', '--format', 'json').out);
    expect(json.assumed).toEqual({ sentenceMonths: 36 });
    expect(json.outcomes.prisonersHeld).toBeCloseTo(
      simulate(model, {}, { constants: { sentenceMonths: 36 } }).outcomes.prisonersHeld!,
      9,
    );
    expect(sim('belarus-prisoners', '--assume', 'sentenceMonths=36').out).toMatch(
      /Assumed \(not the sourced values\): sentenceMonths = 36 \(sourced 47\)/,
    );
    const bad = sim('belarus-prisoners', '--assume', 'sentenceMonths=12');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'error: sentenceMonths=12 is outside its plausible range; sentenceMonths takes 32 to 50 (months), sourced value 47',
    );
    expect(sim('belarus-prisoners', '--assume', 'luck=1').err).toMatch(
      /unknown constant "luck"\. Constants with a range: /,
    );
  });

  it('adds the p10, p50 and p90 of every outcome with --draws and --seed, the same for the same seed', () => {
    const run = (...extra: string[]) =>
      JSON.parse(sim('belarus-prisoners', '--set', 'usRelief=8', '--format', 'json', ...extra).out);
    const a = run('--draws', '50', '--seed', '3');
    expect(a.monteCarlo).toMatchObject({ draws: 50, seed: 3 });
    expect(Object.keys(a.bands)).toEqual(Object.keys(a.outcomes));
    for (const [id, band] of Object.entries(a.bands as Record<string, { p10: number; p50: number; p90: number }>)) {
      expect(band.p10, id).toBeLessThanOrEqual(band.p50);
      expect(band.p50, id).toBeLessThanOrEqual(band.p90);
    }
    expect(run('--draws', '50', '--seed', '3').bands).toEqual(a.bands);
    expect(run('--draws', '50', '--seed', '4').bands).not.toEqual(a.bands);
    // The seed alone asks for the default 200 draws.
    expect(run('--seed', '3').monteCarlo.draws).toBe(200);
    expect(sim('belarus-prisoners', '--seed', '3').out).toMatch(/p10 – p90/);
  });

  it('reads assumptions and the seed from a share link, as --assume and --seed do', () => {
    const fromLink = JSON.parse(
      sim('--url', '?scenario=belarus-prisoners&usRelief=8&sentenceMonths=40&seed=9', '--format', 'json').out,
    );
    const fromFlags = JSON.parse(
      sim(
        'belarus-prisoners',
        '--set',
        'usRelief=8',
        '--assume',
        'sentenceMonths=40',
        '--seed',
        '9',
        '--format',
        'json',
      ).out,
    );
    expect(fromLink).toEqual(fromFlags);
    expect(fromLink.monteCarlo.seed).toBe(9);
  });

  it('reads an older link as the app does: migrated, and says what changed', () => {
    const old = sim('--url', '?scenario=belarus-prisoners&v=1&polandClosureWeeks=2', '--format', 'json');
    expect(old.err).toBe(
      'note: the link was made in link format 1 and was updated: polandClosureWeeks=2 → polandClosureDays=14',
    );
    expect(JSON.parse(old.out).levers.polandClosureDays).toBe(14);
  });

  it('prints the lever-effects table with --effects', () => {
    const { code, out } = sim('belarus-prisoners', '--effects');
    expect(code).toBe(0);
    for (const base of model.scenario.effects!.bases) expect(out).toContain(`### ${base.label.en}`);
    for (const lever of model.scenario.levers) expect(out).toContain(`\`${lever.id}\` ${lever.min} → ${lever.max}`);
    const json = JSON.parse(sim('belarus-prisoners', '--effects', '--format', 'json').out);
    expect(json.bases).toHaveLength(model.scenario.effects!.bases.length);
    expect(sim('belarus-prisoners', '--effects', '--lang', 'ar').out).toContain('أداة الضغط');
  });

  it.each([
    [['nowhere'], /unknown scenario "nowhere"\. Valid scenarios: belarus-prisoners/],
    [
      ['belarus-prisoners', '--set', 'bogus=1'],
      /unknown lever "bogus"\. Valid levers: polandClosureDays \(0\.\.365\), /,
    ],
    [
      ['belarus-prisoners', '--set', 'usRelief=lots'],
      /"lots" is not a number for usRelief; give a number from 0 to 30/,
    ],
    [['belarus-prisoners', '--set', 'usRelief=35'], /usRelief=35 is out of range; usRelief takes 0 to 30/],
    [['belarus-prisoners', '--draws', '0'], /--draws takes a whole number from 1 to 100000/],
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
    expect(JSON.parse(out).outcomes.releasedByDeals).toBeCloseTo(
      simulate(model, { usRelief: 1 }).outcomes.releasedByDeals!,
      9,
    );
    const bad = spawnSync('npm', ['run', '--silent', 'sim', '--', 'belarus-prisoners', '--set', 'nope=1'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown lever "nope"');
  });
});
