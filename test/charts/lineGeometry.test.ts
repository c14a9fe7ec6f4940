import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChartGeometry, markPlace, nearestColumn, type LineChartInput } from '../../src/charts/lineGeometry.ts';

const times = Array.from({ length: 25 }, (_, i) => i);
const size = { width: 520, height: 260 };
const format = { time: (t: number) => `m${t}`, value: (v: number, decimals: number) => v.toFixed(decimals) };
const held = (values: number[], over: Partial<LineChartInput> = {}): LineChartInput => ({
  times,
  lines: [{ id: 'held', color: '#475569', values }],
  ...over,
});
/** The points of a path made of M and L commands. */
const points = (d: string) => d.match(/-?[\d.]+,-?[\d.]+/g)!.map((p) => p.split(',').map(Number) as [number, number]);
const decimals = (n: number) => String(n).split('.')[1]?.length ?? 0;

describe('a line chart’s geometry', () => {
  it('puts a story answer’s mark on the line at its month, and a larger guess above it', () => {
    const values = times.map((t) => 100 + t);
    const g = lineChartGeometry(held(values, { domain: [0, 200] }), size, format);
    const line = points(g.lines[0]!.d);
    const place = markPlace(g.frame, { t: 10, value: values[10]!, guess: 180 });
    expect([place.x, place.y]).toEqual(line[10]);
    expect(place.guessY).toBeLessThan(place.y);
    expect(markPlace(g.frame, { t: 10, value: values[10]! }).guessY).toBeUndefined();
  });

  it('runs a line across the plot from the first time to the last, higher values higher up', () => {
    const g = lineChartGeometry(held(times.map((t) => 100 + t)), size, format);
    const line = points(g.lines[0]!.d);
    expect(line).toHaveLength(times.length);
    expect(line[0]![0]).toBe(g.frame.plot.left);
    expect(line.at(-1)![0]).toBe(g.frame.plot.right);
    expect(line.at(-1)![1]).toBeLessThan(line[0]![1]);
    expect(g.columns.map((c) => c.x)).toEqual(line.map(([x]) => x));
  });

  it('labels the time axis on whole periods, and the value axis with the decimals its step needs', () => {
    const g = lineChartGeometry(held(times.map((t) => (2 * t) / 24)), size, format);
    expect(g.frame.xTicks.map((t) => t.label)).toEqual(['m0', 'm6', 'm12', 'm18', 'm24']);
    expect(g.frame.yTicks.map((t) => t.label)).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0']);
  });

  it('puts ticks only where a value with the series’ decimals can be: whole people on a small axis', () => {
    const g = lineChartGeometry(
      held(
        times.map((t) => t / 8),
        { decimals: 0 },
      ),
      size,
      format,
    );
    expect(g.frame.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    const stress = lineChartGeometry(
      held(
        times.map((t) => (2 * t) / 24),
        { decimals: 2 },
      ),
      size,
      format,
    );
    expect(stress.frame.yTicks.map((t) => t.label)).toEqual(['0.00', '0.50', '1.00', '1.50', '2.00']);
  });

  it('keeps a fixed axis whatever the values inside it, and grows it only when values go past it', () => {
    const low = lineChartGeometry(
      held(
        times.map(() => 1200),
        { domain: [0, 4000] },
      ),
      size,
      format,
    );
    const high = lineChartGeometry(
      held(
        times.map((t) => 1200 + 60 * t),
        { domain: [0, 4000] },
      ),
      size,
      format,
    );
    expect(high.frame.yTicks).toEqual(low.frame.yTicks);
    expect(low.frame.yTicks.at(-1)!.label).toBe('4000');
    const past = lineChartGeometry(
      held(
        times.map(() => 5200),
        { domain: [0, 4000] },
      ),
      size,
      format,
    );
    expect(Number(past.frame.yTicks.at(-1)!.label)).toBeGreaterThanOrEqual(5200);
    // Without a fixed axis, it fits the values.
    const fitted = lineChartGeometry(held(times.map((t) => 1200 + t)), size, format);
    expect(Number(fitted.frame.yTicks[0]!.label)).toBeGreaterThan(1000);
  });

  it('holds the given ends of the value axis, as on a 0–1 scale', () => {
    const g = lineChartGeometry(
      held(
        times.map(() => 0.3),
        { min: 0, max: 1 },
      ),
      size,
      format,
    );
    expect(g.frame.yTicks[0]!.label).toBe('0.0');
    expect(g.frame.yTicks.at(-1)!.label).toBe('1.0');
    expect(g.frame.yTicks.at(-1)!.y).toBe(g.frame.plot.top);
  });

  it('draws the default as a second line and the likely range as an area, out along the high side and back', () => {
    const values = times.map((t) => 1180 - t);
    const g = lineChartGeometry(
      {
        times,
        lines: [
          {
            id: 'held',
            color: '#475569',
            values,
            baseline: times.map(() => 1180),
            range: { low: values.map((v) => v - 40), high: values.map((v) => v + 60) },
          },
        ],
      },
      size,
      format,
    );
    const line = g.lines[0]!;
    expect(points(g.baselines[0]!.d)).toHaveLength(times.length);
    const range = points(g.ranges[0]!.d);
    expect(range).toHaveLength(2 * times.length);
    const y0 = points(line.d)[0]![1];
    expect(range[0]![1]).toBeLessThan(y0);
    expect(range.at(-1)![1]).toBeGreaterThan(y0);
    // The axis holds the whole range.
    expect(Number(g.frame.yTicks.at(-1)!.label)).toBeGreaterThanOrEqual(1240);
    expect(Number(g.frame.yTicks[0]!.label)).toBeLessThanOrEqual(1116);
  });

  it('leaves out a range drawn for another number of time points (a scenario switch in flight)', () => {
    const g = lineChartGeometry(
      { times, lines: [{ id: 'held', color: '#000', values: times, range: { low: [1, 2], high: [3, 4] } }] },
      size,
      format,
    );
    expect(g.ranges).toEqual([]);
    expect(g.lines).toHaveLength(1);
  });

  it('shades a period over its times and clips the verdict bands to the axis', () => {
    const g = lineChartGeometry(
      held(
        times.map(() => 0.5),
        {
          min: 0,
          max: 1,
          periods: [{ from: 6, to: 9, label: 'closed' }],
          bands: [
            { from: -Infinity, to: 0.4, tone: 'bad', label: 'fragile' },
            { from: 0.4, to: Infinity, tone: 'good', label: 'durable' },
          ],
        },
      ),
      size,
      format,
    );
    const step = (g.frame.plot.right - g.frame.plot.left) / 24;
    expect(g.periods).toEqual([
      { x: expect.closeTo(g.frame.plot.left + 6 * step, 0), width: expect.closeTo(3 * step, 0), label: 'closed' },
    ]);
    expect(g.frame.bands.map((b) => [b.tone, b.label])).toEqual([
      ['bad', 'fragile'],
      ['good', 'durable'],
    ]);
    const [fragile, durable] = g.frame.bands;
    expect(fragile!.y + fragile!.height).toBeCloseTo(g.frame.plot.bottom, 0);
    expect(durable!.y).toBe(g.frame.plot.top);
    expect(durable!.y + durable!.height).toBeCloseTo(fragile!.y, 0);
  });

  it('finds the time point nearest to a position', () => {
    const g = lineChartGeometry(held(times), size, format);
    expect(nearestColumn(g, 0)).toBe(0);
    expect(nearestColumn(g, 10_000)).toBe(24);
    expect(nearestColumn(g, g.columns[7]!.x + 2)).toBe(7);
  });

  it('keeps every line inside the plot and every number to a tenth, for any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 25, maxLength: 25 }),
        fc.integer({ min: 200, max: 1200 }),
        (values, width) => {
          const g = lineChartGeometry(held(values), { width, height: 240 }, format);
          for (const [x, y] of points(g.lines[0]!.d)) {
            expect(x).toBeGreaterThanOrEqual(g.frame.plot.left - 0.05);
            expect(x).toBeLessThanOrEqual(g.frame.plot.right + 0.05);
            expect(y).toBeGreaterThanOrEqual(g.frame.plot.top - 0.05);
            expect(y).toBeLessThanOrEqual(g.frame.plot.bottom + 0.05);
            expect(decimals(x)).toBeLessThanOrEqual(1);
            expect(decimals(y)).toBeLessThanOrEqual(1);
          }
          for (const t of g.frame.yTicks) expect(decimals(t.y)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
