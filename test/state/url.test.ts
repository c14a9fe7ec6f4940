import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantGrid } from '../../src/model/inputs.ts';
import { decodeUrl, encodeUrl, snapToStep, URL_VERSION, type ViewState } from '../../src/state/url.ts';
import { founding } from '../helpers.ts';

const scenario = founding().scenario;
const scenarios = [scenario];
const decode = (search: string) => decodeUrl(search, scenarios, 'belarus-prisoners');
const view = (over: Partial<ViewState> = {}): ViewState => ({
  scenarioId: scenario.id,
  levers: {},
  follows: {},
  constants: {},
  seed: 1,
  draws: 200,
  axes: 'fixed',
  step: 0,
  view: 'page',
  embed: false,
  locked: [],
  hidden: [],
  lang: 'en',
  ...over,
});

/** Lever settings a person can make: each lever somewhere on its grid of steps. */
const settings = fc.record(
  Object.fromEntries(
    scenario.levers.map((l) => [
      l.id,
      fc.integer({ min: 0, max: Math.round((l.max - l.min) / l.step) }).map((k) => snapToStep(l, l.min + k * l.step)),
    ]),
  ),
) as fc.Arbitrary<Record<string, number>>;

/** Assumptions a reader can make: a few constants somewhere on their grid. */
const ranged = scenario.constants.filter((c) => c.high > c.low);
const assumptions = fc
  .subarray(ranged, { maxLength: 4 })
  .chain((cs) =>
    fc.tuple(
      ...cs.map((c) => {
        const g = constantGrid(c);
        return fc
          .integer({ min: 0, max: Math.round((g.max - g.min) / g.step) })
          .map((k) => [c.id, snapToStep(g, g.min + k * g.step)] as const);
      }),
    ),
  )
  .map((pairs) => Object.fromEntries(pairs.filter(([id, v]) => v !== ranged.find((c) => c.id === id)!.value)));

