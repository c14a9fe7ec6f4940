import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart, type ChartData, type LineChartProps } from '../../src/charts/LineChart.tsx';
import { NetworkChart } from '../../src/charts/NetworkChart.tsx';
import { fixed } from '../../src/charts/live.ts';

/** React's generated ids depend on what rendered before; they are not part of the drawing. */
const stable = (html: string) => html.replace(/_r_[0-9a-z]+_|«[^»]*»|:r[0-9a-z]+:/gi, 'ID');

const times = Array.from({ length: 25 }, (_, i) => i);
const props: LineChartProps = {
  name: 'Prisoners held',
  unit: 'people',
  width: 520,
  height: 260,
  timeLabel: (t) => `m${t}`,
  lines: [{ id: 'held', label: 'Held', color: '#475569' }],
  data: fixed({
    times,
    values: [times.map((t) => 1180 + 10 * Math.sin(t / 3) - t / 7)],
    baselines: [times.map(() => 1180)],
    windows: [{ from: 1, to: 1.46, label: 'closed' }],
  }),
  formatValue: (v, decimals) => v.toFixed(decimals),
  bands: [
    { from: -Infinity, to: 1175, tone: 'bad', label: 'low' },
    { from: 1175, to: Infinity, tone: 'good', label: 'high' },
  ],
  focus: 12,
};

