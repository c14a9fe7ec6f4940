/**
 * A line chart's geometry (charts/lineGeometry.ts), worked out part by part and each part
 * remembered on what it depends on: the frame (axes, verdict bands) on the value domain, the size
 * and the language; the default lines on the frame; the likely ranges on the frame and the bands;
 * the lines on the frame and the values. A lever step on a fixed axis then computes only the lines,
 * and LineChart redraws only them, because every other part is the same object as before.
 */
import { useMemo } from 'react';
import {
  columnsOf,
  lineChartFrame,
  periodBoxes,
  rangePaths,
  seriesPaths,
  timeSpan,
  valueDomain,
  type ChartFormat,
  type ChartLineInput,
  type LineChartGeometry,
  type Period,
  type VerdictBand,
} from '../charts/lineGeometry.ts';

export interface LineGeometryInput {
  /** the time points, the same array while the scenario is the same */
  times: readonly number[];
  /** each line's values (a new array on every step) */
  values: readonly ChartLineInput[];
  /** each line's default values */
  baselines: readonly ChartLineInput[];
  /** each line's likely range, where drawn */
  ranges: readonly ChartLineInput[];
  periods: readonly Period[];
  verdict: readonly VerdictBand[] | undefined;
  /** what the value axis must reach (a fixed axis), if anything */
  reach: readonly [number, number] | undefined;
  min: number | undefined;
  max: number | undefined;
  decimals: number | undefined;
  format: ChartFormat;
}

/** The geometry for a width, or undefined while the width is not known. */
export function useLineGeometry(
  input: LineGeometryInput,
  width: number | undefined,
  height: number,
): LineChartGeometry | undefined {
  const { times, values, baselines, ranges, periods, verdict, reach, min, max, decimals, format } = input;
  const lines = useMemo(
    () =>
      values.map((v, i) => ({ ...v, baseline: baselines[i]?.values, range: ranges.find((r) => r.id === v.id)?.range })),
    [values, baselines, ranges],
  );
  // Numbers, so the frame is laid out again only when the axis really changes.
  const [lo, hi] = valueDomain({ times, lines, domain: reach, min, max });
  const [t0, t1] = timeSpan(times);
  const frame = useMemo(
    () =>
      width === undefined
        ? undefined
        : lineChartFrame({ span: [t0, t1], lo, hi, decimals, bands: verdict }, { width, height }, format),
    [t0, t1, lo, hi, decimals, verdict, width, height, format],
  );
  const baselinePaths = useMemo(
    () => frame && seriesPaths(frame, times, baselines, (l) => l.values),
    [frame, times, baselines],
  );
  const rangeAreas = useMemo(() => frame && rangePaths(frame, times, ranges), [frame, times, ranges]);
  const periodShades = useMemo(() => frame && periodBoxes(frame, periods), [frame, periods]);
  const linePaths = useMemo(() => frame && seriesPaths(frame, times, values, (l) => l.values), [frame, times, values]);
  const columns = useMemo(() => frame && columnsOf(frame, times, values), [frame, times, values]);
  return useMemo(
    () =>
      frame &&
      baselinePaths &&
      rangeAreas &&
      periodShades &&
      linePaths &&
      columns && {
        frame,
        baselines: baselinePaths,
        ranges: rangeAreas,
        periods: periodShades,
        lines: linePaths,
        columns,
      },
    [frame, baselinePaths, rangeAreas, periodShades, linePaths, columns],
  );
}
