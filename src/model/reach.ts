/**
 * What a scenario's drawn series can reach: over its extreme-value matrix (every lever at its ends,
 * alone and all together) and every preset, the lowest and highest value each series takes, and
 * the largest size it ends at. A chart's fixed value axis spans the first; an arrow of the
 * leverage network is at full width at the second. It depends on the scenario alone, so the build
 * works it out once (src/scenarios/vite-plugin.ts) and the page does not run these dozens of
 * simulations while it loads.
 */
import { matrixSettings } from './checks.ts';
import type { Model } from './compile.ts';
import { scheduleOf } from './inputs.ts';
import type { Scenario } from './schema.ts';
import { simulate } from './simulate.ts';

export interface Reach {
  /** per series: the lowest and the highest value it takes at any time */
  extents: Record<string, [number, number]>;
  /** per series: the largest absolute value it ends at */
  ends: Record<string, number>;
}

/**
 * The series a page draws of a scenario: the charts' lines, the network's channels, the shaded
 * periods, and the outcomes its story steps are about (charted in the presentation view).
 */
export function drawnSeries(scenario: Scenario): string[] {
  return [
    ...new Set([
      ...scenario.charts.flatMap((c) => c.series.map((s) => s.id)),
      ...scenario.links.map((l) => l.strength),
      ...scenario.timeMarks.map((m) => m.series),
      ...scenario.story.map((step) => step.highlight),
    ]),
  ];
}

export function reachOf(model: Model): Reach {
  const { scenario } = model;
  const series = drawnSeries(scenario);
  const extents: Reach['extents'] = {};
  const ends: Reach['ends'] = {};
  const runs = [
    ...matrixSettings(model).map(({ levers }) => simulate(model, levers, { series })),
    ...scenario.presets.map((p) => simulate(model, p.values, { series, schedule: scheduleOf(scenario, p.id) })),
  ];
  for (const r of runs) {
    for (const id of series) {
      const values = r.series[id] ?? [];
      const [lo, hi] = extents[id] ?? [Infinity, -Infinity];
      extents[id] = [Math.min(lo, ...values), Math.max(hi, ...values)];
      ends[id] = Math.max(ends[id] ?? 0, Math.abs(values.at(-1) ?? 0));
    }
  }
  return { extents, ends };
}
