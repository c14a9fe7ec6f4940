/**
 * A time-series chart: d3 computes the scales and the paths, React renders the SVG. A function of
 * its props only (no store). Width and height are the SVG's coordinate system; CSS scales it.
 */
import { nice } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { memo, useId, type KeyboardEvent, type PointerEvent } from 'react';

export interface ChartSeries {
  id: string;
  label: string;
  color: string;
  values: ArrayLike<number>;
  /** the same series at the scenario's defaults, drawn faint and dashed */
  baseline?: ArrayLike<number>;
}

export interface ChartBand {
  from: number;
  to: number;
  tone: 'bad' | 'warn' | 'good' | 'neutral';
  label: string;
}

export interface ChartWindow {
  from: number;
  to: number;
  label: string;
}

export interface LineChartProps {
  /** accessible name of the chart */
  name: string;
  unit: string;
  width: number;
  height: number;
  times: ArrayLike<number>;
  timeLabel: (t: number) => string;
  series: ChartSeries[];
  formatValue: (v: number) => string;
  /** periods to shade on the time axis (e.g. a border closure) */
  windows?: ChartWindow[];
  /** value bands drawn behind the lines (e.g. fragile, stable) */
  bands?: ChartBand[];
  min?: number;
  max?: number;
  /** index of the time point to read out, if any */
  focus?: number | undefined;
  onFocus?: (index: number | undefined) => void;
}

const MARGIN = { top: 14, right: 22, bottom: 30, left: 58 };
const round = (x: number) => Math.round(x * 10) / 10;

