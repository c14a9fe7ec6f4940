import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl, snapToStep, URL_VERSION } from '../../src/state/url.ts';
import { founding } from '../helpers.ts';

const scenario = founding().scenario;
const scenarios = [scenario];
const decode = (search: string) => decodeUrl(search, scenarios, 'belarus-prisoners');

/** Lever settings a person can make: each lever somewhere on its grid of steps. */
const settings = fc.record(
  Object.fromEntries(
    scenario.levers.map((l) => [
      l.id,
      fc.integer({ min: 0, max: Math.round((l.max - l.min) / l.step) }).map((k) => snapToStep(l, l.min + k * l.step)),
    ]),
  ),
) as fc.Arbitrary<Record<string, number>>;

describe('share links', () => {
  it('leave out levers at their defaults and carry the format version', () => {
    expect(encodeUrl({ scenarioId: scenario.id, levers: {}, lang: 'en' }, scenario)).toBe(
      `?scenario=belarus-prisoners&v=${URL_VERSION}`,
    );
    expect(
      encodeUrl(
        { scenarioId: scenario.id, levers: { usRelief: 8, arrestRate: 42, polandClosureWeeks: 2 }, lang: 'ar' },
        scenario,
      ),
    ).toBe('?scenario=belarus-prisoners&v=1&polandClosureWeeks=2&usRelief=8&lang=ar');
  });

  it("round numbers to the lever's step", () => {
    expect(
      encodeUrl(
        { scenarioId: scenario.id, levers: { polandClosureWeeks: 2.26, russiaSupport: 73.2 }, lang: 'en' },
        scenario,
      ),
    ).toBe('?scenario=belarus-prisoners&v=1&polandClosureWeeks=2.5&russiaSupport=75');
  });

  it('come back as the same view', () => {
    fc.assert(
      fc.property(settings, fc.constantFrom('en' as const, 'ar' as const), (levers, lang) => {
        const nonDefault = Object.fromEntries(
          Object.entries(levers).filter(([id, v]) => scenario.levers.find((l) => l.id === id)!.default !== v),
        );
        const decoded = decode(encodeUrl({ scenarioId: scenario.id, levers, lang }, scenario));
        expect(decoded).toEqual({ scenarioId: scenario.id, levers: nonDefault, lang, notices: [] });
      }),
    );
  });

  it('open with defaults and a notice for everything they could not use', () => {
    const d = decode(
      '?scenario=belarus-prisoners&usRelief=99&polandClosureWeeks=abc&bogus=1&exileShare=52&lang=fr&v=7',
    );
    expect(d.levers).toEqual({ usRelief: 20, exileShare: 50 });
    expect(d.lang).toBe('en');
    expect(d.notices).toEqual([
      { kind: 'newer-version', given: '7' },
      { kind: 'unknown-language', given: 'fr' },
      { kind: 'clamped', lever: 'usRelief', given: 99, used: 20 },
      { kind: 'not-a-number', lever: 'polandClosureWeeks', given: 'abc' },
      { kind: 'unknown-key', key: 'bogus' },
      { kind: 'rounded', lever: 'exileShare', given: 52, used: 50 },
    ]);
  });

  it('open the founding scenario when the scenario is unknown, and say so', () => {
    const d = decode('?scenario=nowhere&usRelief=4');
    expect(d.scenarioId).toBe('belarus-prisoners');
    expect(d.levers).toEqual({ usRelief: 4 });
    expect(d.notices).toEqual([{ kind: 'unknown-scenario', given: 'nowhere', used: 'belarus-prisoners' }]);
  });

  it('never throw, and every value they yield is a valid setting', () => {
    const keys = fc.constantFrom(...scenario.levers.map((l) => l.id), 'scenario', 'v', 'lang', 'x', '');
    const values = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom('NaN', 'Infinity', '-0', '1e400', ' 3 '),
    );
    const query = fc
      .array(fc.tuple(keys, values), { maxLength: 12 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (search) => {
        const d = decode(search);
        expect(d.scenarioId).toBe('belarus-prisoners');
        expect(['en', 'ar']).toContain(d.lang);
        for (const [id, v] of Object.entries(d.levers)) {
          const lever = scenario.levers.find((l) => l.id === id)!;
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(lever.min);
          expect(v).toBeLessThanOrEqual(lever.max);
          expect(v).toBe(snapToStep(lever, v));
          expect(v).not.toBe(lever.default);
        }
      }),
      { numRuns: 500 },
    );
  });
});
