/**
 * The command line reads settings as the app does. Levers, presets and numbers are read from the
 * scenario at test time, so these tests hold while the scenario changes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim.ts';
import { countOf, word, type Word } from '../../src/cli/words.ts';
import type { Lever } from '../../src/model/schema.ts';
import { decodeUrl, snapToStep, URL_VERSION } from '../../src/state/url.ts';
import { founding, foundingData, toYaml } from '../helpers.ts';

const ID = 'belarus-prisoners';
const sim = (...args: string[]) => main(args);
const json = (...args: string[]) => JSON.parse(sim(...args, '--format', 'json').out);
const scenario = founding().scenario;

/** A lever with room for a value between two steps. */
const lever: Lever = scenario.levers.find((l) => l.step <= 1 && l.max - l.min >= 2 * l.step)!;
/** 1.3 steps above the minimum: off the grid, inside the range. */
const offGrid = String(lever.min + 1.3 * lever.step);

function draft(data: unknown, name = 'draft.yaml'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'draft-')), name);
  writeFileSync(file, toYaml(data));
  return file;
}

describe('sim rounds lever values to their step, as the app does', () => {
  it('rounds --set to the value a share link would hold, and says so on stderr', () => {
    const { code, out, err } = sim(ID, '--set', `${lever.id}=${offGrid}`, '--format', 'json');
    const app = decodeUrl(`?scenario=${ID}&${lever.id}=${offGrid}`, [scenario], ID);
    const used = app.levers[lever.id] ?? lever.default;
    expect(code).toBe(0);
    expect(used).not.toBe(Number(offGrid));
    expect(JSON.parse(out).levers[lever.id]).toBe(used);
    expect(err).toBe(`note: ${lever.id}=${offGrid} rounded to ${used} (step ${lever.step}), as a share link would`);
  });

  it('says nothing about a value already on the grid', () => {
    const { code, err } = sim(ID, '--set', `${lever.id}=${lever.min + lever.step}`);
    expect(code).toBe(0);
    expect(err).toBe('');
  });

  it('rounds lever values from --url the same way', () => {
    const { code, out, err } = sim('--url', `?scenario=${ID}&${lever.id}=${offGrid}`, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).levers[lever.id]).toBe(snapToStep(lever, Number(offGrid)));
    expect(err).toContain(`note: ${lever.id}=${offGrid} rounded to`);
  });

  it('rounds the values of a preset the same way', () => {
    const data = foundingData() as { presets: { id: string; values: Record<string, number> }[] };
    data.presets[0]!.values[lever.id] = Number(offGrid);
    const file = draft(data);
    const { code, out, err } = sim(file, '--preset', data.presets[0]!.id, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).levers[lever.id]).toBe(snapToStep(lever, Number(offGrid)));
    expect(err).toMatch(new RegExp(`^note: ${lever.id}=${offGrid} \\(preset ${data.presets[0]!.id}\\) rounded to`));
  });
});

describe('sim reads a share link as the app does', () => {
  const link = (extra: string) => `?scenario=${ID}&${lever.id}=${lever.min + lever.step}${extra}`;

  it('warns about a link from a newer link format, and still runs it', () => {
    const newer = sim('--url', link(`&v=${URL_VERSION + 1}`), '--format', 'json');
    expect(newer.code).toBe(0);
    expect(newer.err).toMatch(/^warning: the link was made by a newer version/);
    expect(newer.out).toBe(sim('--url', link(''), '--format', 'json').out);
    expect(sim('--url', link(`&v=${URL_VERSION}`)).err).toBe('');
  });

  it("prints the table in the link's language unless --lang says otherwise", () => {
    const arabic = sim('--url', link('&lang=ar'));
    expect(arabic.out).toContain(scenario.title.ar);
    expect(arabic.out).toContain(word('ar', 'lever'));
    const english = sim('--url', link('&lang=ar'), '--lang', 'en');
    expect(english.out).toContain(scenario.title.en);
    expect(english.out).not.toContain(scenario.title.ar);
  });

  it("ignores the app's view-state keys, and reads its Monte Carlo seed and draws", () => {
    const banded = JSON.parse(sim('--url', link('&seed=7&draws=40'), '--format', 'json').out);
    expect(banded.monteCarlo).toMatchObject({ seed: 7, draws: 40 });
    const viewState = '&view=chart&step=3&baseline=statusQuo';
    const { code, out, err } = sim('--url', link(viewState), '--format', 'json');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(sim('--url', link(''), '--format', 'json').out);
  });

  it('still refuses a key that is neither a lever nor view state', () => {
    const { code, err } = sim('--url', link('&noSuchLever=1'));
    expect(code).toBe(2);
    expect(err).toMatch(/^error: unknown lever "noSuchLever"/);
  });

  it("reads a preset id as a lever's value: that preset's value of the lever, with a note", () => {
    const preset = scenario.presets.find((p) => Object.keys(p.values).length > 0)!;
    const [id, value] = Object.entries(preset.values)[0]!;
    const target = scenario.levers.find((l) => l.id === id)!;
    const { code, out, err } = sim('--url', `?scenario=${ID}&${id}=${preset.id}`, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).levers[id]).toBe(snapToStep(target, value));
    expect(err).toContain(`note: ${id}=${preset.id} uses that preset's value, ${value}`);
  });

  it('refuses a value that is neither a number nor a preset id, naming both', () => {
    const { code, err } = sim('--url', `?scenario=${ID}&${lever.id}=noSuchPreset`);
    expect(code).toBe(2);
    expect(err).toContain(`"noSuchPreset" is not a number for ${lever.id}`);
    expect(err).toContain(`or a preset: ${scenario.presets.map((p) => p.id).join(', ')}`);
  });
});

