import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../src/model/analysis.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { simulate } from '../../src/model/simulate.ts';
import { BOM, csvField, exportName, plainNumber, seriesCsv, settingsJson } from '../../src/state/exportData.ts';
import { createAppStore } from '../../src/state/store.ts';
import { URL_VERSION } from '../../src/state/url.ts';
import { founding } from '../helpers.ts';

const model = founding();
const { scenario } = model;
const ids = ['releasedTotal', 'exiledTotal', 'arrestsTotal'];

/** A CSV parser as RFC 4180 reads one: records end with CRLF, a quoted field may hold anything. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: up to the lone quote that closes it.
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('an unclosed quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error('text after a quote');
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '"' || c === '\r' || c === '\n') throw new Error(`a bare ${JSON.stringify(c)} in an unquoted field`);
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

const withoutBom = (text: string) => {
  expect(text.startsWith(BOM)).toBe(true);
  return text.slice(BOM.length);
};

/** Any text, often made of the characters that CSV must quote. */
const fieldText = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', ' ', 'a', 'ب', '1') }),
  fc.string({ unit: 'binary' }),
);

describe('the CSV of a chart’s series', () => {
  it('has a month column and one "label (unit)" column per series, with the simulation’s numbers', () => {
    const result = simulate(model, { usRelief: 8 });
    const rows = parseCsv(withoutBom(seriesCsv(scenario, result, ids, 'en')));
    expect(rows[0]).toEqual([
      'month',
      'Freed early (people)',
      'Forced into exile (people)',
      'Newly imprisoned (people)',
    ]);
    expect(rows).toHaveLength(result.t.length + 1);
    rows.slice(1).forEach((row, i) => {
      expect(row).toHaveLength(4);
      ids.forEach((id, k) => {
        const value = result.series[id]![i]!;
        // Rounded to 6 significant digits: within half a unit of the sixth.
        expect(Math.abs(Number(row[k + 1]) - value)).toBeLessThanOrEqual(5e-6 * Math.abs(value));
      });
    });
  });

  it('runs its months from the scenario’s start, 2025-08, one a row, two years on', () => {
    const rows = parseCsv(withoutBom(seriesCsv(scenario, simulate(model, {}), ['prisonersHeld'], 'en')));
    const months = rows.slice(1).map((r) => r[0]);
    expect(months).toHaveLength(25);
    expect(months.slice(0, 6)).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(months.at(-1)).toBe('2027-08');
  });

  it('starts with a BOM, ends every line with CRLF, and writes numbers as plain decimals of 6 significant digits', () => {
    const text = seriesCsv(scenario, simulate(model, {}), ['prisonersHeld', 'belarusStress'], 'en');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const [, ...numbers] of parseCsv(withoutBom(text)).slice(1)) {
      for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d+)?$/);
    }
    expect([0, -0, 1234567.89, 0.000123456789, -2.5e-9, 1.5e22, NaN, Infinity].map(plainNumber)).toEqual([
      '0',
      '0',
      '1234570',
      '0.000123457',
      '-0.0000000025',
      '15000000000000000000000',
      '',
      '',
    ]);
  });

  it('quotes a label with a comma or a quote, and doubles the quote', () => {
    const odd: Scenario = {
      ...scenario,
      outcomes: scenario.outcomes.map((o) =>
        o.id === 'prisonersHeld' ? { ...o, label: { en: 'Held, "politically"', ar: o.label.ar } } : o,
      ),
    };
    const text = withoutBom(seriesCsv(odd, simulate(model, {}), ['prisonersHeld'], 'en'));
    expect(text.split('\r\n')[0]).toBe('month,"Held, ""politically"" (people)"');
    expect(parseCsv(text)[0]).toEqual(['month', 'Held, "politically" (people)']);
  });

  it('writes its header in Arabic for an Arabic reader, with the same digits and decimal point', () => {
    const result = simulate(model, {});
    const en = parseCsv(withoutBom(seriesCsv(scenario, result, ['prisonersHeld', 'belarusStress'], 'en')));
    const ar = parseCsv(withoutBom(seriesCsv(scenario, result, ['prisonersHeld', 'belarusStress'], 'ar')));
    const held = scenario.outcomes.find((o) => o.id === 'prisonersHeld')!;
    expect(ar[0]![0]).toBe('الشهر');
    expect(ar[0]![1]).toBe(`${held.label.ar} (${held.unit.ar})`);
    expect(ar[0]!.join('')).toMatch(/[\u0600-\u06FF]/);
    expect(ar.slice(1)).toEqual(en.slice(1));
  });

  it('adds the likely low and high of each series only when bands are given', () => {
    const result = simulate(model, {});
    const bands = monteCarlo(model, {}, { draws: 20, series: ids });
    const plain = parseCsv(withoutBom(seriesCsv(scenario, result, ids, 'en')));
    expect(plain[0]!.some((h) => /percentile/.test(h))).toBe(false);
    const banded = parseCsv(withoutBom(seriesCsv(scenario, result, ids, 'en', bands)));
    expect(banded[0]!.slice(0, 4)).toEqual([
      'month',
      'Freed early (people)',
      'Freed early, likely low (10th percentile)',
      'Freed early, likely high (90th percentile)',
    ]);
    expect(banded[0]).toHaveLength(1 + 3 * ids.length);
    banded.slice(1).forEach((row, i) => {
      expect(row[2]).toBe(plainNumber(bands.series.releasedTotal!.p10[i]!));
      expect(row[3]).toBe(plainNumber(bands.series.releasedTotal!.p90[i]!));
      expect(Number(row[2])).toBeLessThanOrEqual(Number(row[3]));
    });
    const arabic = parseCsv(withoutBom(seriesCsv(scenario, result, ids, 'ar', bands)));
    expect(arabic[0]![2]).toMatch(/المئين العاشر/);
  });

  it('round-trips any field text through its quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldText, { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const text = rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fieldText, (s) => {
        const quoted = csvField(s);
        expect(quoted === s).toBe(!/[",\r\n]/.test(s));
      }),
    );
  });
});

