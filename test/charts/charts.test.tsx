import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LineChart } from '../../src/charts/LineChart.tsx';
import { lineChartGeometry, type LineChartInput } from '../../src/charts/lineGeometry.ts';
import { NetworkChart } from '../../src/charts/NetworkChart.tsx';
import { networkLayout } from '../../src/charts/networkLayout.ts';

/**
 * A rendered chart as a file to open in a browser: React's generated ids replaced by stable ones,
 * and the app's own chart styles (from app.css, with its colours filled in) in a <style> element.
 */
function viewable(svg: SVGSVGElement): string {
  const css = readFileSync(resolve(import.meta.dirname, '../../src/ui/app.css'), 'utf8').replace(/\/\*[^]*?\*\//g, '');
  const vars = Object.fromEntries([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  const style = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter((m) => /^\s*\.(line-chart|network-chart)/.test(m[1]!))
    .map((m) => `${m[1]!.trim().replace(/\s+/g, ' ')} { ${m[2]!.trim().replace(/\s+/g, ' ')} }`)
    .join('\n')
    .replace(/var\((--[\w-]+)[^)]*\)/g, (_, name: string) => vars[name] ?? 'currentColor');
  const ids = new Map<string, string>();
  const html = svg.outerHTML
    .replace(/_r_[0-9a-z]+_|«[^»]*»|:r[0-9a-z]+:/gi, (id) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size}`);
      return ids.get(id)!;
    })
    // One element a line, for readable diffs (never between the pieces of a text).
    .replace(/(<(?:g|\/g|path|line|rect|circle|text|defs|\/defs|clipPath|marker)[\s>])/g, '\n$1');
  return `${html.replace(/^(<svg[^>]*>)/, `$1\n<style>\n${style}\n</style>`)}\n`;
}

const times = Array.from({ length: 25 }, (_, i) => i);
const format = { time: (t: number) => `m${t}`, value: (v: number, decimals: number) => v.toFixed(decimals) };
const values = times.map((t) => Math.round(1180 + 10 * Math.sin(t / 3) - t / 7));
const input: LineChartInput = {
  times,
  lines: [
    {
      id: 'held',
      color: '#475569',
      values,
      baseline: times.map(() => 1180),
      range: { low: values.map((v) => v - 20), high: values.map((v) => v + 25) },
    },
  ],
  periods: [{ from: 1, to: 1.5, label: 'closed' }],
  bands: [
    { from: -Infinity, to: 1175, tone: 'bad', label: 'low' },
    { from: 1175, to: Infinity, tone: 'good', label: 'high' },
  ],
  decimals: 0,
};
const geometry = lineChartGeometry(input, { width: 520, height: 260 }, format);

describe('the line chart', () => {
  it('draws its geometry: the range, the default line, the line, the axes, the period and the bands', async () => {
    const { container } = render(<LineChart name="Prisoners held" geometry={geometry} focus={12} />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Prisoners held');
    expect(svg.querySelector('path.series')!.getAttribute('d')).toBe(geometry.lines[0]!.d);
    expect(svg.querySelector('path.baseline')!.getAttribute('d')).toBe(geometry.baselines[0]!.d);
    expect(svg.querySelector('path.range')!.getAttribute('fill')).toBe('#475569');
    expect([...svg.querySelectorAll('.axis-y text')].map((t) => t.textContent)).toEqual(
      geometry.frame.yTicks.map((t) => t.label),
    );
    expect(svg.querySelector('.window text')!.textContent).toBe('closed');
    expect([...svg.querySelectorAll('.band text')].map((t) => t.textContent)).toEqual(['low', 'high']);
    expect(svg.querySelector('.focus line')!.getAttribute('x1')).toBe(String(geometry.columns[12]!.x));
    await expect(viewable(svg)).toMatchFileSnapshot('./__snapshots__/line-chart.svg');
  });

  it('marks its ranges while they are being drawn again for new settings', () => {
    const stale = render(<LineChart name="x" geometry={geometry} rangesUpdating />).container;
    expect(stale.querySelector('g.lines')!.getAttribute('class')).toBe('lines updating');
    const fresh = render(<LineChart name="x" geometry={geometry} />).container;
    expect(fresh.querySelector('g.lines')!.getAttribute('class')).toBe('lines');
  });

  it('moves its focus with the arrow keys, Home and End, and lets go on Escape', () => {
    const onFocus = vi.fn();
    const { container, rerender } = render(<LineChart name="x" geometry={geometry} onFocus={onFocus} />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(onFocus).toHaveBeenLastCalledWith(24);
    fireEvent.keyDown(svg, { key: 'Home' });
    expect(onFocus).toHaveBeenLastCalledWith(0);
    rerender(<LineChart name="x" geometry={geometry} onFocus={onFocus} focus={3} />);
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(onFocus).toHaveBeenLastCalledWith(4);
    fireEvent.keyDown(svg, { key: 'End' });
    expect(onFocus).toHaveBeenLastCalledWith(24);
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(onFocus).toHaveBeenLastCalledWith(undefined);
  });
});

describe('the network chart', () => {
  const layout = networkLayout(
    [
      { id: 'a', label: 'Poland', color: '#dc2626', x: 0.1, y: 0.5 },
      { id: 'b', label: 'Minsk', color: '#475569', x: 0.5, y: 0.5 },
      { id: 'c', label: 'China', color: '#d97706', x: 0.5, y: 0.1 },
    ],
    [
      { from: 'a', to: 'b', label: 'Closure', unit: 'people', widestValue: '40' },
      { from: 'c', to: 'b', label: 'Pressure over the transit corridor', unit: 'billion euros of delayed freight' },
      { from: 'c', to: 'a', label: 'Reopen' },
    ],
    { width: 600, height: 400 },
  );
  const strengths = [
    { value: '18', strength: 0.2 },
    { value: '0.9', strength: 1 },
    { value: '0', strength: 0 },
  ];

  it('draws each channel as wide as it is strong, with its name and value, and can be focused', async () => {
    const { container } = render(<NetworkChart name="Leverage network" layout={layout} strengths={strengths} />);
    const width = (id: string) =>
      Number(container.querySelector(`[data-link="${id}"] line`)!.getAttribute('stroke-width'));
    expect(width('c-b')).toBeGreaterThan(width('a-b'));
    expect(width('a-b')).toBeGreaterThan(width('c-a'));
    expect(container.querySelector('[data-link="c-a"]')!.getAttribute('class')).toContain('idle');
    expect(container.querySelector('[data-link="a-b"]')!.textContent).toBe('Closure18 people');
    expect([...container.querySelectorAll('[data-link="c-b"] text > tspan')].map((t) => t.textContent)).toEqual([
      'Pressure over the',
      'transit corridor',
      '0.9 billion euros of',
      'delayed freight',
    ]);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('tabindex')).toBe('0');
    await expect(viewable(svg)).toMatchFileSnapshot('./__snapshots__/network.svg');
  });

  it('writes only the numbers on the arrows of a numbered layout', () => {
    const numbered = networkLayout(
      [
        { id: 'a', label: 'Poland', color: '#dc2626', x: 0.1, y: 0.5 },
        { id: 'b', label: 'Minsk', color: '#475569', x: 0.5, y: 0.5 },
      ],
      [{ from: 'a', to: 'b', label: 'Closure', unit: 'people' }],
      { width: 340, height: 374 },
      { numbered: true },
    );
    const { container } = render(<NetworkChart name="n" layout={numbered} strengths={[strengths[0]!]} />);
    expect(container.querySelector('[data-link="a-b"] text')!.textContent).toBe('1');
  });
});
