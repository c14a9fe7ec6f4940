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
}

/** How strong a channel is at the current settings. */
export interface LinkStrength {
  /** 0 (no pressure) to 1 (the strongest this channel gets over the scenario's lever ranges) */
  strength: number;
  /** the strength as text, with its unit */
  valueText: string;
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

/** Where an arrow's label goes, beside an arrow of stroke width `w`. */
function labelAt(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  ux: number,
  uy: number,
  w: number,
  width: number,
): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  // Labels go beside the arrow, on the outer side of the chart where arrows converge less:
  // above a level arrow, right of an upright one, above-left or below-right of a slanted one.
  if (Math.abs(uy) < 0.35) return { x: round(mx), y: round(my - w / 2 - 22), anchor: 'middle' };
  if (Math.abs(ux) < 0.35) return { x: round(mx + w / 2 + 8), y: round(my - 8), anchor: 'start' };
  if (mx < width / 2) return { x: round(mx - (w / 2 + 10)), y: round(my - (w / 2 + 14)), anchor: 'end' };
  return { x: round(mx + (w / 2 + 10)), y: round(my + w / 2 + 4), anchor: 'start' };
}

/** One channel: React draws it once; its width and value follow the levers. */
const Arrow = memo(function Arrow({
  link: l,
  index,
  strengths,
  ax,
  ay,
  bx,
  by,
  markerId,
  chartWidth,
}: {
  link: NetworkLink;
  index: number;
  strengths: Live<readonly LinkStrength[]>;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  markerId: string;
  chartWidth: number;
}) {
  const group = useRef<SVGGElement>(null);
  const line = useRef<SVGLineElement>(null);
  const value = useRef<SVGTSpanElement>(null);
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const x1 = round(ax + ux * R);
  const y1 = round(ay + uy * R);
  const x2 = round(bx - ux * (R + ARROW));
  const y2 = round(by - uy * (R + ARROW));
  const label = labelAt(x1, y1, x2, y2, ux, uy, MAX_STROKE, chartWidth);
  useLiveEffect(
    strengths,
    (all) => all[index] ?? { strength: 0, valueText: '' },
    (v) => {
      writeAttr(group.current, 'class', v.strength <= 0 ? 'link idle' : 'link');
      writeAttr(line.current, 'stroke-width', String(round(stroke(v.strength))));
      writeText(value.current, v.valueText);
    },
    sameFields,
  );
  return (
    <g ref={group} data-link={`${l.from}-${l.to}`}>
      <line ref={line} x1={x1} y1={y1} x2={x2} y2={y2} markerEnd={`url(#${markerId})`} />
      <text x={label.x} y={label.y} textAnchor={label.anchor}>
        <tspan className="link-label">{l.label}</tspan>
        <tspan ref={value} x={label.x} dy="1.2em" className="link-value" />
      </text>
    </g>
  );
});

/** The actors: they do not move when levers do. */
const Nodes = memo(
  function Nodes({ nodes, at }: { nodes: NetworkNode[]; at: Map<string, { x: number; y: number }>; size: string }) {
    return (
      <>
        {nodes.map((n) => {
          const p = at.get(n.id)!;
          return (
            <g key={n.id} className="node" transform={`translate(${round(p.x)},${round(p.y)})`} data-node={n.id}>
              <circle r={R} fill={n.color} />
              <text y={R + 14} textAnchor="middle">
                {n.label}
              </text>
            </g>
          );
        })}
      </>
    );
  },
  (a, b) => a.nodes === b.nodes && a.size === b.size,
);

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
      {links.map((l, i) => {
        const a = at.get(l.from);
        const b = at.get(l.to);
        return a && b ? (
          <Arrow
            key={`${l.from}-${l.to}`}
            link={l}
            index={i}
            strengths={strengths}
            ax={a.x}
            ay={a.y}
            bx={b.x}
            by={b.y}
            markerId={markerId}
            chartWidth={width}
          />
        ) : null;
      })}
      <Nodes nodes={nodes} at={at} size={`${width}x${height}`} />
    </svg>
  );
}