describe('the settings as JSON', () => {
  it('lists every lever with its value in use and unit, the reader’s assumptions, seed, draws and language', () => {
    const store = createAppStore([scenario], '?scenario=belarus-prisoners&usRelief=8&seed=7&lang=ar');
    const constant = scenario.constants.find((c) => c.high > c.low)!;
    store.getState().setConstant(constant.id, constant.high);
    const state = store.getState();
    const json = settingsJson(state, scenario, 'https://example.org/?usRelief=8');
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      app: 'Leverage Lab',
      scenario: 'belarus-prisoners',
      scenarioVersion: scenario.version,
      linkFormat: URL_VERSION,
      link: 'https://example.org/?usRelief=8',
      follows: {},
      seed: 7,
      draws: state.draws,
      language: 'ar',
    });
    expect(parsed).not.toHaveProperty('exportedAt');
    const levers = parsed.levers as Record<string, { value: number; unit: string }>;
    expect(Object.keys(levers)).toEqual(scenario.levers.map((l) => l.id));
    for (const l of scenario.levers) {
      expect(levers[l.id]).toEqual({ value: l.id === 'usRelief' ? 8 : l.default, unit: l.unit.ar });
    }
    expect(parsed.assumptions).toEqual({
      [constant.id]: { value: state.constants[constant.id], unit: constant.unit.ar, sourced: constant.value },
    });
    expect(json).toContain('\n  "levers": {');
    expect(settingsJson(state, scenario, 'x')).toBe(settingsJson(store.getState(), scenario, 'x'));
  });

  it('names the levers that follow a preset’s dated events, with the events', () => {
    const store = createAppStore([scenario]);
    store.getState().applyPreset('asItHappened');
    const parsed = JSON.parse(settingsJson(store.getState(), scenario, '')) as {
      follows: Record<string, { preset: string; events: { from: string; value: number }[] }>;
    };
    const preset = scenario.presets.find((p) => p.id === 'asItHappened')!;
    expect(Object.keys(parsed.follows).sort()).toEqual(Object.keys(preset.schedule!).sort());
    for (const [lever, events] of Object.entries(preset.schedule!)) {
      expect(parsed.follows[lever]).toEqual({ preset: 'asItHappened', events });
    }
  });
});

describe('the names of the files', () => {
  it('are the scenario and what is in them, lower-case and safe', () => {
    expect(exportName('belarus-prisoners', 'held', 'csv')).toBe('belarus-prisoners-held.csv');
    expect(exportName('belarus-prisoners', 'prisonersHeld', 'PNG')).toBe('belarus-prisoners-prisoners-held.png');
    expect(exportName('a/../b', ' x:y«z» ', 'svg')).toBe('a-b-x-y-z.svg');
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, ext) => {
        expect(exportName(a, b, ext)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+$/);
      }),
    );
  });
});
