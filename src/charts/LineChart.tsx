/**
 * A time-series chart: d3 computes the scales and the paths, React renders the SVG. It does not
 * read the store: the lines' values come in as a `Live` prop, and what moves with the levers (the
 * paths, the shaded periods, the value axis and bands) is written from that subscription without
 * a React render. React renders the chart again only when its time span, its lines or its shaded
 * periods' labels change. Width and height are the SVG's coordinate system; CSS scales it.
 */
import { nice } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import { memo, useId, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { sameFields, sameItems, useLiveEffect, useLiveSelect, writeAttr, writeText, type Live } from './live.ts';

/** How a line looks; its values are in `ChartData`. */
export interface ChartLine {
  id: string;
  label: string;
  color: string;
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

/** What the chart draws at the current settings. */
export interface ChartData {
  times: ArrayLike<number>;
  /** one array per line, in the order of the `lines` prop */
  values: readonly ArrayLike<number>[];
  /** the same lines at the scenario's defaults, drawn faint and dashed */
  baselines?: readonly (ArrayLike<number> | undefined)[];
  /** periods to shade on the time axis (e.g. a border closure) */
  windows?: readonly ChartWindow[];
  /** per line, the likely range around it (the 10th to 90th percentile of the Monte Carlo runs) */
  ranges?: readonly (ChartRange | undefined)[];
  /** whether the ranges were drawn for earlier settings and are being updated */
  rangesUpdating?: boolean;
}

export interface ChartRange {
  low: ArrayLike<number>;
  high: ArrayLike<number>;
}

export interface LineChartProps {
  /** accessible name of the chart */
  name: string;
  unit: string;
  width: number;
  height: number;
  timeLabel: (t: number) => string;
  lines: ChartLine[];
  data: Live<ChartData>;
  /** a value as text, with the given number of decimals (the same for every tick of an axis) */
  formatValue: (v: number, decimals: number) => string;
  /** value bands drawn behind the lines (e.g. fragile, stable) */
  bands?: ChartBand[];
  min?: number;
  max?: number;
  /** how many shaded periods to have ready, so that one appearing with a lever step draws at once */
  windowSlots?: number;
  /** index of the time point to read out, if any */
  focus?: number | undefined;
  onFocus?: (index: number | undefined) => void;
}

const MARGIN = { top: 14, right: 22, bottom: 30, left: 58 };
const round = (x: number) => Math.round(x * 10) / 10;

function extent(data: ChartData, min?: number, max?: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const ranges = (data.ranges ?? []).flatMap((r) => (r ? [r.low, r.high] : []));
  for (const arr of [...data.values, ...(data.baselines ?? []), ...ranges]) {
    if (!arr) continue;
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  lo = min ?? lo;
  hi = max ?? hi;
  if (hi - lo < 1e-9) hi = lo + (Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1);
  return [lo, hi];
}

/** The scales as straight lines: px = ax * t + bx, py = ay * v + by. */
interface Layout {
  t0: number;
  t1: number;
  yLo: number;
  yHi: number;
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

/**
 * The scales of one drawing of the chart. d3 makes the value domain "nice" (round ticks); plain
 * numbers let the parts below tell whether anything they show has changed.
 */
function layoutOf(data: ChartData, width: number, height: number, min?: number, max?: number): Layout {
  const { times } = data;
  const n = times.length;
  const t0 = times[0] ?? 0;
  const t1 = Math.max(times[n - 1] ?? 1, t0 + 1);
  let [yLo, yHi] = extent(data, min, max);
  if (min === undefined || max === undefined) [yLo, yHi] = nice(yLo, yHi, 5);
  const ax = (width - MARGIN.right - MARGIN.left) / (t1 - t0);
  const ay = (MARGIN.top - (height - MARGIN.bottom)) / (yHi - yLo);
  return { t0, t1, yLo, yHi, ax, bx: MARGIN.left - ax * t0, ay, by: height - MARGIN.bottom - ay * yLo };
}

/** `layoutOf` for one size and domain, computed once per data object. */
function scalesFor(width: number, height: number, min?: number, max?: number): (data: ChartData) => Layout {
  const cache = new WeakMap<ChartData, Layout>();
  return (data) => {
    let layout = cache.get(data);
    if (!layout) {
      layout = layoutOf(data, width, height, min, max);
      cache.set(data, layout);
    }
    return layout;
  };
}

/** `String(round(x))` from integer arithmetic, which is several times faster for a path's numbers. */
function tenths(x: number): string {
  const k = Math.round(x * 10);
  const a = k < 0 ? -k : k;
  const whole = Math.floor(a / 10);
  const frac = a - whole * 10;
  return `${k < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

const prefixCache = new WeakMap<object, { ax: number; bx: number; prefixes: string[] }>();

/** "M58," "L76.3," …: the x part of every point, the same for all lines of a chart. */
function prefixesOf(times: ArrayLike<number>, l: Layout): string[] {
  const hit = prefixCache.get(times);
  if (hit && hit.ax === l.ax && hit.bx === l.bx) return hit.prefixes;
  const prefixes = Array.from(times, (t, i) => `${i ? 'L' : 'M'}${tenths(l.ax * t + l.bx)},`);
  prefixCache.set(times, { ax: l.ax, bx: l.bx, prefixes });
  return prefixes;
}

const pathCache = new WeakMap<object, { times: ArrayLike<number>; layout: Layout; d: string }>();

/** The `d` of a line; a baseline's is computed again only when the scales change. */
function pathOf(times: ArrayLike<number>, values: ArrayLike<number> | undefined, l: Layout): string {
  if (!values) return '';
  const hit = pathCache.get(values);
  if (hit && hit.times === times && sameFields(hit.layout, l)) return hit.d;
  const prefixes = prefixesOf(times, l);
  let d = '';
  for (let i = 0; i < prefixes.length; i++) d += prefixes[i]! + tenths(l.ay * values[i]! + l.by);
  pathCache.set(values, { times, layout: l, d });
  return d;
}

type Scales = (data: ChartData) => Layout;

/** The `d` of a likely range: the area between its low and high lines (d3-shape). */
function rangePath(times: ArrayLike<number>, range: ChartRange | undefined, l: Layout): string {
  if (!range || range.low.length !== times.length) return '';
  const shape = area<number>()
    .x((i) => l.ax * times[i]! + l.bx)
    .y0((i) => l.ay * range.low[i]! + l.by)
    .y1((i) => l.ay * range.high[i]! + l.by)
    .digits(1);
  return shape(Array.from(times, (_, i) => i)) ?? '';
}

/** Tick slots on the value axis: d3's ticks(lo, hi, 5) never gives more. */
const MAX_TICKS = 11;

/**
 * Bands and the value axis. React renders a fixed set of slots once; when the value domain
 * changes, the ticks and bands are moved, relabelled and shown or hidden in place, so a lever
 * step that changes the domain costs a few attribute writes rather than a React render.
 */
const Frame = memo(function Frame({
  data,
  scales,
  width,
  height,
  bands,
  formatValue,
}: {
  data: Live<ChartData>;
  scales: Scales;
  width: number;
  height: number;
  bands: ChartBand[] | undefined;
  formatValue: (v: number, decimals: number) => string;
}) {
  const bandSlots = useRef<(SVGGElement | null)[]>([]);
  const tickSlots = useRef<(SVGGElement | null)[]>([]);
  useLiveEffect(
    data,
    // The formatter too: the tick labels are written again when the language changes.
    (d) => {
      const l = scales(d);
      return [l.yLo, l.yHi, formatValue, height, width] as const;
    },
    ([yLo, yHi]) => {
      const y = scaleLinear()
        .domain([yLo, yHi])
        .range([height - MARGIN.bottom, MARGIN.top]);
      bands?.forEach((b, i) => {
        const g = bandSlots.current[i];
        if (!g) return;
        const top = round(y(Math.min(b.to, yHi)));
        const bottom = round(y(Math.max(b.from, yLo)));
        writeAttr(g, 'display', bottom > top ? 'inline' : 'none');
        if (bottom <= top) return;
        writeAttr(g.firstElementChild, 'y', String(top));
        writeAttr(g.firstElementChild, 'height', String(round(bottom - top)));
        writeAttr(g.lastElementChild, 'y', String(top + 12));
      });
      const ticks = y.ticks(5);
      // As many decimals as the step between ticks needs, for all of them: 0.5, 1.0, 1.5.
      const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
      const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
      tickSlots.current.forEach((g, i) => {
        const v = ticks[i];
        writeAttr(g, 'display', v === undefined ? 'none' : 'inline');
        if (v === undefined || !g) return;
        writeAttr(g, 'transform', `translate(0,${round(y(v))})`);
        writeText(g.lastElementChild, formatValue(v, decimals));
      });
    },
    sameItems,
  );
  return (
    <>
      {bands?.map((b, i) => (
        <g
          key={b.label}
          ref={(el) => {
            bandSlots.current[i] = el;
          }}
          className={`band tone-${b.tone}`}
        >
          <rect x={MARGIN.left} width={width - MARGIN.left - MARGIN.right} />
          <text x={width - MARGIN.right - 4} textAnchor="end">
            {b.label}
          </text>
        </g>
      ))}
      <g className="axis axis-y">
        {Array.from({ length: MAX_TICKS }, (_, i) => (
          <g
            key={i}
            ref={(el) => {
              tickSlots.current[i] = el;
            }}
          >
            <line x1={MARGIN.left} x2={width - MARGIN.right} className="grid" />
            <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" />
          </g>
        ))}
      </g>
    </>
  );
});

/** One shaded period; it appears, moves and stretches with the levers without a React render. */
function Window({
  data,
  scales,
  index,
  plotHeight,
}: {
  data: Live<ChartData>;
  scales: Scales;
  index: number;
  plotHeight: number;
}) {
  const group = useRef<SVGGElement>(null);
  const rect = useRef<SVGRectElement>(null);
  const text = useRef<SVGTextElement>(null);
  useLiveEffect(
    data,
    (d) => {
      const w = d.windows?.[index];
      if (!w) return { x: 0, width: 0, label: '' };
      const l = scales(d);
      return { x: round(l.ax * w.from + l.bx), width: Math.max(1, round(l.ax * (w.to - w.from))), label: w.label };
    },
    ({ x, width, label }, was) => {
      writeAttr(group.current, 'display', label ? 'inline' : 'none');
      if (!label) return;
      if (x !== was?.x) {
        rect.current?.setAttribute('x', String(x));
        text.current?.setAttribute('x', String(x + 3));
      }
      if (width !== was?.width) rect.current?.setAttribute('width', String(width));
      writeText(text.current, label);
    },
    sameFields,
  );
  return (
    <g ref={group} className="window">
      <rect ref={rect} y={MARGIN.top} height={plotHeight} />
      <text ref={text} y={MARGIN.top + 11} />
    </g>
  );
}

/**
 * Shaded periods on the time axis. There are `slots` of them from the start, hidden while unused,
 * so a period that appears with a lever step renders nothing; React renders more only when the
 * data has more periods than that.
 */
const Windows = memo(function Windows({
  data,
  scales,
  plotHeight,
  slots,
}: {
  data: Live<ChartData>;
  scales: Scales;
  plotHeight: number;
  slots: number;
}) {
  const count = useLiveSelect(data, (d) => Math.max(slots, d.windows?.length ?? 0));
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <Window key={i} data={data} scales={scales} index={i} plotHeight={plotHeight} />
      ))}
    </>
  );
});

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

/** The `d` each path was last given, so an unchanged line is not written again. */
const drawn = new WeakMap<Element, string>();

function draw(path: SVGPathElement | null, d: string): void {
  if (!path || drawn.get(path) === d) return;
  path.setAttribute('d', d);
  drawn.set(path, d);
}

/**
 * The lines and their faint defaults. One subscription per chart writes every path's `d` from
 * the data (a lever step renders nothing), and writes a path only when its line changed.
 */
const Lines = memo(function Lines({
  data,
  scales,
  lines,
  withBaseline,
}: {
  data: Live<ChartData>;
  scales: Scales;
  lines: ChartLine[];
  withBaseline: readonly number[];
}) {
  const series = useRef<(SVGPathElement | null)[]>([]);
  const baselines = useRef<(SVGPathElement | null)[]>([]);
  const ranges = useRef<(SVGPathElement | null)[]>([]);
  const group = useRef<SVGGElement>(null);
  useLiveEffect(
    data,
    (d) => d,
    (d) => {
      const l = scales(d);
      for (let i = 0; i < lines.length; i++) {
        draw(ranges.current[i] ?? null, rangePath(d.times, d.ranges?.[i], l));
        draw(baselines.current[i] ?? null, pathOf(d.times, d.baselines?.[i], l));
        draw(series.current[i] ?? null, pathOf(d.times, d.values[i], l));
      }
      writeAttr(group.current, 'class', d.rangesUpdating ? 'lines updating' : 'lines');
    },
    // Also after every render: paths that were just mounted have no `d` yet.
    () => false,
  );
  return (
    <g ref={group} className="lines">
      {lines.map((s, i) => (
        <path
          key={`${s.id}-range`}
          ref={(el) => {
            ranges.current[i] = el;
          }}
          className="range"
          fill={s.color}
          data-series={`${s.id}-range`}
        />
      ))}
      {lines.map((s, i) =>
        withBaseline[i] ? (
          <path
            key={`${s.id}-baseline`}
            ref={(el) => {
              baselines.current[i] = el;
            }}
            className="baseline"
            stroke={s.color}
            data-series={`${s.id}-baseline`}
          />
        ) : null,
      )}
      {lines.map((s, i) => (
        <path
          key={s.id}
          ref={(el) => {
            series.current[i] = el;
          }}
          className="series"
          stroke={s.color}
          data-series={s.id}
        />
      ))}
    </g>
  );
});

/** The marks at the focused month: rendered only while a month has focus. */
function FocusMarks({
  data,
  scales,
  focus,
  lines,
  height,
}: {
  data: Live<ChartData>;
  scales: Scales;
  focus: number;
  lines: ChartLine[];
  height: number;
}) {
  const at = useLiveSelect(
    data,
    (d) => {
      if (focus < 0 || focus >= d.times.length) return [];
      const l = scales(d);
      return [round(l.ax * d.times[focus]! + l.bx), ...d.values.map((v) => round(l.ay * v[focus]! + l.by))];
    },
    sameItems,
  );
  if (at.length === 0) return null;
  const [fx, ...ys] = at;
  return (
    <g className="focus">
      <line x1={fx} x2={fx} y1={MARGIN.top} y2={height - MARGIN.bottom} />
      {lines.map((s, i) => (
        <circle key={s.id} cx={fx} cy={ys[i]} r={3.5} fill={s.color} />
      ))}
    </g>
  );
}

export function LineChart(props: LineChartProps) {
  const { width, height, data, lines, focus, onFocus, min, max } = props;
  const clipId = useId();
  const scales = useMemo(() => scalesFor(width, height, min, max), [width, height, min, max]);
  // React renders the chart again only when the time span changes; the value axis follows the
  // data by itself (Frame), and the lines are written without a render (Lines).
  const [t0, t1, ...withBaseline] = useLiveSelect(
    data,
    (d) => {
      const l = scales(d);
      return [l.t0, l.t1, ...lines.map((_, i) => (d.baselines?.[i] ? 1 : 0))];
    },
    sameItems,
  );

  const indexAt = (clientX: number, target: SVGSVGElement) => {
    const { times } = data.get();
    const l = scales(data.get());
    const box = target.getBoundingClientRect();
    const sx = box.width > 0 ? ((clientX - box.left) / box.width) * width : 0;
    const t = (sx - l.bx) / l.ax;
    let best = 0;
    for (let i = 1; i < times.length; i++) if (Math.abs(times[i]! - t) < Math.abs(times[best]! - t)) best = i;
    return best;
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => onFocus?.(indexAt(e.clientX, e.currentTarget));
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const last = data.get().times.length - 1;
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
      <Frame
        data={data}
        scales={scales}
        width={width}
        height={height}
        bands={props.bands}
        formatValue={props.formatValue}
      />
      <Windows
        data={data}
        scales={scales}
        plotHeight={height - MARGIN.top - MARGIN.bottom}
        slots={props.windowSlots ?? 0}
      />
      <TimeAxis t0={t0} t1={t1} width={width} height={height} timeLabel={props.timeLabel} />
      <g clipPath={`url(#${clipId})`}>
        <Lines data={data} scales={scales} lines={lines} withBaseline={withBaseline} />
      </g>
      {focus !== undefined && <FocusMarks data={data} scales={scales} focus={focus} lines={lines} height={height} />}
    </svg>
  );
}
