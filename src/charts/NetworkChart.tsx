/**
 * The leverage network: actors as nodes, channels as arrows whose width shows how strong each
 * channel is at the current settings. It does not read the store: the strengths come in as a
 * `Live` prop and are written to the arrows without a React render (see live.ts).
 */
import { scaleLinear } from 'd3-scale';
import { memo, useId, useRef } from 'react';
import { sameFields, useLiveEffect, writeAttr, writeText, type Live } from './live.ts';

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

/** How strong a channel is at the current settings. */
export interface LinkStrength {
  /** 0 (no pressure) to 1 (the strongest this channel gets over the scenario's lever ranges) */
  strength: number;
  /** the value as text, without its unit */
  value: string;
}

export interface NetworkChartProps {
  name: string;
  width: number;
  height: number;
  nodes: NetworkNode[];
  links: NetworkLink[];
  /** one per link, in the same order */
  strengths: Live<readonly LinkStrength[]>;
}

const R = 30;
/** length of an arrowhead, in the chart's units */
const ARROW = 14;
const round = (x: number) => Math.round(x * 10) / 10;

/** The widest an arrow gets: labels sit clear of it, so they stay put as arrows grow. */
const MAX_STROKE = 12;
const stroke = scaleLinear().domain([0, 1]).range([1, MAX_STROKE]).clamp(true);

/** The label text's size, as `.network-chart text` sets it, and a typical glyph's width. */
const FONT = 13;
const GLYPH = 0.58 * FONT;
const LINE = 1.2 * FONT;
/** the most characters on a line of a label; longer names and units go on to another line */
const WRAP = 24;

/** Words in lines of at most `max` characters (a longer word has a line of its own). */
function wrap(text: string, max: number = WRAP): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** room between an arrow at its widest and its label */
const GAP = MAX_STROKE / 2 + 5;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Anchor = 'start' | 'middle' | 'end';

/** A node's circle, with a margin. */
const circleBox = (n: { x: number; y: number }, m: number): Box => ({
  x0: n.x - R - m,
  y0: n.y - R - m,
  x1: n.x + R + m,
  y1: n.y + R + m,
});

/** Where an arrow's label goes: its first line's baseline and how the text is anchored there. */
interface LabelPlace {
  x: number;
  y: number;
  anchor: Anchor;
}

/** The drawn part of an arrow: from the edge of one node to the tip of its head at the other. */
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function segmentOf(a: { x: number; y: number }, b: { x: number; y: number }): Segment {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  return { x1: a.x + ux * R, y1: a.y + uy * R, x2: b.x - ux * R, y2: b.y - uy * R };
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

/**
 * Places every arrow's label (its name, then its value at the largest it gets, with its unit)
 * beside its arrow, clear of the arrows at their widest, the nodes, their names and the labels
 * placed before it, and inside the chart: of a few places along each side of the arrow, the one
 * that overlaps least. Text is not measured (the chart also renders without layout, in tests);
 * its size is estimated from its length, with room to spare. The places do not depend on the
 * levers, so labels never jump while a slider moves.
 */
function placeLabels(
  nodes: { x: number; y: number; label: string }[],
  arrows: { segment: Segment; lines: string[] }[],
  width: number,
  height: number,
): { names: number[]; labels: LabelPlace[] } {
  const segments = arrows.map((a) => a.segment);
  // With room around them, so that a label never reads as part of a node's name.
  const m = 8;
  const taken: Box[] = [];
  // A node's name goes below it, or above it where fewer arrows cross there. (Beside a node, a
  // name would take the room the arrows' labels need.) The value is the baseline's offset.
  const names = nodes.map((n) => {
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
    const dy = costAt(R + 14) <= costAt(-R - 6) ? R + 14 : -R - 6;
    taken.push(circleBox(n, m), boxAt(dy));
    return dy;
  });
  const cx = width / 2;
  const cy = height / 2;
  const inside = { x0: 0, y0: 0, x1: width, y1: height };
  const labels = arrows.map((a, i) => {
    const s = segments[i]!;
    const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
    const nx = -(s.y2 - s.y1) / len;
    const ny = (s.x2 - s.x1) / len;
    const w = Math.max(...a.lines.map((l) => l.length)) * GLYPH + 4;
    const h = 0.8 * FONT + LINE * (a.lines.length - 1) + 0.3 * FONT;
    let best: { cost: number; place: LabelPlace; box: Box } | undefined;
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const mx = s.x1 + (s.x2 - s.x1) * t;
      const my = s.y1 + (s.y2 - s.y1) * t;
      for (const side of [1, -1]) {
        const ex = nx * side;
        const ey = ny * side;
        const px = mx + ex * GAP;
        const py = my + ey * GAP;
        // The box grows away from the arrow: rightwards from a point right of it, and so on.
        const anchor: Anchor = ex > 0.3 ? 'start' : ex < -0.3 ? 'end' : 'middle';
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
          best = { cost, box, place: { x: round(x), y: round(y0 + 0.8 * FONT), anchor } };
        }
      }
    }
    const { box } = best!;
    taken.push({ x0: box.x0 - m / 2, y0: box.y0 - m / 2, x1: box.x1 + m / 2, y1: box.y1 + m / 2 });
    return best!.place;
  });
  return { names, labels };
}

