/**
 * The leverage network's geometry: where each actor sits, where its name goes, where each channel's
 * arrow runs and where its label is placed. Pure data, rounded to a tenth, tested as data; the
 * chart component only draws it. The layout does not depend on how strong the channels are, so
 * labels never jump while a slider moves: a label leaves room for its arrow at its widest and for
 * its value at its largest.
 */
import { linear } from './linear.ts';

export interface NetworkNode {
  id: string;
  label: string;
  color: string;
  /** position, each from 0 to 1 */
  x: number;
  y: number;
}

export interface NetworkLink {
  from: string;
  to: string;
  label: string;
  /** the unit written after the value */
  unit?: string;
  /** the value as text at the channel's strongest, which its label must leave room for */
  widestValue?: string;
}

export interface PlacedNode extends NetworkNode {
  /** the name's baseline, relative to the node's centre (below it, or above where arrows cross below) */
  nameY: number;
}

export interface PlacedArrow {
  id: string;
  /** index of the link in the links given */
  index: number;
  /** from the edge of one node to where the arrowhead begins */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: {
    x: number;
    y: number;
    anchor: 'start' | 'middle' | 'end';
    /** the channel's name, in lines */
    name: string[];
    /** the unit's words that go on the value's line, and the lines after it */
    unitFirst: string;
    unitRest: string[];
  };
}

export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  /**
   * whether each arrow is labelled with its number only (on a narrow screen, where the channels'
   * names and values are listed under the chart)
   */
  numbered: boolean;
  nodes: PlacedNode[];
  arrows: PlacedArrow[];
}

/** A node's radius and an arrowhead's length, in the chart's units. */
export const RADIUS = 30;
const ARROW = 14;
/** The widest an arrow gets: labels sit clear of it, so they stay put as arrows grow. */
export const MAX_STROKE = 12;
/** The label text's size, as `.network-chart text` sets it, and a typical glyph's width. */
const FONT = 13;
const GLYPH = 0.58 * FONT;
const LINE = 1.2 * FONT;
/** the most characters on a line of a label; longer names and units go on to another line */
const WRAP = 24;
/** room between an arrow at its widest and its label */
const GAP = MAX_STROKE / 2 + 5;

const round = (x: number) => Math.round(x * 10) / 10;

/** An arrow's stroke width for a strength from 0 (none) to 1 (the channel's strongest). */
export const strokeWidth = (strength: number): number =>
  round(linear([0, 1], [1, MAX_STROKE])(Math.min(1, Math.max(0, strength))));

/** Words in lines of at most `max` characters (a longer word has a line of its own). */
export function wrap(text: string, max: number = WRAP): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const circleBox = (n: { x: number; y: number }, m: number): Box => ({
  x0: n.x - RADIUS - m,
  y0: n.y - RADIUS - m,
  x1: n.x + RADIUS + m,
  y1: n.y + RADIUS + m,
});

