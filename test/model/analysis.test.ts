import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAWS, drawWithin, leverEffects, monteCarlo, quantile } from '../../src/model/analysis.ts';
import { scheduleOf } from '../../src/model/inputs.ts';
import { simulate } from '../../src/model/simulate.ts';
import { founding } from '../helpers.ts';

const model = founding();
const { scenario } = model;
const charted = [...new Set(scenario.charts.flatMap((c) => c.series.map((s) => s.id)))];

describe('drawing a constant within its range', () => {
  it('stays within the range and puts the sourced value at the median, whatever the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (low, width, where, u) => {
          const high = low + width;
          const value = low + where * width;
          const x = drawWithin(u, low, value, high);
          expect(x).toBeGreaterThanOrEqual(low - 1e-6);
          expect(x).toBeLessThanOrEqual(high + 1e-6);
          // The lower half of the draws falls at or below the sourced value, the upper half at or above.
          const slack = 1e-9 * Math.max(1, Math.abs(value));
          if (u < 0.5) expect(x).toBeLessThanOrEqual(value + slack);
          else expect(x).toBeGreaterThanOrEqual(value - slack);
        },
      ),
    );
  });

  it('reads quantiles between neighbours', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.1)).toBeCloseTo(1, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('the Monte Carlo bands', () => {
  it('runs 200 draws by default and draws every constant that has a range', () => {
    const mc = monteCarlo(model);
    expect(mc.draws).toBe(DEFAULT_DRAWS);
    expect(DEFAULT_DRAWS).toBe(200);
    expect(mc.drawn).toEqual(scenario.constants.filter((c) => c.high > c.low).map((c) => c.id));
  });

  it('gives the same bands for the same seed, and different bands for another seed', () => {
    const a = monteCarlo(model, { usRelief: 8 }, { seed: 7, draws: 60, series: ['prisonersHeld'] });
    const b = monteCarlo(model, { usRelief: 8 }, { seed: 7, draws: 60, series: ['prisonersHeld'] });
    const c = monteCarlo(model, { usRelief: 8 }, { seed: 8, draws: 60, series: ['prisonersHeld'] });
    expect(b).toEqual(a);
    expect(c.series.prisonersHeld!.p10).not.toEqual(a.series.prisonersHeld!.p10);
  });

  it.each(scenario.presets.map((p) => [p.id]))(
    'draws a band that holds the central line of every chart and every outcome: %s',
    (id) => {
      const values = scenario.presets.find((p) => p.id === id)!.values;
      const schedule = scheduleOf(scenario, id);
      const mc = monteCarlo(model, values, { schedule, series: charted });
      const central = simulate(model, values, { schedule });
      for (const s of charted) {
        const band = mc.series[s]!;
        central.series[s]!.forEach((v, i) => {
          expect(v, `${s} at ${i}`).toBeGreaterThanOrEqual(band.p10[i]! - 1e-9);
          expect(v, `${s} at ${i}`).toBeLessThanOrEqual(band.p90[i]! + 1e-9);
        });
      }
      for (const [o, v] of Object.entries(central.outcomes)) {
        expect(v, o).toBeGreaterThanOrEqual(mc.outcomes[o]!.p10 - 1e-9);
        expect(v, o).toBeLessThanOrEqual(mc.outcomes[o]!.p90 + 1e-9);
      }
    },
  );

  it('holds a constant the reader has set, and draws the others', () => {
    const mc = monteCarlo(model, {}, { draws: 40, constants: { sentenceMonths: 36 }, series: ['sentencesServed'] });
    expect(mc.drawn).not.toContain('sentenceMonths');
    const pinned = monteCarlo(model, {}, { draws: 40, series: ['held'] });
    // Shorter sentences than the sourced 47 months: the whole band of those held sits lower.
    expect(
      monteCarlo(model, {}, { draws: 40, constants: { sentenceMonths: 36 }, series: ['held'] }).series.held!.p90.at(
        -1,
      )!,
    ).toBeLessThan(pinned.series.held!.p90.at(-1)!);
  });

  it('shows uncertainty: the band of those held two years on is wide', () => {
    const mc = monteCarlo(model);
    const { p10, p90 } = mc.outcomes.prisonersHeld!;
    expect(p90 - p10).toBeGreaterThan(100);
  });
});

describe('the lever-effects table', () => {
  const tables = leverEffects(model);
  const reach = scenario.effects!.reach!;

  it('moves each lever from its min to its max at every base the scenario names', () => {
    expect(tables.map((t) => t.base.id)).toEqual(scenario.effects!.bases.map((b) => b.id));
    for (const t of tables) expect(t.effects.map((e) => e.lever)).toEqual(scenario.levers.map((l) => l.id));
  });

  it.each(scenario.levers.filter((l) => reach.actors.includes(l.actor)).map((l) => [l.id]))(
    'finds that the political lever %s moves the prisoners at some base',
    (id) => {
      const moved = tables.some((t) =>
        reach.outcomes.some((o) => Math.abs(t.effects.find((e) => e.lever === id)!.change[o]!) >= 0.5),
      );
      expect(moved).toBe(true);
    },
  );

  it.each(scenario.levers.map((l) => [l.id, l.expect] as const))(
    'never moves an outcome against the direction %s states',
    (id, expected) => {
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      for (const t of tables) {
        const change = t.effects.find((e) => e.lever === id)!.change;
        for (const [outcome, direction] of Object.entries(expected)) {
          const d = change[outcome]!;
          if (direction === 'up') expect(d, `${outcome} at ${t.base.id}`).toBeGreaterThanOrEqual(-1e-9);
          else expect(d, `${outcome} at ${t.base.id}`).toBeLessThanOrEqual(1e-9);
        }
      }
      // And it does move at least one of them somewhere: a stated direction is never vacuous.
      const movesOne = tables.some((t) =>
        Object.keys(expected).some((o) => Math.abs(t.effects.find((e) => e.lever === id)!.change[o]!) > 1e-6),
      );
      expect(movesOne).toBe(true);
    },
  );
});