function extent(series: ChartSeries[], min?: number, max?: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const arr of [s.values, s.baseline]) {
      if (!arr) continue;
      for (let i = 0; i < arr.length; i++) {
        const v = arr[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  lo = min ?? lo;
  hi = max ?? hi;
  if (hi - lo < 1e-9) hi = lo + (Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1);
  return [lo, hi];
}

interface FrameProps {
  width: number;
  height: number;
  yLo: number;
  yHi: number;
  bands: ChartBand[] | undefined;
}

/** Bands and the value axis: redrawn only when the value domain changes. */
const Frame = memo(
  function Frame({ width, height, yLo, yHi, bands, formatValue }: FrameProps & { formatValue: (v: number) => string }) {
    const y = scaleLinear()
      .domain([yLo, yHi])
      .range([height - MARGIN.bottom, MARGIN.top]);
    return (
      <>
        {bands?.map((b) => {
          const top = round(y(Math.min(b.to, yHi)));
          const bottom = round(y(Math.max(b.from, yLo)));
          return bottom > top ? (
            <g key={b.label} className={`band tone-${b.tone}`}>
              <rect x={MARGIN.left} y={top} width={width - MARGIN.left - MARGIN.right} height={round(bottom - top)} />
              <text x={width - MARGIN.right - 4} y={top + 12} textAnchor="end">
                {b.label}
              </text>
            </g>
          ) : null;
        })}
        <g className="axis axis-y">
          {y.ticks(5).map((v, i) => (
            <g key={i} transform={`translate(0,${round(y(v))})`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} className="grid" />
              <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end">
                {formatValue(v)}
              </text>
            </g>
          ))}
        </g>
      </>
    );
  },
  (a, b) =>
    a.width === b.width &&
    a.height === b.height &&
    a.yLo === b.yLo &&
    a.yHi === b.yHi &&
    a.formatValue === b.formatValue &&
    a.bands === b.bands,
);

/** Shaded periods on the time axis: redrawn only when a period changes. */
const Windows = memo(
  function Windows({
    windows,
    x0,
    x1,
    height,
    width,
  }: {
    windows: ChartWindow[] | undefined;
    x0: number;
    x1: number;
    height: number;
    width: number;
  }) {
    const x = scaleLinear()
      .domain([x0, x1])
      .range([MARGIN.left, width - MARGIN.right]);
    return (
      <>
        {windows?.map((w, i) => (
          <g key={i} className="window">
            <rect
              x={round(x(w.from))}
              y={MARGIN.top}
              width={Math.max(1, round(x(w.to) - x(w.from)))}
              height={height - MARGIN.top - MARGIN.bottom}
            />
            <text x={round(x(w.from)) + 3} y={MARGIN.top + 11}>
              {w.label}
            </text>
          </g>
        ))}
      </>
    );
  },
  (a, b) =>
    sameWindows(a.windows, b.windows) && a.x0 === b.x0 && a.x1 === b.x1 && a.height === b.height && a.width === b.width,
);

function sameWindows(a: ChartWindow[] | undefined, b: ChartWindow[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((w, i) => w.from === b[i]!.from && w.to === b[i]!.to && w.label === b[i]!.label);
}

/** The time axis: redrawn only when the horizon, the size or the labels change. */
const TimeAxis = memo(function TimeAxis({
  t0,
  t1,
  width,
  height,
  timeLabel,
}: {
  t0: number;
  t1: number;
  width: number;
  height: number;
  timeLabel: (t: number) => string;
}) {
  const x = scaleLinear()
    .domain([t0, t1 > t0 ? t1 : t0 + 1])
    .range([MARGIN.left, width - MARGIN.right]);
  // Ticks on whole periods: every 6 steps for two years, wider for longer horizons.
  const span = t1 - t0;
  const every = span > 120 ? 24 : span > 48 ? 12 : 6;
  const ticks: number[] = [];
  for (let t = Math.ceil(t0 / every) * every; t <= t1 + 1e-9; t += every) ticks.push(t);
  return (
    <g className="axis axis-x" transform={`translate(0,${height - MARGIN.bottom})`}>
      <line x1={MARGIN.left} x2={width - MARGIN.right} className="domain" />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${round(x(t))},0)`}>
          <line y2={4} />
          <text y={16} textAnchor="middle">
            {timeLabel(t)}
          </text>
        </g>
      ))}
    </g>
  );
});

/** A series' path: recomputed only when its values or the scales change (a baseline rarely does). */
const SeriesPath = memo(function SeriesPath({
  values,
  times,
  ax,
  bx,
  ay,
  by,
  className,
  color,
  id,
}: {
  values: ArrayLike<number>;
  times: ArrayLike<number>;
  /** the scales as straight lines: px = ax * t + bx, py = ay * v + by */
  ax: number;
  bx: number;
  ay: number;
  by: number;
  className: string;
  color: string;
  id: string;
}) {
  let d = '';
  for (let i = 0; i < times.length; i++)
    d += `${i ? 'L' : 'M'}${round(ax * times[i]! + bx)},${round(ay * values[i]! + by)}`;
  return <path className={className} d={d} stroke={color} data-series={id} />;
});

export function LineChart(props: LineChartProps) {
  const { width, height, times, series, focus, onFocus } = props;
  const clipId = useId();
  const n = times.length;
  const t0 = times[0] ?? 0;
  const t1 = Math.max(times[n - 1] ?? 1, t0 + 1);
  // The scales are straight lines; d3 makes the value domain "nice" (round ticks). Plain numbers
  // here keep the memoised parts below from redrawing when nothing they show has changed.
  let [yLo, yHi] = extent(series, props.min, props.max);
  if (props.min === undefined || props.max === undefined) [yLo, yHi] = nice(yLo, yHi, 5);
  const ax = (width - MARGIN.right - MARGIN.left) / (t1 - t0);
  const bx = MARGIN.left - ax * t0;
  const ay = (MARGIN.top - (height - MARGIN.bottom)) / (yHi - yLo);
  const by = height - MARGIN.bottom - ay * yLo;
  const x = { invert: (px: number) => (px - bx) / ax };
  // Spread as separate numbers, so a path is redrawn only when one of them really changes.
  const mapping = { times, ax, bx, ay, by };

  const indexAt = (clientX: number, target: SVGSVGElement) => {
    const box = target.getBoundingClientRect();
    const sx = box.width > 0 ? ((clientX - box.left) / box.width) * width : 0;
    const t = x.invert(sx);
    let best = 0;
    for (let i = 1; i < n; i++) if (Math.abs(times[i]! - t) < Math.abs(times[best]! - t)) best = i;
    return best;
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => onFocus?.(indexAt(e.clientX, e.currentTarget));
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const last = n - 1;
    const current = focus ?? -1;
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = Math.min(last, current + 1);
    else if (e.key === 'ArrowLeft') next = Math.max(0, current < 0 ? last : current - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'Escape') next = undefined;
    else return;
    e.preventDefault();
    onFocus?.(next);
  };

  const fx = focus !== undefined && focus >= 0 && focus < n ? round(ax * times[focus]! + bx) : undefined;
  return (
    <svg
      role="img"
      aria-label={props.name}
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
          <rect
            x={MARGIN.left}
            y={MARGIN.top}
            width={width - MARGIN.left - MARGIN.right}
            height={height - MARGIN.top - MARGIN.bottom}
          />
        </clipPath>
      </defs>
      <Frame width={width} height={height} yLo={yLo} yHi={yHi} bands={props.bands} formatValue={props.formatValue} />
      <Windows windows={props.windows} x0={t0} x1={t1} width={width} height={height} />
      <TimeAxis t0={t0} t1={t1} width={width} height={height} timeLabel={props.timeLabel} />
      <g clipPath={`url(#${clipId})`}>
        {series.map((s) =>
          s.baseline ? (
            <SeriesPath
              key={`${s.id}-baseline`}
              id={`${s.id}-baseline`}
              className="baseline"
              values={s.baseline}
              color={s.color}
              {...mapping}
            />
          ) : null,
        )}
        {series.map((s) => (
          <SeriesPath key={s.id} id={s.id} className="series" values={s.values} color={s.color} {...mapping} />
        ))}
      </g>
      {fx !== undefined && (
        <g className="focus">
          <line x1={fx} x2={fx} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          {series.map((s) => (
            <circle key={s.id} cx={fx} cy={round(ay * s.values[focus!]! + by)} r={3.5} fill={s.color} />
          ))}
        </g>
      )}
    </svg>
  );
}
