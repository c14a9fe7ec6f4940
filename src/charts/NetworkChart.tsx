/**
 * The leverage network, drawn from its layout (networkLayout.ts): actors as nodes, channels as
 * arrows whose width shows how strong each channel is at the current settings, each labelled with
 * its name and value (or, in a numbered layout, its number).
 */
import { memo, useId } from 'react';
import { strokeWidth, type NetworkLayout, type PlacedArrow, type PlacedNode } from './networkLayout.ts';

/** How strong a channel is at the current settings. */
export interface LinkStrength {
  /** 0 (no pressure) to 1 (the strongest this channel gets over the scenario's lever ranges) */
  strength: number;
  /** the value as text, without its unit */
  value: string;
}

export interface NetworkChartProps {
  name: string;
  layout: NetworkLayout;
  /** one per link given to the layout, in the same order */
  strengths: readonly LinkStrength[];
}

/** One channel: its arrow, as wide as it is strong, and its label. Drawn again only when they change. */
const Arrow = memo(function Arrow({
  arrow: a,
  strength,
  value,
  numbered,
  markerId,
}: {
  arrow: PlacedArrow;
  strength: number;
  value: string;
  numbered: boolean;
  markerId: string;
}) {
  const { label } = a;
  return (
    <g data-link={a.id} className={strength <= 0 ? 'link idle' : 'link'}>
      <line
        x1={a.x1}
        y1={a.y1}
        x2={a.x2}
        y2={a.y2}
        markerEnd={`url(#${markerId})`}
        strokeWidth={strokeWidth(strength)}
      />
      <text x={label.x} y={label.y} textAnchor={label.anchor}>
        {label.name.map((text, k) => (
          <tspan key={k} x={label.x} dy={k ? '1.2em' : undefined} className="link-label">
            {text}
          </tspan>
        ))}
        {!numbered && (
          <tspan x={label.x} dy="1.2em">
            <tspan className="link-value">{value}</tspan>
            {label.unitFirst ? ` ${label.unitFirst}` : ''}
          </tspan>
        )}
        {label.unitRest.map((text, k) => (
          <tspan key={k} x={label.x} dy="1.2em">
            {text}
          </tspan>
        ))}
      </text>
    </g>
  );
});

const Nodes = memo(function Nodes({ nodes, radius }: { nodes: PlacedNode[]; radius: number }) {
  return nodes.map((n) => (
    <g key={n.id} className="node" transform={`translate(${n.x},${n.y})`} data-node={n.id}>
      <circle r={radius} fill={n.color} />
      <text y={n.nameY} textAnchor="middle">
        {n.label}
      </text>
    </g>
  ));
});

export const NetworkChart = memo(function NetworkChart({ name, layout, strengths }: NetworkChartProps) {
  const markerId = useId();
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={name}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className={layout.numbered ? 'network-chart numbered' : 'network-chart'}
      tabIndex={0}
    >
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
      {layout.arrows.map((a) => (
        <Arrow
          key={a.id}
          arrow={a}
          strength={strengths[a.index]?.strength ?? 0}
          value={strengths[a.index]?.value ?? ''}
          numbered={layout.numbered}
          markerId={markerId}
        />
      ))}
      <Nodes nodes={layout.nodes} radius={layout.radius} />
    </svg>
  );
});
