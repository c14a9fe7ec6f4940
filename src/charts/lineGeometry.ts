/**
 * A time-series chart's geometry: the scales (d3-scale), the lines, the default lines and the
 * likely ranges as path data (d3-shape), the ticks, the shaded periods and the verdict bands, as
 * plain data rounded to a tenth. Pure: the same input gives the same geometry; the chart component
 * only draws it, and the tests read it as data.
 */
import { extent as d3extent, nice } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

export interface ChartLineInput {
  id: string;
  color: string;
  values: readonly number[];
  /** the same line at the scenario's defaults, drawn faint and dashed */
  baseline?: readonly number[] | undefined;
  /** the likely range around the line (the 10th to the 90th percentile) */
  range?: { low: readonly number[]; high: readonly number[] } | undefined;
}

export interface LineChartInput {
  times: readonly number[];
  lines: readonly ChartLineInput[];
  /** periods to shade on the time axis (e.g. a border closure), in time units */
  periods?: readonly { from: number; to: number; label: string }[];
  /** value bands behind the lines (e.g. fragile, stable) */
  bands?: readonly { from: number; to: number; tone: 'bad' | 'warn' | 'good' | 'neutral'; label: string }[];
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

export interface LineChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  bands: { y: number; height: number; tone: string; label: string }[];
  periods: { x: number; width: number; label: string }[];
  lines: { id: string; color: string; d: string; baseline?: string; range?: string }[];
  /** per time point: its x, and each line's y there (for the focus marks) */
  columns: { x: number; ys: number[] }[];
}

export const MARGIN = { top: 14, right: 22, bottom: 30, left: 58 };
const round = (x: number) => Math.round(x * 10) / 10;

/** The lowest and highest of every line, default line and range, and of the domain asked for. */
function extentOf(input: LineChartInput): [number, number] {
  const all: number[] = [...(input.domain ?? [])];
  for (const l of input.lines) {
    all.push(...l.values);
    if (l.baseline) all.push(...l.baseline);
    if (l.range) all.push(...l.range.low, ...l.range.high);
  }
  const [lo, hi] = d3extent(all.filter(Number.isFinite));
  return lo === undefined || hi === undefined ? [0, 1] : [lo, hi];
}

export function lineChartGeometry(input: LineChartInput, size: Size, format: ChartFormat): LineChartGeometry {
  const { width, height } = size;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const { times } = input;
  const t0 = times[0] ?? 0;
  const t1 = Math.max(times[times.length - 1] ?? 1, t0 + 1);
  let [lo, hi] = extentOf(input);
  lo = input.min ?? lo;
  hi = input.max ?? hi;
  // A flat line (or one that varies by a rounding error) gets an axis around it.
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(lo))) hi = lo + Math.max(Math.abs(lo) * 0.1, 1);
  if (input.min === undefined || input.max === undefined) [lo, hi] = nice(lo, hi, 5);
  const x = scaleLinear().domain([t0, t1]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]);

  // Ticks on whole periods: every 6 steps for two years, wider for longer horizons.
  const span = t1 - t0;
  const every = span > 120 ? 24 : span > 48 ? 12 : 6;
  const xTicks: LineChartGeometry['xTicks'] = [];
  for (let t = Math.ceil(t0 / every) * every; t <= t1 + 1e-9; t += every) {
    xTicks.push({ x: round(x(t)), label: format.time(t) });
  }
  const grain = input.decimals === undefined ? 0 : 10 ** -input.decimals;
  const ticks = y.ticks(5).filter((v) => grain === 0 || Math.abs(v / grain - Math.round(v / grain)) < 1e-6);
  // The values' own decimals, or as many as the step between ticks needs: 0.5, 1.0, 1.5.
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = input.decimals ?? Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const yTicks = ticks.map((v) => ({ y: round(y(v)), label: format.value(v, decimals) }));

  const bands = (input.bands ?? []).flatMap((b) => {
    const top = round(y(Math.min(b.to, hi)));
    const bottom = round(y(Math.max(b.from, lo)));
    return bottom > top ? [{ y: top, height: round(bottom - top), tone: b.tone, label: b.label }] : [];
  });
  const periods = (input.periods ?? []).map((p) => ({
    x: round(x(p.from)),
    width: Math.max(1, round(x(p.to) - x(p.from))),
    label: p.label,
  }));

  const xi = (i: number) => x(times[i]!);
  const path = (values: readonly number[]) =>
    line<number>()
      .x((_, i) => xi(i))
      .y((v) => y(v))
      .digits(1)(values) ?? '';
  const rangePath = (r: { low: readonly number[]; high: readonly number[] }) =>
    area<number>()
      .x((i) => xi(i))
      .y0((i) => y(r.low[i]!))
      .y1((i) => y(r.high[i]!))
      .digits(1)(times.map((_, i) => i)) ?? '';
  const lines = input.lines.map((l) => ({
    id: l.id,
    color: l.color,
    d: path(l.values),
    ...(l.baseline ? { baseline: path(l.baseline) } : {}),
    ...(l.range && l.range.low.length === times.length ? { range: rangePath(l.range) } : {}),
  }));
  const columns = times.map((_, i) => ({ x: round(xi(i)), ys: input.lines.map((l) => round(y(l.values[i]!))) }));
  return { width, height, plot, xTicks, yTicks, bands, periods, lines, columns };
}

/** The index of the time point nearest to a horizontal position in the chart's units. */
export function nearestColumn(geometry: LineChartGeometry, sx: number): number {
  let best = 0;
  geometry.columns.forEach((c, i) => {
    if (Math.abs(c.x - sx) < Math.abs(geometry.columns[best]!.x - sx)) best = i;
  });
  return best;
}
