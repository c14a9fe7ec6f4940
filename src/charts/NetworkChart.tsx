/**
 * The leverage network: actors as nodes, channels as arrows whose width shows how strong each
 * channel is at the current settings. A function of its props only.
 */
import { scaleLinear } from 'd3-scale';
import { memo, useId } from 'react';

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
  /** the strength as text, with its unit */
  valueText: string;
  /** 0 (no pressure) to 1 (the strongest this channel gets over the scenario's lever ranges) */
  strength: number;
}

export interface NetworkChartProps {
  name: string;
  width: number;
  height: number;
  nodes: NetworkNode[];
  links: NetworkLink[];
}

const R = 30;
/** length of an arrowhead, in the chart's units */
const ARROW = 14;
const round = (x: number) => Math.round(x * 10) / 10;

/** One channel; redrawn only when its strength, label or value text changes. */
const Arrow = memo(
  function Arrow({
    link: l,
    ax,
    ay,
    bx,
    by,
    width: rawWidth,
    markerId,
    chartWidth: width,
  }: {
    link: NetworkLink;
    ax: number;
    ay: number;
    bx: number;
    by: number;
    width: number;
    markerId: string;
    chartWidth: number;
  }) {
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const x1 = round(ax + ux * R);
    const y1 = round(ay + uy * R);
    const x2 = round(bx - ux * (R + ARROW));
    const y2 = round(by - uy * (R + ARROW));
    const w = round(rawWidth);
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    let label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
    // Labels go beside the arrow, on the outer side of the chart where arrows converge less:
    // above a level arrow, right of an upright one, above-left or below-right of a slanted one.
    if (Math.abs(uy) < 0.35) label = { x: mx, y: my - w / 2 - 22, anchor: 'middle' };
    else if (Math.abs(ux) < 0.35) label = { x: mx + w / 2 + 8, y: my - 8, anchor: 'start' };
    else if (mx < width / 2) label = { x: mx - (w / 2 + 10), y: my - (w / 2 + 14), anchor: 'end' };
    else label = { x: mx + (w / 2 + 10), y: my + w / 2 + 4, anchor: 'start' };
    return (
      <g className={`link${l.strength <= 0 ? ' idle' : ''}`} data-link={`${l.from}-${l.to}`}>
        <line x1={x1} y1={y1} x2={x2} y2={y2} strokeWidth={w} markerEnd={`url(#${markerId})`} />
        <text x={round(label.x)} y={round(label.y)} textAnchor={label.anchor}>
          <tspan className="link-label">{l.label}</tspan>
          <tspan x={round(label.x)} dy="1.2em" className="link-value">
            {l.valueText}
          </tspan>
        </text>
      </g>
    );
  },
  (a, b) =>
    a.link.label === b.link.label &&
    a.link.valueText === b.link.valueText &&
    a.link.strength === b.link.strength &&
    a.width === b.width &&
    a.ax === b.ax &&
    a.ay === b.ay &&
    a.bx === b.bx &&
    a.by === b.by &&
    a.markerId === b.markerId &&
    a.chartWidth === b.chartWidth,
);

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

export function NetworkChart({ name, width, height, nodes, links }: NetworkChartProps) {
  const markerId = useId();
  const pad = R + 8;
  const px = scaleLinear()
    .domain([0, 1])
    .range([pad, width - pad]);
  const py = scaleLinear()
    .domain([0, 1])
    .range([pad, height - pad]);
  const stroke = scaleLinear().domain([0, 1]).range([1, 12]).clamp(true);
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
      {links.map((l) => {
        const a = at.get(l.from);
        const b = at.get(l.to);
        return a && b ? (
          <Arrow
            key={`${l.from}-${l.to}`}
            link={l}
            ax={a.x}
            ay={a.y}
            bx={b.x}
            by={b.y}
            width={stroke(l.strength)}
            markerId={markerId}
            chartWidth={width}
          />
        ) : null;
      })}
      <Nodes nodes={nodes} at={at} size={`${width}x${height}`} />
    </svg>
  );
}
