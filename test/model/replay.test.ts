import { describe, expect, it } from 'vitest';
import { scheduleOf } from '../../src/model/inputs.ts';
import { simulate } from '../../src/model/simulate.ts';
import { pointOf } from '../../src/model/time.ts';
import { founding } from '../helpers.ts';

const model = founding();
const { scenario } = model;
const preset = scenario.presets.find((p) => p.id === 'asItHappened')!;
const replay = simulate(model, preset.values, { schedule: scheduleOf(scenario, 'asItHappened') });
const observed = (id: string) => scenario.observations.find((o) => o.id === id)!.value;
const at = (series: string, date: string) => replay.series[series]![pointOf(scenario.time, date, replay.t.length)]!;
const within = (value: number, target: number, share: number) =>
  expect(Math.abs(value - target), `${value.toFixed(1)} vs ${target}`).toBeLessThanOrEqual(share * target);

describe('the as-it-happened replay', () => {
  it('holds the airline, potash and bank trades and the closure at their dates', () => {
    expect(preset.schedule?.usRelief?.map((e) => e.from)).toEqual(['2025-08', '2025-11', '2026-02']);
    expect(replay.series.closedShare!.findIndex((x) => x > 0)).toBe(pointOf(scenario.time, '2025-09', 99));
    expect(replay.outcomes.closureLength!).toBeCloseTo(13, 6);
  });

  it("reproduces Viasna's counts within 5%: 1,201 held on 30 September and 1,135 on 23 December 2025", () => {
    // A row is the state at the start of its month: the end of September is the row for October.
    within(at('prisonersHeld', '2025-10'), observed('heldSep2025'), 0.05);
    within(at('prisonersHeld', '2026-01'), observed('heldDec2025'), 0.05);
  });

  it('frees each rung within 10% of the record: 52 in September, 123 in December, 250 in March', () => {
    within(at('dealBatch', '2025-09'), observed('rungSep2025'), 0.1);
    within(at('dealBatch', '2025-12'), observed('rungDec2025'), 0.1);
    within(at('dealBatch', '2026-03'), observed('rungMar2026'), 0.1);
    // Nothing is traded between the rungs.
    expect(at('dealBatch', '2025-10') + at('dealBatch', '2026-01')).toBe(0);
  });

  it('sends about 15 of the March 2026 batch abroad, and every earlier batch', () => {
    within(at('exiles', '2026-03'), observed('exiledMar2026'), 0.1);
    expect(at('exiles', '2025-09')).toBeCloseTo(at('dealBatch', '2025-09'), 9);
    expect(at('exiles', '2025-12')).toBeCloseTo(at('dealBatch', '2025-12'), 9);
  });

  it('frees no one under corridor pressure: Warsaw asked for nothing and Beijing blamed Warsaw', () => {
    expect(replay.outcomes.releasedUnderPressure).toBe(0);
  });
});