describe('share links', () => {
  it('leave out what is at its default and carry the format version', () => {
    expect(encodeUrl(view(), scenario)).toBe(`?scenario=belarus-prisoners&v=${URL_VERSION}`);
    expect(
      encodeUrl(view({ levers: { usRelief: 8, arrestRate: 28, polandClosureDays: 14 }, lang: 'ar' }), scenario),
    ).toBe('?scenario=belarus-prisoners&v=2&polandClosureDays=14&usRelief=8&lang=ar');
  });

  it("round numbers to the lever's step and a constant's grid", () => {
    expect(
      encodeUrl(
        view({ levers: { polandClosureDays: 2.26, russiaSupport: 73.2 }, constants: { sentenceMonths: 40.3 } }),
        scenario,
      ),
    ).toBe('?scenario=belarus-prisoners&v=2&polandClosureDays=2.5&russiaSupport=75&sentenceMonths=40');
  });

  it("write a lever that follows a preset's dated events as that preset's id, and the seed and draws", () => {
    const link = encodeUrl(
      view({ follows: { usRelief: 'asItHappened' }, levers: { usRelief: 4 }, seed: 7, draws: 500 }),
      scenario,
    );
    expect(link).toBe('?scenario=belarus-prisoners&v=2&usRelief=asItHappened&seed=7&draws=500');
    expect(decode(link)).toMatchObject({ follows: { usRelief: 'asItHappened' }, levers: {}, seed: 7, draws: 500 });
  });

  it('come back as the same view, assumptions and seed included', () => {
    fc.assert(
      fc.property(
        settings,
        assumptions,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('en' as const, 'ar' as const),
        (levers, constants, seed, lang) => {
          const nonDefault = Object.fromEntries(
            Object.entries(levers).filter(([id, v]) => scenario.levers.find((l) => l.id === id)!.default !== v),
          );
          const decoded = decode(encodeUrl(view({ levers, constants, seed, lang }), scenario));
          expect(decoded).toEqual({ ...view({ levers: nonDefault, constants, seed, lang }), notices: [] });
        },
      ),
    );
  });

  it('keep the charts’ axes fitted when the sender fitted them, and say so when the setting is unknown', () => {
    const fitted = encodeUrl(view({ axes: 'fit' }), scenario);
    expect(fitted).toContain('axes=fit');
    expect(decode(fitted).axes).toBe('fit');
    expect(encodeUrl(view(), scenario)).not.toContain('axes');
    const odd = decode('?scenario=belarus-prisoners&axes=wobbly');
    expect(odd.axes).toBe('fixed');
    expect(odd.notices).toEqual([{ kind: 'unknown-axes', given: 'wobbly' }]);
  });

  it('open with defaults and a notice for everything they could not use', () => {
    const d = decode(
      '?scenario=belarus-prisoners&usRelief=99&polandClosureDays=abc&bogus=1&exileShare=52.4&sentenceMonths=80&lang=fr&v=7',
    );
    expect(d.levers).toEqual({ usRelief: 30, exileShare: 52 });
    expect(d.constants).toEqual({ sentenceMonths: 50 });
    expect(d.lang).toBe('en');
    expect(d.notices).toEqual([
      { kind: 'newer-version', given: '7' },
      { kind: 'unknown-language', given: 'fr' },
      { kind: 'clamped', lever: 'usRelief', given: 99, used: 30 },
      { kind: 'not-a-number', lever: 'polandClosureDays', given: 'abc' },
      { kind: 'unknown-key', key: 'bogus' },
      { kind: 'rounded', lever: 'exileShare', given: 52.4, used: 52 },
      { kind: 'clamped', lever: 'sentenceMonths', given: 80, used: 50 },
    ]);
  });

  it('turn a version-0 or version-1 link into today’s view, saying what changed', () => {
    for (const old of [
      '?scenario=belarus-prisoners&polandClosureWeeks=2&usRelief=8',
      '?v=1&polandClosureWeeks=2&usRelief=8',
    ]) {
      const d = decode(old);
      expect(d.levers).toEqual({ polandClosureDays: 14, usRelief: 8 });
      expect(d.notices).toEqual([
        {
          kind: 'migrated',
          from: old.includes('v=1') ? 1 : 0,
          changes: ['polandClosureWeeks=2 → polandClosureDays=14'],
        },
      ]);
    }
    expect(decode('?v=2&polandClosureWeeks=2').notices).toEqual([{ kind: 'unknown-key', key: 'polandClosureWeeks' }]);
  });

  it('open the founding scenario when the scenario is unknown, and say so', () => {
    const d = decode('?scenario=nowhere&usRelief=4');
    expect(d.scenarioId).toBe('belarus-prisoners');
    expect(d.levers).toEqual({ usRelief: 4 });
    expect(d.notices).toEqual([{ kind: 'unknown-scenario', given: 'nowhere', used: 'belarus-prisoners' }]);
  });

  it('never throw, and every value they yield is a valid setting', () => {
    const keys = fc.constantFrom(
      ...scenario.levers.map((l) => l.id),
      ...ranged.map((c) => c.id),
      'scenario',
      'v',
      'lang',
      'seed',
      'draws',
      'x',
      '',
    );
    const values = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom('NaN', 'Infinity', '-0', '1e400', ' 3 ', 'asItHappened', 'statusQuo'),
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
        for (const [id, preset] of Object.entries(d.follows)) {
          expect(scenario.presets.find((p) => p.id === preset)?.schedule?.[id]).toBeDefined();
        }
        for (const [id, v] of Object.entries(d.constants)) {
          const c = scenario.constants.find((x) => x.id === id)!;
          expect(v).toBeGreaterThanOrEqual(c.low);
          expect(v).toBeLessThanOrEqual(c.high);
          expect(v).not.toBe(c.value);
        }
        expect(Number.isInteger(d.seed) && d.seed >= 0).toBe(true);
        expect(d.draws).toBeGreaterThanOrEqual(20);
        expect(d.draws).toBeLessThanOrEqual(2000);
      }),
      { numRuns: 500 },
    );
  });
});
