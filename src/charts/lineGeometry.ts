/**
 * A time-series chart's geometry: the scales (linear.ts, with d3-array's ticks), the lines, the default lines and the
 * likely ranges as path data (d3-shape), the ticks, the shaded periods and the verdict bands, as
 * plain data rounded to a tenth. Pure: the same input gives the same geometry; the chart component
 * only draws it, and the tests read it as data.
 *
 * It comes in parts, because the parts change at different times: the frame (value domain, axes,
 * verdict bands) stays put while a slider moves on a fixed axis; the default lines and the likely
 * ranges change with the frame and the bands; only the lines change on every step. A caller that
 * remembers each part (ChartsPanel does, with useMemo) recomputes, and React redraws, only what
 * changed. `lineChartGeometry` puts the parts together in one call.
 */
import { extent as d3extent, nice, ticks as d3ticks } from 'd3-array';
import { area, line } from 'd3-shape';
import { linear } from './linear.ts';

export interface ChartLineInput {
  id: string;
  color: string;
  values: readonly number[];
  /** the same line at the scenario's defaults, drawn faint and dashed */
  baseline?: readonly number[] | undefined;
  /** the likely range around the line (the 10th to the 90th percentile) */
  range?: { low: readonly number[]; high: readonly number[] } | undefined;
}

export interface Period {
  from: number;
  to: number;
  label: string;
}

export interface VerdictBand {
  from: number;
  to: number;
  tone: 'bad' | 'warn' | 'good' | 'neutral';
  label: string;
}

export interface LineChartInput {
  times: readonly number[];
  lines: readonly ChartLineInput[];
  /** periods to shade on the time axis (e.g. a border closure), in time units */
  periods?: readonly Period[] | undefined;
  /** value bands behind the lines (e.g. fragile, stable) */
  bands?: readonly VerdictBand[] | undefined;
  /** values the value axis must reach whatever the data (a fixed axis); it grows past them if the data do */
  domain?: readonly [number, number] | undefined;
  /** fixed ends of the value axis */
  min?: number | undefined;
  max?: number | undefined;
  /**
   * the values' precision: ticks only where a value written with these decimals can be (whole
   * people, say), labelled with them, as the values are everywhere else
   */
  decimals?: number | undefined;
}

export interface Size {
  width: number;
  height: number;
}

export interface ChartFormat {
  /** a time point as an axis label */
  time: (t: number) => string;
  /** a value as an axis label, with the decimals the ticks' step needs */
  value: (v: number, decimals: number) => string;
}

/** What stays put while only the lines move: the plot, the scales' domains, the axes and the bands. */
export interface LineChartFrame {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** the time and value domains of the scales */
  domain: { t0: number; t1: number; lo: number; hi: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  bands: { y: number; height: number; tone: string; label: string }[];
}

/** A path of one series: its line, its default line or its likely range. */
export interface SeriesPath {
  id: string;
  color: string;
  d: string;
}

export interface LineChartGeometry {
  frame: LineChartFrame;
  periods: { x: number; width: number; label: string }[];
  ranges: SeriesPath[];
  baselines: SeriesPath[];
  lines: SeriesPath[];
  /** per time point: its x, and each line's y there (for the focus marks) */
  columns: { x: number; ys: number[] }[];
}

const MARGIN = { top: 14, right: 28, bottom: 30, left: 58 };
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The value axis's ends: every line, default line and range, and the domain asked for, within the
 * fixed ends if any, rounded out to nice numbers. Cheap (it reads each value once), so a caller can
 * work it out on every step and lay the frame out again only when it changes.
 */
export function valueDomain(input: LineChartInput): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const include = (values: readonly number[]) => {
    const [a, b] = d3extent(values.filter(Number.isFinite));
    if (a !== undefined && b !== undefined) [min, max] = [Math.min(min, a), Math.max(max, b)];
  };
  if (input.domain) include(input.domain);
  for (const l of input.lines) {
    include(l.values);
    if (l.baseline) include(l.baseline);
    if (l.range) [l.range.low, l.range.high].forEach(include);
  }
  let lo = input.min ?? (min === Infinity ? 0 : min);
  let hi = input.max ?? (max === -Infinity ? 1 : max);
  // A flat line (or one that varies by a rounding error) gets an axis around it.
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(lo))) hi = lo + Math.max(Math.abs(lo) * 0.1, 1);
  if (input.min === undefined || input.max === undefined) [lo, hi] = nice(lo, hi, 5);
  return [lo, hi];
}

/** The time span of some time points: their first and last (at least one apart). */
export function timeSpan(times: readonly number[]): [number, number] {
  const t0 = times[0] ?? 0;
  return [t0, Math.max(times[times.length - 1] ?? 1, t0 + 1)];
}