function segmentOf(a: { x: number; y: number }, b: { x: number; y: number }): Segment {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  return { x1: a.x + ux * RADIUS, y1: a.y + uy * RADIUS, x2: b.x - ux * RADIUS, y2: b.y - uy * RADIUS };
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** How many of 24 points along a segment at its widest fall in a box. */
function hits(box: Box, s: Segment): number {
  let n = 0;
  const pad = MAX_STROKE / 2;
  for (let i = 0; i <= 23; i++) {
    const x = s.x1 + ((s.x2 - s.x1) * i) / 23;
    const y = s.y1 + ((s.y2 - s.y1) * i) / 23;
    if (x > box.x0 - pad && x < box.x1 + pad && y > box.y0 - pad && y < box.y1 + pad) n++;
  }
  return n;
}

/** A node's name goes below it, or above it where fewer arrows cross. Returns the baseline offsets. */
function placeNames(
  nodes: { x: number; y: number; label: string }[],
  segments: Segment[],
  height: number,
  taken: Box[],
) {
  // With room around them, so that a label never reads as part of a node's name.
  const m = 8;
  return nodes.map((n) => {
    const w = n.label.length * GLYPH;
    const boxAt = (dy: number): Box => ({
      x0: n.x - w / 2 - m,
      y0: n.y + dy - 0.8 * FONT - m / 2,
      x1: n.x + w / 2 + m,
      y1: n.y + dy + 0.3 * FONT + m / 2,
    });
    const costAt = (dy: number) => {
      const box = boxAt(dy);
      const outside = box.y0 < 0 || box.y1 > height ? 1e6 : 0;
      const others = nodes.reduce((sum, o) => (o === n ? sum : sum + overlap(box, circleBox(o, m))), 0);
      return outside + others * 10 + segments.reduce((sum, sg) => sum + hits(box, sg), 0) * 400;
    };
    const dy = costAt(RADIUS + 14) <= costAt(-RADIUS - 6) ? RADIUS + 14 : -RADIUS - 6;
    taken.push(circleBox(n, m), boxAt(dy));
    return dy;
  });
}

/**
 * Places an arrow's label (its lines of text) beside the arrow, clear of the arrows at their
 * widest, the nodes, their names and the labels placed before it, and inside the chart: of a few
 * places along each side of the arrow, the one that overlaps least. Text is not measured (the
 * chart also renders without layout, in tests); its size is estimated from its length.
 */
function placeLabel(s: Segment, lines: string[], segments: Segment[], taken: Box[], width: number, height: number) {
  const m = 8;
  const cx = width / 2;
  const cy = height / 2;
  const inside = { x0: 0, y0: 0, x1: width, y1: height };
  const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
  const nx = -(s.y2 - s.y1) / len;
  const ny = (s.x2 - s.x1) / len;
  const w = Math.max(...lines.map((l) => l.length)) * GLYPH + 4;
  const h = 0.8 * FONT + LINE * (lines.length - 1) + 0.3 * FONT;
  let best: { cost: number; box: Box; x: number; y: number; anchor: 'start' | 'middle' | 'end' } | undefined;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const mx = s.x1 + (s.x2 - s.x1) * t;
    const my = s.y1 + (s.y2 - s.y1) * t;
    for (const side of [1, -1]) {
      const ex = nx * side;
      const ey = ny * side;
      const px = mx + ex * GAP;
      const py = my + ey * GAP;
      // The box grows away from the arrow: rightwards from a point right of it, and so on.
      const anchor = ex > 0.3 ? 'start' : ex < -0.3 ? 'end' : 'middle';
      const x0 = anchor === 'start' ? px : anchor === 'end' ? px - w : px - w / 2;
      const y0 = ey > 0.3 ? py : ey < -0.3 ? py - h : py - h / 2;
      const box = { x0, y0, x1: x0 + w, y1: y0 + h };
      let cost = (w * h - overlap(box, inside)) * 100;
      for (const b of taken) cost += overlap(box, b) * 10;
      // Text over an arrow stays readable on its white halo, so that costs less than over text.
      for (const other of segments) cost += hits(box, other) * 400;
      // All else equal: near the middle of the arrow, on the side away from the chart's centre.
      cost += Math.abs(t - 0.5) * 60 + ((mx - cx) * ex + (my - cy) * ey < 0 ? 25 : 0);
      if (!best || cost < best.cost) {
        const x = anchor === 'start' ? x0 : anchor === 'end' ? x0 + w : x0 + w / 2;
        best = { cost, box, x: round(x), y: round(y0 + 0.8 * FONT), anchor };
      }
    }
  }
  const { box } = best!;
  taken.push({ x0: box.x0 - m / 2, y0: box.y0 - m / 2, x1: box.x1 + m / 2, y1: box.y1 + m / 2 });
  return { x: best!.x, y: best!.y, anchor: best!.anchor };
}

/**
 * A channel's label in lines: its name, then its value followed by as much of its unit as fits
 * beside the widest value, then the rest of the unit.
 */
function linesOf(
  l: NetworkLink,
  number: string | undefined,
): { name: string[]; unitFirst: string; unitRest: string[]; sized: string[] } {
  if (number !== undefined) return { name: [number], unitFirst: '', unitRest: [], sized: [number] };
  const name = wrap(l.label);
  const value = l.widestValue ?? '0000';
  const [first = '', ...rest] = wrap(`${value} ${l.unit ?? ''}`.trim());
  return { name, unitFirst: first.slice(value.length).trim(), unitRest: rest, sized: [...name, first, ...rest] };
}

export function networkLayout(
  nodes: readonly NetworkNode[],
  links: readonly NetworkLink[],
  size: { width: number; height: number },
  options: { numbered?: boolean } = {},
): NetworkLayout {
  const { width, height } = size;
  const numbered = options.numbered ?? false;
  const pad = RADIUS + 8;
  const px = linear([0, 1], [pad, width - pad]);
  const py = linear([0, 1], [pad, height - pad]);
  const at = new Map(nodes.map((n) => [n.id, { x: px(n.x), y: py(n.y) }]));
  const drawn = links.flatMap((l, index) => {
    const from = at.get(l.from);
    const to = at.get(l.to);
    return from && to
      ? [{ link: l, index, segment: segmentOf(from, to), lines: linesOf(l, numbered ? String(index + 1) : undefined) }]
      : [];
  });
  const segments = drawn.map((d) => d.segment);
  const taken: Box[] = [];
  const names = placeNames(
    nodes.map((n) => ({ ...at.get(n.id)!, label: n.label })),
    segments,
    height,
    taken,
  );
  const arrows = drawn.map(({ link: l, index, segment: s, lines }) => {
    const place = placeLabel(s, lines.sized, segments, taken, width, height);
    // The line stops where the arrowhead, drawn by its marker, begins.
    const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
    return {
      id: `${l.from}-${l.to}`,
      index,
      x1: round(s.x1),
      y1: round(s.y1),
      x2: round(s.x2 - ((s.x2 - s.x1) / len) * ARROW),
      y2: round(s.y2 - ((s.y2 - s.y1) / len) * ARROW),
      label: { ...place, name: lines.name, unitFirst: lines.unitFirst, unitRest: lines.unitRest },
    };
  });
  return {
    width,
    height,
    radius: RADIUS,
    numbered,
    nodes: nodes.map((n, i) => ({ ...n, x: round(at.get(n.id)!.x), y: round(at.get(n.id)!.y), nameY: names[i]! })),
    arrows,
  };
}
