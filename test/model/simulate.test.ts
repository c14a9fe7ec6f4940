import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsProblems } from '../../src/model/checks.ts';
import { simulate, simulateBatch } from '../../src/model/simulate.ts';
import { handwritten, RECORDED, type Levers } from '../bench/handwritten.ts';
import { compileScenario } from '../../src/model/compile.ts';
import { validateScenario } from '../../src/model/validate.ts';
import { founding, foundingData } from '../helpers.ts';

const model = founding();
const { levers } = model.scenario;

/** Random lever settings anywhere in each lever's range. */
const anyLevers = fc.record(
  Object.fromEntries(levers.map((l) => [l.id, fc.double({ min: l.min, max: l.max, noNaN: true })])),
) as fc.Arbitrary<Record<string, number>>;

describe('simulate', () => {
  it('returns a series for every stock, variable and outcome over the horizon', () => {
    const r = simulate(model);
    expect(r.t).toHaveLength(25);
    expect(r.t[24]).toBe(24);
    const ids = [...model.scenario.stocks, ...model.scenario.variables, ...model.scenario.outcomes].map((x) => x.id);
    expect(Object.keys(r.series).sort()).toEqual(ids.sort());
    for (const s of Object.values(r.series)) expect(s).toHaveLength(25);
    expect(Object.keys(r.outcomes)).toEqual(model.scenario.outcomes.map((o) => o.id));
    expect(r.outcomes.prisonersHeld).toBe(r.series.prisonersHeld![24]);
  });

  it('returns only the series asked for, with the same values and all the outcomes', () => {
    fc.assert(
      fc.property(anyLevers, fc.subarray(model.recordedIds), (set, ids) => {
        const all = simulate(model, set);
        const some = simulate(model, set, { series: ids });
        expect(Object.keys(some.series).sort()).toEqual([...ids].sort());
        for (const id of ids) expect(some.series[id]).toEqual(all.series[id]);
        expect(some.outcomes).toEqual(all.outcomes);
      }),
      { numRuns: 50 },
    );
  });

  it('starts from the sourced count of about 1,180 prisoners', () => {
    expect(simulate(model).series.prisonersHeld![0]).toBe(1180);
  });

  it('gives the same result for the same call', () => {
    const a = simulate(model, { usRelief: 8, polandClosureWeeks: 3 });
    const b = simulate(model, { usRelief: 8, polandClosureWeeks: 3 });
    expect(a).toEqual(b);
  });

  it('changes the horizon on request', () => {
    const r = simulate(model, {}, { horizon: 60 });
    expect(r.horizon).toBe(60);
    expect(r.t).toHaveLength(61);
    expect(r.series.prisonersHeld!.slice(0, 25)).toEqual(simulate(model).series.prisonersHeld);
  });

  it('gives runs over the same horizon one time axis, which nothing can change', () => {
    const a = simulate(model, { polandClosureWeeks: 3 });
    const b = simulate(model, { polandClosureWeeks: 4 });
    expect(b.t).toBe(a.t);
    expect(() => (a.t as number[]).push(99)).toThrow(TypeError);
    expect(simulate(model, {}, { horizon: 60 }).t).toHaveLength(61);
    expect(a.t).toHaveLength(25);
  });

  it('clamps out-of-range lever values and says so', () => {
    const r = simulate(model, { usRelief: 99, arrestRate: -5 });
    expect(r.levers.usRelief).toBe(20);
    expect(r.levers.arrestRate).toBe(0);
    expect(r.notices).toEqual([
      { kind: 'clamped', lever: 'usRelief', given: 99, used: 20, min: 0, max: 20 },
      { kind: 'clamped', lever: 'arrestRate', given: -5, used: 0, min: 0, max: 150 },
    ]);
    expect(r.outcomes).toEqual(simulate(model, { usRelief: 20, arrestRate: 0 }).outcomes);
  });

  it('reports unknown levers and values that are not numbers instead of using them', () => {
    const r = simulate(model, { sanctionz: 3, usRelief: 'lots' });
    expect(r.notices).toEqual([
      { kind: 'unknown-lever', lever: 'sanctionz', valid: levers.map((l) => l.id) },
      { kind: 'not-a-number', lever: 'usRelief', given: 'lots', used: 0 },
    ]);
    expect(r.outcomes).toEqual(simulate(model).outcomes);
  });

  it('keeps every person accounted for: held = start + arrests - releases - served - deaths', () => {
    fc.assert(
      fc.property(anyLevers, (set) => {
        const r = simulate(model, set);
        const o = r.outcomes;
        const deaths = (2 / 12) * 24;
        const balance = 1180 + o.arrestsTotal! - o.releasedTotal! - o.sentencesServedTotal! - deaths;
        // The stock is floored at zero; otherwise the books balance exactly.
        if (Math.min(...r.series.prisonersHeld!) > 0) expect(o.prisonersHeld).toBeCloseTo(balance, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every value finite and every outcome inside its bounds, for any lever values', () => {
    fc.assert(
      fc.property(anyLevers, fc.integer({ min: 1, max: 240 }), (set, horizon) => {
        expect(boundsProblems(model, simulate(model, set, { horizon }))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never exiles more people than deals and pressure freed', () => {
    fc.assert(
      fc.property(anyLevers, (set) => {
        const o = simulate(model, set).outcomes;
        expect(o.exiledTotal!).toBeLessThanOrEqual(o.releasedByDeals! + o.releasedUnderPressure! + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('frees at least as many in deals when the US offers more, whatever else is set', () => {
    fc.assert(
      fc.property(anyLevers, fc.double({ min: 0, max: 20, noNaN: true }), (set, extra) => {
        const more = Math.min(20, set.usRelief! + extra);
        const a = simulate(model, set).outcomes.releasedByDeals!;
        const b = simulate(model, { ...set, usRelief: more }).outcomes.releasedByDeals!;
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('makes Poland pay at least as much for a longer closure, whatever else is set', () => {
    fc.assert(
      fc.property(anyLevers, fc.double({ min: 0, max: 52, noNaN: true }), (set, extra) => {
        const longer = Math.min(52, set.polandClosureWeeks! + extra);
        const a = simulate(model, set).outcomes;
        const b = simulate(model, { ...set, polandClosureWeeks: longer }).outcomes;
        expect(b.polandCost!).toBeGreaterThanOrEqual(a.polandCost! - 1e-9);
        expect(b.chinaDelayedValue!).toBeGreaterThanOrEqual(a.chinaDelayedValue! - 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('only calls the rapprochement stable when nearly all are free and arrests have nearly stopped', () => {
    fc.assert(
      fc.property(anyLevers, fc.integer({ min: 1, max: 240 }), (set, horizon) => {
        const r = simulate(model, set, { horizon });
        if (r.outcomes.rapprochementStability! >= 0.8) {
          expect(r.outcomes.prisonersHeld!).toBeLessThanOrEqual(0.2 * 1180);
          expect(r.series.arrests![r.t.length - 1]!).toBeLessThanOrEqual(0.45 * 42);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the same equations written by hand, to the last digit that matters', () => {
    expect(model.recordedIds).toEqual([...RECORDED]);
    fc.assert(
      fc.property(anyLevers, fc.integer({ min: 1, max: 120 }), (set, horizon) => {
        const r = simulate(model, set, { horizon });
        const out = RECORDED.map(() => new Float64Array(horizon + 1));
        handwritten(model.scenario, set as Levers, horizon, out);
        const worst = RECORDED.map((id, k) => {
          let diff = 0;
          out[k]!.forEach(
            (x, i) => (diff = Math.max(diff, Math.abs(r.series[id]![i]! - x) / Math.max(1, Math.abs(x)))),
          );
          return [id, diff] as const;
        }).filter(([, diff]) => diff > 1e-9);
        expect(worst).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('runs a batch with the same final outcomes as single runs', () => {
    const sets: Record<string, number>[] = [
      {},
      { usRelief: 8 },
      { polandClosureWeeks: 13, chinaPressureOnMinsk: 100, polandLinksPrisoners: 100 },
    ];
    expect(simulateBatch(model, sets)).toEqual(sets.map((s) => simulate(model, s).outcomes));
  });
});

describe('stocks whose flows read other stocks', () => {
  it('move every stock from the same step, not from stocks already moved', () => {
    const data = foundingData() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const label = { en: 'probe', ar: 'مسبار' };
    // a doubles every step; b collects a, so b(t) = 2^t - 1 only if b reads a before a moves.
    data.stocks.push(
      { id: 'probeA', label, unit: label, initial: 1, inflows: ['probeA'] },
      { id: 'probeB', label, unit: label, initial: 0, inflows: ['probeA'] },
    );
    const { scenario, problems } = validateScenario(data, 'probe.yaml');
    expect(problems).toEqual([]);
    const r = simulate(compileScenario(scenario!), {}, { horizon: 5 });
    expect([...r.series.probeA!]).toEqual([1, 2, 4, 8, 16, 32]);
    expect([...r.series.probeB!]).toEqual([0, 1, 3, 7, 15, 31]);
  });
});