export function lineChartFrame(
  input: {
    /** the first and the last time point */
    span: readonly [number, number];
    /** the value axis's ends (valueDomain) */
    lo: number;
    hi: number;
    decimals?: number | undefined;
    bands?: readonly VerdictBand[] | undefined;
  },
  size: Size,
  format: ChartFormat,
): LineChartFrame {
  const { width, height } = size;
  const { lo, hi } = input;
  const [t0, t1] = input.span;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const domain = { t0, t1, lo, hi };
  const { x, y } = scalesOf({ plot, domain });

  // Ticks on whole periods: every 6 steps for two years, wider for longer horizons.
  const span = t1 - t0;
  const every = span > 120 ? 24 : span > 48 ? 12 : 6;
  const xTicks: LineChartFrame['xTicks'] = [];
  for (let t = Math.ceil(t0 / every) * every; t <= t1 + 1e-9; t += every) {
    xTicks.push({ x: round(x(t)), label: format.time(t) });
  }
  const grain = input.decimals === undefined ? 0 : 10 ** -input.decimals;
  const ticks = d3ticks(lo, hi, 5).filter((v) => grain === 0 || Math.abs(v / grain - Math.round(v / grain)) < 1e-6);
  // The values' own decimals, or as many as the step between ticks needs: 0.5, 1.0, 1.5.
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = input.decimals ?? Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const yTicks = ticks.map((v) => ({ y: round(y(v)), label: format.value(v, decimals) }));

  const bands = (input.bands ?? []).flatMap((b) => {
    const top = round(y(Math.min(b.to, hi)));
    const bottom = round(y(Math.max(b.from, lo)));
    return bottom > top ? [{ y: top, height: round(bottom - top), tone: b.tone, label: b.label }] : [];
  });
  return { width, height, plot, domain, xTicks, yTicks, bands };
}

/** The frame's scales: time to x, value to y. */
function scalesOf(frame: Pick<LineChartFrame, 'plot' | 'domain'>) {
  const { plot, domain } = frame;
  return {
    x: linear([domain.t0, domain.t1], [plot.left, plot.right]),
    y: linear([domain.lo, domain.hi], [plot.bottom, plot.top]),
  };
}

/** One path per series, of the values `pick` gives it (none where it gives nothing). */
export function seriesPaths(
  frame: LineChartFrame,
  times: readonly number[],
  lines: readonly ChartLineInput[],
  pick: (line: ChartLineInput) => readonly number[] | undefined,
): SeriesPath[] {
  const { x, y } = scalesOf(frame);
  const path = line<number>()
    .x((_, i) => x(times[i]!))
    .y((v) => y(v))
    .digits(1);
  return lines.flatMap((l) => {
    const values = pick(l);
    return values ? [{ id: l.id, color: l.color, d: path(values) ?? '' }] : [];
  });
}

/** The likely range of each series that has one drawn for these time points, as an area. */
export function rangePaths(
  frame: LineChartFrame,
  times: readonly number[],
  lines: readonly ChartLineInput[],
): SeriesPath[] {
  const { x, y } = scalesOf(frame);
  const indices = times.map((_, i) => i);
  return lines.flatMap((l) => {
    // A range drawn for another number of time points (a scenario switch in flight) is left out.
    if (!l.range || l.range.low.length !== times.length) return [];
    const { low, high } = l.range;
    const d = area<number>()
      .x((i) => x(times[i]!))
      .y0((i) => y(low[i]!))
      .y1((i) => y(high[i]!))
      .digits(1)(indices);
    return [{ id: l.id, color: l.color, d: d ?? '' }];
  });
}

/** The shaded periods, as boxes along the time axis. */
export function periodBoxes(frame: LineChartFrame, periods: readonly Period[]): LineChartGeometry['periods'] {
  const { x } = scalesOf(frame);
  return periods.map((p) => ({ x: round(x(p.from)), width: Math.max(1, round(x(p.to) - x(p.from))), label: p.label }));
}

/** Per time point, its x and each line's y there. */
export function columnsOf(
  frame: LineChartFrame,
  times: readonly number[],
  lines: readonly ChartLineInput[],
): LineChartGeometry['columns'] {
  const { x, y } = scalesOf(frame);
  return times.map((t, i) => ({ x: round(x(t)), ys: lines.map((l) => round(y(l.values[i]!))) }));
}

/** The whole geometry in one call. */
export function lineChartGeometry(input: LineChartInput, size: Size, format: ChartFormat): LineChartGeometry {
  const [lo, hi] = valueDomain(input);
  const frame = lineChartFrame(
    { span: timeSpan(input.times), lo, hi, decimals: input.decimals, bands: input.bands },
    size,
    format,
  );
  return {
    frame,
    periods: periodBoxes(frame, input.periods ?? []),
    ranges: rangePaths(frame, input.times, input.lines),
    baselines: seriesPaths(frame, input.times, input.lines, (l) => l.baseline),
    lines: seriesPaths(frame, input.times, input.lines, (l) => l.values),
    columns: columnsOf(frame, input.times, input.lines),
  };
}

/** A point to mark on a chart (a story step's answer), with a guess at the same time, if any. */
export interface ChartMark {
  t: number;
  value: number;
  guess?: number | undefined;
}

/** A mark's place: its x, the answer's y and the guess's y. */
export function markPlace(frame: LineChartFrame, mark: ChartMark): { x: number; y: number; guessY?: number } {
  const { x, y } = scalesOf(frame);
  const place = { x: round(x(mark.t)), y: round(y(mark.value)) };
  return mark.guess === undefined ? place : { ...place, guessY: round(y(mark.guess)) };
}

/** The index of the time point nearest to a horizontal position in the chart's units. */
export function nearestColumn(geometry: Pick<LineChartGeometry, 'columns'>, sx: number): number {
  let best = 0;
  geometry.columns.forEach((c, i) => {
    if (Math.abs(c.x - sx) < Math.abs(geometry.columns[best]!.x - sx)) best = i;
  });
  return best;
}
