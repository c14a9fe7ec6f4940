import { describe, expect, it } from 'vitest';
import { holds, runCheck, runChecks, runMatrix } from '../../src/model/checks.ts';
import { compileScenario } from '../../src/model/compile.ts';
import type { Check } from '../../src/model/schema.ts';
import { scenarioFiles, parseScenarioFile } from '../../src/scenarios/files.ts';
import { founding } from '../helpers.ts';

describe.each(scenarioFiles().map((f) => [f.split('/').pop()!, f]))('the model checks of %s', (_name, file) => {
  const { scenario, problems } = parseScenarioFile(file);

  it('is a valid scenario', () => {
    expect(problems).toEqual([]);
  });

  const model = compileScenario(scenario!);
  const results = runChecks(model);

  it('has model checks, each with a counter-setting', () => {
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.counter, r.id).toBeDefined();
  });

  it.each(results.map((r) => [r.id, r] as const))('holds as written: %s', (_id, r) => {
    expect(
      r.lines.filter((l) => l.startsWith('FAIL')),
      r.claim,
    ).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it.each(results.map((r) => [r.id, r] as const))('fails under its counter-setting: %s', (_id, r) => {
    // A check that still passes when its counter-setting is applied cannot fail, so tests nothing.
    expect(r.counter!.passed, `${r.claim} (counter-setting: ${r.counter!.setting})`).toBe(false);
    expect(holds(r)).toBe(true);
  });

  it('keeps every outcome finite and in bounds across the extreme-value matrix, at the default and longest horizons', () => {
    for (const horizon of [undefined, model.scenario.time.maxHorizon]) {
      const failed = runMatrix(model, horizon).filter((r) => !r.passed);
      expect(failed.flatMap((r) => [r.id, ...r.lines])).toEqual([]);
    }
  });
});

describe('the check runner', () => {
  const model = founding();

  it('fails a claim the model does not support, and says what it got', () => {
    const check: Check = {
      id: 'wrong',
      claim: 'A closure with no transit frees hundreds.',
      set: { polandClosureDays: 60, chinaTransitShare: 0 },
      expect: [{ outcome: 'releasedUnderPressure', min: 100 }],
      counter: { set: { chinaTransitShare: 90 } },
    };
    const r = runCheck(model, check);
    expect(r.passed).toBe(false);
    expect(r.lines).toEqual(['FAIL releasedUnderPressure = 0, expected ≥ 100']);
    expect(holds(r)).toBe(false);
  });

  it('does not let a check hold when its counter-setting does not make it fail', () => {
    const check: Check = {
      id: 'cannotFail',
      claim: 'Exile never exceeds what deals free.',
      set: { usRelief: 8 },
      expect: [{ outcome: 'exiledTotal', max: 5000 }],
      counter: { set: { exileShare: 0 } },
    };
    const r = runCheck(model, check);
    expect(r.passed).toBe(true);
    expect(r.counter!.passed).toBe(true);
    expect(holds(r)).toBe(false);
  });

  it('compares against a recorded observation, at a date, under a preset with its schedule', () => {
    const check: Check = {
      id: 'replay',
      claim: 'Replayed, December 2025 matches the count.',
      preset: 'asItHappened',
      set: {},
      expect: [{ outcome: 'prisonersHeld', at: '2026-01', near: 'heldDec2025', within: 0.05 }],
      counter: { assume: { replacementRatio: 0 } },
    };
    const r = runCheck(model, check);
    expect(r.lines[0]).toMatch(
      /^ok {3}prisonersHeld at 2026-01 = \d+(\.\d+)?, expected 1135 \(heldDec2025, 2025-12-23\) ± 5%$/,
    );
    expect(r.counter!.setting).toBe('replacementRatio=0 (assumed)');
    expect(holds(r)).toBe(true);
  });

  it('fails a comparison, a difference and a trend that do not hold', () => {
    const compare: Check = {
      id: 'c',
      claim: 'More Russian support frees more.',
      compare: { a: { usRelief: 8, russiaSupport: 90 }, b: { usRelief: 8, russiaSupport: 30 } },
      expect: [{ outcome: 'releasedByDeals', relation: 'greater' }],
      counter: {},
    };
    expect(runCheck(model, compare).passed).toBe(false);
    const difference: Check = {
      id: 'd',
      claim: 'A deal frees nobody.',
      compare: { a: { usRelief: 8 }, b: {} },
      expect: [{ outcome: 'releasedByDeals', difference: { max: 1 } }],
      counter: {},
    };
    expect(runCheck(model, difference).passed).toBe(false);
    const sweep: Check = {
      id: 's',
      claim: 'Longer closures cost Poland less.',
      sweep: { lever: 'polandClosureDays', values: [0, 10, 20], set: {} },
      expect: [{ outcome: 'polandCost', trend: 'decreasing' }],
      counter: {},
    };
    expect(runCheck(model, sweep).passed).toBe(false);
  });

  it('builds the matrix from every lever at its extremes, with the constants at their values and their range ends', () => {
    const names = runMatrix(model).map((r) => r.id);
    expect(names).toHaveLength(3 * (3 + 2 * model.scenario.levers.length));
    expect(names).toContain('matrix: all levers at max');
    expect(names).toContain('matrix: usRelief at max (30)');
    expect(names).toContain('matrix: all levers at max, constants at their highs');
  });
});