describe('the line chart', () => {
  it('draws the same SVG for the same props', () => {
    const a = render(<LineChart {...props} />).container.innerHTML;
    const b = render(<LineChart {...props} />).container.innerHTML;
    expect(stable(a)).toBe(stable(b));
    expect(stable(a)).toMatchSnapshot();
  });

  it('draws numbers rounded to a tenth, so snapshots are stable', () => {
    const { container } = render(<LineChart {...props} />);
    const d = container.querySelector('path.series')!.getAttribute('d')!;
    expect(d).toMatch(/^M[\d.,L]+$/);
    for (const n of d.match(/[\d.]+/g)!) expect(n.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('shades the window, draws the bands and reads out the focused month', () => {
    const { container } = render(<LineChart {...props} />);
    expect(container.querySelector('.window text')!.textContent).toBe('closed');
    expect([...container.querySelectorAll('.band text')].map((t) => t.textContent)).toEqual(['low', 'high']);
    expect(container.querySelectorAll('.focus circle')).toHaveLength(1);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('Prisoners held');
  });
});

describe('the likely range behind a line', () => {
  const values = times.map((t) => 1180 - t);
  const withRange = (updating: boolean): LineChartProps => ({
    ...props,
    bands: undefined,
    focus: undefined,
    data: fixed({
      times,
      values: [values],
      ranges: [{ low: values.map((v) => v - 40), high: values.map((v) => v + 60) }],
      rangesUpdating: updating,
    }),
  });

  it('is an area from the low to the high line, in the line colour, rounded to a tenth', () => {
    const { container } = render(<LineChart {...withRange(false)} />);
    const range = container.querySelector('path.range')!;
    expect(range.getAttribute('fill')).toBe('#475569');
    const d = range.getAttribute('d')!;
    // Out along the high line (higher values are higher up: smaller y), back along the low line.
    const points = d.match(/[\d.]+,[\d.]+/g)!.map((p) => p.split(',').map(Number) as [number, number]);
    expect(points).toHaveLength(2 * times.length);
    const series = container.querySelector('path.series')!.getAttribute('d')!;
    const y0 = Number(series.match(/^M[\d.]+,([\d.]+)/)![1]);
    expect(points[0]![1]).toBeLessThan(y0);
    expect(points.at(-1)![1]).toBeGreaterThan(y0);
    for (const [x, y] of points)
      for (const n of [x, y]) expect(String(n).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('widens the value axis to hold the whole range', () => {
    const { container } = render(<LineChart {...withRange(false)} />);
    const labels = [...container.querySelectorAll('.axis-y > g:not([display="none"]) text')].map((t) =>
      Number(t.textContent),
    );
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(1240);
    expect(Math.min(...labels)).toBeLessThanOrEqual(1116);
  });

  it('is marked as updating while it was drawn for earlier settings', () => {
    const fresh = render(<LineChart {...withRange(false)} />).container;
    expect(fresh.querySelector('g.lines')!.getAttribute('class')).toBe('lines');
    const stale = render(<LineChart {...withRange(true)} />).container;
    expect(stale.querySelector('g.lines')!.getAttribute('class')).toBe('lines updating');
  });
});

describe('the line chart following live data', () => {
  it('moves its line, its value axis and its shaded period when the data changes', () => {
    let data: ChartData = {
      times,
      values: [times.map(() => 10)],
      baselines: [times.map(() => 10)],
      windows: [{ from: 1, to: 2, label: 'closed' }],
    };
    const listeners = new Set<() => void>();
    const live = {
      get: () => data,
      subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    };
    const { container } = render(<LineChart {...props} data={live} bands={undefined} focus={undefined} />);
    const d = () => container.querySelector('path.series')!.getAttribute('d');
    const ticks = () =>
      [...container.querySelectorAll('.axis-y > g:not([display="none"]) text')].map((t) => t.textContent);
    const shade = () => Number(container.querySelector('.window rect')!.getAttribute('width'));
    const before = { d: d(), ticks: ticks(), shade: shade() };
    act(() => {
      data = { ...data, values: [times.map((t) => 10 + 40 * t)], windows: [{ from: 1, to: 5, label: 'closed' }] };
      for (const l of listeners) l();
    });
    expect(d()).not.toBe(before.d);
    expect(ticks()).not.toEqual(before.ticks);
    expect(ticks().at(-1)).toBe('1000');
    expect(shade()).toBeCloseTo(before.shade * 4, 0);
  });

  it('keeps a hidden shaded period ready and shows it when a period appears in the data', () => {
    let data: ChartData = { times, values: [times.map(() => 10)], windows: [] };
    const listeners = new Set<() => void>();
    const live = {
      get: () => data,
      subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    };
    const { container } = render(
      <LineChart {...props} data={live} bands={undefined} focus={undefined} windowSlots={1} />,
    );
    const shade = () => container.querySelector('.window')!;
    expect(shade().getAttribute('display')).toBe('none');
    act(() => {
      data = { ...data, windows: [{ from: 2, to: 6, label: 'closed' }] };
      for (const l of listeners) l();
    });
    expect(shade().getAttribute('display')).toBe('inline');
    expect(shade().textContent).toBe('closed');
    expect(Number(shade().querySelector('rect')!.getAttribute('width'))).toBeCloseTo((440 / 24) * 4, 0);
    act(() => {
      data = { ...data, windows: [] };
      for (const l of listeners) l();
    });
    expect(shade().getAttribute('display')).toBe('none');
  });
});

describe('the value axis', () => {
  it('writes every tick with the decimals its step needs', () => {
    const data = fixed<ChartData>({ times, values: [times.map((t) => (2 * t) / 24)] });
    const { container } = render(<LineChart {...props} data={data} bands={undefined} focus={undefined} />);
    const ticks = [...container.querySelectorAll('.axis-y > g:not([display="none"]) text')].map((t) => t.textContent);
    expect(ticks).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0']);
  });
});

describe('the network chart', () => {
  const network = (
    <NetworkChart
      name="Leverage network"
      width={600}
      height={400}
      nodes={[
        { id: 'a', label: 'Poland', color: '#dc2626', x: 0.1, y: 0.5 },
        { id: 'b', label: 'Minsk', color: '#475569', x: 0.5, y: 0.5 },
        { id: 'c', label: 'China', color: '#d97706', x: 0.5, y: 0.1 },
      ]}
      links={[
        { from: 'a', to: 'b', label: 'Closure', unit: 'people', widestValue: '40' },
        { from: 'c', to: 'b', label: 'Pressure over the transit corridor', unit: 'billion euros of delayed freight' },
        { from: 'c', to: 'a', label: 'Reopen' },
      ]}
      strengths={fixed([
        { value: '18', strength: 0.2 },
        { value: '0.9', strength: 1 },
        { value: '0', strength: 0 },
      ])}
    />
  );

  it('draws each channel with a width that grows with its strength', () => {
    const { container } = render(network);
    const width = (id: string) =>
      Number(container.querySelector(`[data-link="${id}"] line`)!.getAttribute('stroke-width'));
    expect(width('c-b')).toBeGreaterThan(width('a-b'));
    expect(width('a-b')).toBeGreaterThan(width('c-a'));
    expect(container.querySelector('[data-link="c-a"]')!.getAttribute('class')).toContain('idle');
    expect(container.querySelector('[data-link="a-b"]')!.textContent).toBe('Closure18 people');
  });

  it('names a node above it when its arrows leave from below, and below it otherwise', () => {
    const { container } = render(network);
    const nameY = (id: string) => Number(container.querySelector(`[data-node="${id}"] text`)!.getAttribute('y'));
    expect(nameY('c')).toBeLessThan(0);
    expect(nameY('a')).toBeGreaterThan(0);
  });

  it('breaks a long name or unit on to more lines, with the value written first', () => {
    const { container } = render(network);
    const lines = [...container.querySelectorAll('[data-link="c-b"] text > tspan')].map((t) => t.textContent);
    expect(lines).toEqual(['Pressure over the', 'transit corridor', '0.9 billion euros of', 'delayed freight']);
  });

  it('draws the same SVG for the same props', () => {
    expect(stable(render(network).container.innerHTML)).toMatchSnapshot();
  });
});
