import { describe, expect, it } from 'vitest';
import { runCheck, runChecks, runMatrix } from '../../src/model/checks.ts';
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
  it.each(runChecks(model).map((r) => [r.id, r] as const))('holds: %s', (_id, r) => {
    expect(
      r.lines.filter((l) => l.startsWith('FAIL')),
      r.claim,
    ).toEqual([]);
    expect(r.passed).toBe(true);
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
      set: { polandClosureWeeks: 8, chinaTransitShare: 0 },
      expect: [{ outcome: 'releasedUnderPressure', min: 100 }],
    };
    const r = runCheck(model, check);
    expect(r.passed).toBe(false);
    expect(r.lines).toEqual(['FAIL releasedUnderPressure = 0, expected ≥ 100']);
  });

  it('fails a comparison and a trend that do not hold', () => {
    const compare: Check = {
      id: 'c',
      claim: 'More Russian support frees more.',
      compare: { a: { usRelief: 8, russiaSupport: 90 }, b: { usRelief: 8, russiaSupport: 30 } },
      expect: [{ outcome: 'releasedByDeals', relation: 'greater' }],
    };
    expect(runCheck(model, compare).passed).toBe(false);
    const sweep: Check = {
      id: 's',
      claim: 'Longer closures cost Poland less.',
      sweep: { lever: 'polandClosureWeeks', values: [0, 2, 4], set: {} },
      expect: [{ outcome: 'polandCost', trend: 'decreasing' }],
    };
    expect(runCheck(model, sweep).passed).toBe(false);
  });

  it('builds the matrix from every lever at its extremes', () => {
    const names = runMatrix(model).map((r) => r.id);
    expect(names).toHaveLength(3 + 2 * model.scenario.levers.length);
    expect(names).toContain('matrix: all levers at max');
    expect(names).toContain('matrix: usRelief at max (20)');
  });
});
