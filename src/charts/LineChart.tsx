/**
 * A time-series chart, drawn from its geometry (lineGeometry.ts): the value axis and its bands,
 * the shaded periods, the time axis, the likely ranges, the default lines, the lines, and the marks
 * at a focused month. It reads no store; width and height are the SVG's coordinate system and CSS
 * scales it. Focus follows the pointer, or the arrow keys, Home and End on the focused chart.
 */
import { memo, useId, type KeyboardEvent, type PointerEvent } from 'react';
import { nearestColumn, type LineChartFrame, type LineChartGeometry, type SeriesPath } from './lineGeometry.ts';

const CLIP_MARGIN = 3;

export interface LineChartProps {
  /** accessible name of the chart */
  name: string;
  geometry: LineChartGeometry;
  /** whether the likely ranges were drawn for earlier settings and are being updated */
  rangesUpdating?: boolean;
  /** index of the time point to mark and read out, if any */
  focus?: number | undefined;
  onFocus?: (index: number | undefined) => void;
  /** a story step's answer (and the guess made before it), marked at its month; markPlace gives the place */
  mark?: { x: number; y: number; guessY?: number; guessLabel: string } | undefined;
}

/**
 * The parts of a chart, each drawn again only when its own data change (a lever step changes the
 * lines, and leaves a fixed axis, the bands and the default lines as they were).
 */
const Backdrop = memo(function Backdrop({ frame }: { frame: LineChartFrame }) {
  const { plot } = frame;
  return (
    <>
      {frame.bands.map((b) => (
        <g key={b.label} className={`band tone-${b.tone}`}>
          <rect x={plot.left} y={b.y} width={plot.right - plot.left} height={b.height} />
          <text x={plot.right - 4} y={b.y + 12} textAnchor="end">
            {b.label}
          </text>
        </g>
      ))}
      <g className="axis axis-y">
        {frame.yTicks.map((t) => (
          <g key={t.label} transform={`translate(0,${t.y})`}>
            <line x1={plot.left} x2={plot.right} className="grid" />
            <text x={plot.left - 6} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
      </g>
    </>
  );
});

const Periods = memo(function Periods({
  periods,
  plot,
}: {
  periods: LineChartGeometry['periods'];
  plot: LineChartFrame['plot'];
}) {
  return periods.map((p, i) => (
    <g key={i} className="window">
      <rect x={p.x} y={plot.top} width={p.width} height={plot.bottom - plot.top} />
      <text x={p.x + 3} y={plot.top + 11}>
        {p.label}
      </text>
    </g>
  ));
});

const TimeAxis = memo(function TimeAxis({ frame }: { frame: LineChartFrame }) {
  const { plot } = frame;
  return (
    <g className="axis axis-x" transform={`translate(0,${plot.bottom})`}>
      <line x1={plot.left} x2={plot.right} className="domain" />
      {frame.xTicks.map((t) => (
        <g key={t.x} transform={`translate(${t.x},0)`}>
          <line y2={4} />
          <text y={16} textAnchor="middle">
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
});

/** Paths of one kind: the likely ranges (filled), the default lines or the lines (stroked). */
const Paths = memo(function Paths({ paths, kind }: { paths: SeriesPath[]; kind: 'range' | 'baseline' | 'series' }) {
  return paths.map((p) => (
    <path
      key={p.id}
      className={kind}
      {...(kind === 'range' ? { fill: p.color } : { stroke: p.color })}
      data-series={kind === 'series' ? p.id : `${p.id}-${kind}`}
      d={p.d}
    />
  ));
});

/**
 * A story step's answer: a line at its month and a dot on the line there; the guess as a ringed
 * dot at the same month, labelled. Decorative: the story panel says the same in words.
 */
function Mark({
  x,
  y,
  guessY,
  guessLabel,
  plot,
}: NonNullable<LineChartProps['mark']> & { plot: LineChartFrame['plot'] }) {
  // The label goes on the side with room for it.
  const before = x > (plot.left + plot.right) / 2;
  return (
    <g className="answer-mark" aria-hidden="true">
      <line x1={x} x2={x} y1={plot.top} y2={plot.bottom} />
      <circle className="answer-dot" cx={x} cy={y} r={5} />
      {guessY !== undefined && (
        <>
          <circle className="guess-dot" cx={x} cy={guessY} r={7} />
          <text x={before ? x - 11 : x + 11} y={guessY} dy="0.32em" textAnchor={before ? 'end' : 'start'}>
            {guessLabel}
          </text>
        </>
      )}
    </g>
  );
}

export const LineChart = memo(function LineChart({
  name,
  geometry: g,
  rangesUpdating,
  focus,
  onFocus,
  mark,
}: LineChartProps) {
  const clipId = useId();
  const { plot, width, height } = g.frame;
  const last = g.columns.length - 1;
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const sx = box.width > 0 ? ((e.clientX - box.left) / box.width) * width : 0;
    onFocus?.(nearestColumn(g, sx));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const current = focus ?? -1;
    const next: Record<string, number | undefined> = {
      ArrowRight: Math.min(last, current + 1),
      ArrowLeft: Math.max(0, current < 0 ? last : current - 1),
      Home: 0,
      End: last,
      Escape: undefined,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    onFocus?.(next[e.key]);
  };
  const column = focus === undefined ? undefined : g.columns[focus];
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={name}
      viewBox={`0 0 ${width} ${height}`}
      className="line-chart"
      tabIndex={0}
      onPointerMove={onFocus ? onPointerMove : undefined}
      onPointerLeave={onFocus ? () => onFocus(undefined) : undefined}
      onKeyDown={onFocus ? onKeyDown : undefined}
      onBlur={onFocus ? () => onFocus(undefined) : undefined}
    >
      <defs>
        <clipPath id={clipId}>
          {/* A few pixels past the plot, so a line along an edge (a count that stays at 0) shows whole. */}
          <rect
            x={plot.left}
            y={plot.top - CLIP_MARGIN}
            width={plot.right - plot.left}
            height={plot.bottom - plot.top + 2 * CLIP_MARGIN}
          />
        </clipPath>
      </defs>
      <Backdrop frame={g.frame} />
      <Periods periods={g.periods} plot={plot} />
      <TimeAxis frame={g.frame} />
      <g clipPath={`url(#${clipId})`} className={rangesUpdating ? 'lines updating' : 'lines'}>
        <Paths paths={g.ranges} kind="range" />
        <Paths paths={g.baselines} kind="baseline" />
        <Paths paths={g.lines} kind="series" />
      </g>
      {mark && <Mark {...mark} plot={plot} />}
      {column && (
        <g className="focus">
          <line x1={column.x} x2={column.x} y1={plot.top} y2={plot.bottom} />
          {g.lines.map((l, i) => (
            <circle key={l.id} cx={column.x} cy={column.ys[i]} r={3.5} fill={l.color} />
          ))}
        </g>
      )}
    </svg>
  );
});
