import { describe, expect, it } from 'vitest';
import {
  MAX_STROKE,
  networkLayout,
  strokeWidth,
  wrap,
  type NetworkLayout,
  type NetworkLink,
  type NetworkNode,
} from '../../src/charts/networkLayout.ts';
import { founding } from '../helpers.ts';

const nodes: NetworkNode[] = [
  { id: 'a', label: 'Poland', color: '#dc2626', x: 0.1, y: 0.5 },
  { id: 'b', label: 'Minsk', color: '#475569', x: 0.5, y: 0.5 },
  { id: 'c', label: 'China', color: '#d97706', x: 0.5, y: 0.1 },
];
const links: NetworkLink[] = [
  { from: 'a', to: 'b', label: 'Closure', unit: 'people', widestValue: '40' },
  { from: 'c', to: 'b', label: 'Pressure over the transit corridor', unit: 'billion euros of delayed freight' },
  { from: 'c', to: 'a', label: 'Reopen' },
];

/** The box a label's text takes, estimated as the layout estimates it (13 px text). */
function labelBoxes(layout: NetworkLayout) {
  return layout.arrows.map((a) => {
    const lines = [...a.label.name, `0000 ${a.label.unitFirst}`, ...a.label.unitRest].filter(
      (_, i) => !layout.numbered || i < a.label.name.length,
    );
    const w = Math.max(...lines.map((l) => l.length)) * 0.58 * 13;
    const x0 = a.label.anchor === 'start' ? a.label.x : a.label.anchor === 'end' ? a.label.x - w : a.label.x - w / 2;
    const y0 = a.label.y - 0.8 * 13;
    return { id: a.id, x0, x1: x0 + w, y0, y1: y0 + 1.2 * 13 * lines.length };
  });
}

const overlaps = (p: { x0: number; x1: number; y0: number; y1: number }, q: typeof p) =>
  Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 1 && Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > 1;

describe('the network’s layout', () => {
  it('places the nodes by their positions inside the chart, clear of its edges', () => {
    const layout = networkLayout(nodes, links, { width: 600, height: 400 });
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, [n.x, n.y]]));
    expect(at.b).toEqual([300, 200]);
    for (const n of layout.nodes) {
      expect(n.x - layout.radius).toBeGreaterThan(0);
      expect(n.x + layout.radius).toBeLessThan(600);
    }
  });

  it('runs each arrow from the edge of one node to the other, leaving room for its head', () => {
    const layout = networkLayout(nodes, links, { width: 600, height: 400 });
    const ab = layout.arrows.find((a) => a.id === 'a-b')!;
    const [a, b] = [layout.nodes[0]!, layout.nodes[1]!];
    expect(ab.x1).toBeCloseTo(a.x + layout.radius, 0);
    expect(ab.x2).toBeLessThan(b.x - layout.radius);
    expect(ab.y1).toBe(ab.y2);
  });

  it('names a node above it when its arrows leave from below, and below it otherwise', () => {
    const layout = networkLayout(nodes, links, { width: 600, height: 400 });
    const nameY = (id: string) => layout.nodes.find((n) => n.id === id)!.nameY;
    expect(nameY('c')).toBeLessThan(0);
    expect(nameY('a')).toBeGreaterThan(0);
  });

  it('breaks a long name or unit on to more lines, with the value’s line first', () => {
    const layout = networkLayout(nodes, links, { width: 600, height: 400 });
    const label = layout.arrows.find((a) => a.id === 'c-b')!.label;
    expect(label.name).toEqual(['Pressure over the', 'transit corridor']);
    expect([label.unitFirst, ...label.unitRest]).toEqual(['billion euros of', 'delayed freight']);
    expect(wrap('a b c', 3)).toEqual(['a b', 'c']);
  });

  it('labels each arrow with its number alone in a numbered layout', () => {
    const layout = networkLayout(nodes, links, { width: 340, height: 374 }, { numbered: true });
    expect(layout.numbered).toBe(true);
    expect(layout.arrows.map((a) => a.label.name)).toEqual([['1'], ['2'], ['3']]);
    expect(layout.arrows.every((a) => a.label.unitFirst === '' && a.label.unitRest.length === 0)).toBe(true);
  });

  it('widens an arrow with its strength, from a hairline to the widest the labels leave room for', () => {
    expect(strokeWidth(0)).toBe(1);
    expect(strokeWidth(1)).toBe(MAX_STROKE);
    expect(strokeWidth(0.5)).toBeGreaterThan(strokeWidth(0.2));
    expect(strokeWidth(3)).toBe(MAX_STROKE);
  });

  it('places the founding scenario’s labels without overlap, inside the chart, on a desk and on a phone', () => {
    const { scenario } = founding();
    const actors = scenario.actors.map((a) => ({
      id: a.id,
      label: a.name.en,
      color: a.color,
      x: a.position![0],
      y: a.position![1],
    }));
    const channels = scenario.links.map((l) => ({
      from: l.from,
      to: l.to,
      label: l.label.en,
      unit: 'people',
      widestValue: '1,000',
    }));
    for (const [size, numbered] of [
      [{ width: 760, height: 480 }, false],
      [{ width: 340, height: 374 }, true],
    ] as const) {
      const layout = networkLayout(actors, channels, size, { numbered });
      const boxes = labelBoxes(layout);
      for (const [i, p] of boxes.entries()) {
        expect(p.x0, p.id).toBeGreaterThanOrEqual(-1);
        expect(p.x1, p.id).toBeLessThanOrEqual(size.width + 1);
        for (const q of boxes.slice(i + 1)) expect(overlaps(p, q), `${p.id} and ${q.id}`).toBe(false);
      }
    }
  });
});