describe('sim runs a scenario file given by its path', () => {
  it('runs a draft outside scenarios/', () => {
    const file = draft(foundingData(), 'my-draft.yml');
    const { code, out } = sim(file, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).scenario.id).toBe(scenario.id);
  });

  it('exits 1 listing the problems of an invalid draft', () => {
    const data = foundingData() as { levers: { default: number; max: number }[] };
    data.levers[0]!.default = data.levers[0]!.max + 1;
    const { code, out, err } = sim(draft(data));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/draft\.yaml:\d+:\d+ {2}levers\[0\]\.default: default \S+ is outside/);
  });

  it('says in one line that a missing file or a folder is not a scenario file', () => {
    expect(sim('path/that/does/not/exist.yaml')).toEqual({
      code: 2,
      out: '',
      err: 'error: no such file: path/that/does/not/exist.yaml',
    });
    const folder = mkdtempSync(join(tmpdir(), 'folder-'));
    expect(sim(`${folder}/`).err).toBe(`error: ${folder}/ is a folder; give scenario files (.yaml, .yml or .json)`);
  });

  it('prints no stack trace for a missing file when run as an npm script', () => {
    const run = spawnSync('npm', ['run', '--silent', 'sim', '--', 'path/that/does/not/exist.yaml'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: no such file: path/that/does/not/exist.yaml\n');
  });
});

describe('sim --format csv', () => {
  const csv = (...args: string[]) => sim(ID, '--format', 'csv', ...args).out.split('\n');

  it('rounds outcomes to their display decimals and everything else to 6 significant digits', () => {
    const [header, ...rows] = csv();
    const ids = header!.split(',');
    const decimals = new Map(scenario.outcomes.map((o) => [o.id, o.format.decimals]));
    for (const row of rows) {
      row.split(',').forEach((cell, c) => {
        if (ids[c] === 'date') return;
        expect(cell).toMatch(/^-?\d+(\.\d*[1-9])?(e-\d+)?$/); // no trailing zeros, no 1.2000000000000002
        const [whole, fraction = ''] = cell.replace(/e.*/, '').replace('-', '').split('.');
        const d = decimals.get(ids[c]!);
        if (d !== undefined) expect(fraction.length).toBeLessThanOrEqual(d);
        else expect(`${whole}${fraction}`.replace(/^0+/, '').replace(/0+$/, '').length).toBeLessThanOrEqual(6);
      });
    }
  });

  it('keeps the values of the JSON series within their rounding', () => {
    const series = json(ID).series as Record<string, number[]>;
    const [header, ...rows] = csv();
    const ids = header!.split(',');
    rows.forEach((row, i) => {
      row.split(',').forEach((cell, c) => {
        const exact = series[ids[c]!]?.[i];
        if (exact !== undefined)
          expect(Math.abs(Number(cell) - exact)).toBeLessThanOrEqual(Math.abs(exact) * 1e-5 + 0.5);
      });
    });
  });

  it('puts units in the header with --units, in the language asked for', () => {
    const stock = scenario.stocks[0]!;
    expect(csv()[0]).toContain(`,${stock.id},`);
    expect(csv('--units')[0]).toContain(`,${stock.id} (${stock.unit.en}),`);
    expect(csv('--units', '--lang', 'ar')[0]).toContain(`,${stock.id} (${stock.unit.ar}),`);
  });

  it('says in the help text what a row is', () => {
    expect(sim('--help').out.replace(/\s+/g, ' ')).toContain('a CSV row is the state at the start of the named month');
  });
});

describe('sim --lang ar', () => {
  it("translates the table's own words, not only the scenario's labels", () => {
    const { out } = sim(ID, '--lang', 'ar');
    const words: Word[] = ['lever', 'value', 'unit', 'default', 'vsDefault', 'verdict', 'differs'];
    for (const w of words) expect(out).toContain(word('ar', w));
    expect(out).toContain(word('ar', 'outcomeAt', { date: '' }).trim());
    const withoutIds = out.replace(/\[\w+\]/g, '');
    expect(withoutIds).not.toMatch(/Lever|Value|Unit|Default|Outcome at|vs default|Verdict|differs from|months/);
  });

  it('counts months and weeks with the Arabic noun form each number takes', () => {
    expect([1, 2, 3, 10, 11, 24, 100, 240].map((n) => countOf('ar', n, 'month'))).toEqual([
      'شهر واحد',
      'شهران',
      '3 أشهر',
      '10 أشهر',
      '11 شهرًا',
      '24 شهرًا',
      '100 شهر',
      '240 شهرًا',
    ]);
    expect(countOf('ar', 2, 'week')).toBe('أسبوعان');
    expect(countOf('en', 1, 'week')).toBe('1 week');
    expect(countOf('en', 36, 'month')).toBe('36 months');
  });
});