/**
 * A channel's label in lines: its name, then its value followed by as much of its unit as fits
 * beside the widest value, then the rest of the unit.
 */
function linesOf(l: NetworkLink): { name: string[]; unit: string[]; sized: string[] } {
  const name = wrap(l.label);
  const value = l.widestValue ?? '0000';
  const [first = '', ...rest] = wrap(`${value} ${l.unit ?? ''}`.trim());
  const unit = [first.slice(value.length).trim(), ...rest];
  return { name, unit, sized: [...name, first, ...rest] };
}

/** One channel: React draws it once; its width and value follow the levers. */
const Arrow = memo(function Arrow({
  link: l,
  index,
  strengths,
  segment: s,
  name,
  unit,
  markerId,
  label,
}: {
  link: NetworkLink;
  index: number;
  strengths: Live<readonly LinkStrength[]>;
  segment: Segment;
  name: string[];
  unit: string[];
  markerId: string;
  label: LabelPlace;
}) {
  const group = useRef<SVGGElement>(null);
  const line = useRef<SVGLineElement>(null);
  const value = useRef<SVGTSpanElement>(null);
  // The line stops where the arrowhead, drawn by its marker, begins.
  const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
  const x2 = round(s.x2 - ((s.x2 - s.x1) / len) * ARROW);
  const y2 = round(s.y2 - ((s.y2 - s.y1) / len) * ARROW);
  useLiveEffect(
    strengths,
    (all) => all[index] ?? { strength: 0, value: '' },
    (v) => {
      writeAttr(group.current, 'class', v.strength <= 0 ? 'link idle' : 'link');
      writeAttr(line.current, 'stroke-width', String(round(stroke(v.strength))));
      writeText(value.current, v.value);
    },
    sameFields,
  );
  return (
    <g ref={group} data-link={`${l.from}-${l.to}`}>
      <line ref={line} x1={round(s.x1)} y1={round(s.y1)} x2={x2} y2={y2} markerEnd={`url(#${markerId})`} />
      <text x={label.x} y={label.y} textAnchor={label.anchor}>
        {name.map((text, k) => (
          <tspan key={k} x={label.x} dy={k ? '1.2em' : undefined} className="link-label">
            {text}
          </tspan>
        ))}
        {/* The value is written as the levers move; its unit stays. */}
        <tspan x={label.x} dy="1.2em">
          <tspan ref={value} className="link-value" />
          {unit[0] ? ` ${unit[0]}` : ''}
        </tspan>
        {unit.slice(1).map((text, k) => (
          <tspan key={k} x={label.x} dy="1.2em">
            {text}
          </tspan>
        ))}
      </text>
    </g>
  );
});

/** The actors, each named below or above: they do not move when levers do. */
function Nodes({
  nodes,
  at,
  names,
}: {
  nodes: NetworkNode[];
  at: Map<string, { x: number; y: number }>;
  names: number[];
}) {
  return (
    <>
      {nodes.map((n, i) => {
        const p = at.get(n.id)!;
        return (
          <g key={n.id} className="node" transform={`translate(${round(p.x)},${round(p.y)})`} data-node={n.id}>
            <circle r={R} fill={n.color} />
            <text y={names[i]} textAnchor="middle">
              {n.label}
            </text>
          </g>
        );
      })}
    </>
  );
}

export function NetworkChart({ name, width, height, nodes, links, strengths }: NetworkChartProps) {
  const markerId = useId();
  const pad = R + 8;
  const px = scaleLinear()
    .domain([0, 1])
    .range([pad, width - pad]);
  const py = scaleLinear()
    .domain([0, 1])
    .range([pad, height - pad]);
  const at = new Map(nodes.map((n) => [n.id, { x: px(n.x), y: py(n.y) }]));
  const drawn = links.flatMap((l, i) => {
    const from = at.get(l.from);
    const to = at.get(l.to);
    return from && to ? [{ link: l, index: i, segment: segmentOf(from, to), lines: linesOf(l) }] : [];
  });
  const { names, labels: places } = placeLabels(
    nodes.map((n) => ({ ...at.get(n.id)!, label: n.label })),
    drawn.map(({ segment, lines }) => ({ segment, lines: lines.sized })),
    width,
    height,
  );
  return (
    <svg role="img" aria-label={name} viewBox={`0 0 ${width} ${height}`} className="network-chart">
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="4"
          markerHeight="4"
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10z" className="arrowhead" />
        </marker>
      </defs>
      {drawn.map(({ link: l, index, segment, lines }, k) => (
        <Arrow
          key={`${l.from}-${l.to}`}
          link={l}
          index={index}
          strengths={strengths}
          segment={segment}
          name={lines.name}
          unit={lines.unit}
          markerId={markerId}
          label={places[k]!}
        />
      ))}
      <Nodes nodes={nodes} at={at} names={names} />
    </svg>
  );
}
