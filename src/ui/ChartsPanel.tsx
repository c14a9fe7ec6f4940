import { memo, useMemo, useRef, useState } from 'react';
import {
  LineChart,
  type ChartBand,
  type ChartData,
  type ChartLine,
  type ChartRange,
  type ChartWindow,
} from '../charts/LineChart.tsx';
import type { SeriesBand } from '../model/analysis.ts';
import { derive, fixed, useLiveEffect, useLiveSelect, writeAttr, writeText, type Live } from '../charts/live.ts';
import type { Scenario } from '../model/schema.ts';
import type { Series, SimulationResult } from '../model/simulate.ts';
import { formatAuto, formatNumber, monthLabel, t as translate, type Lang } from '../i18n/index.ts';
import { useScenario, useSources, useT } from './context.ts';
import { Explain } from './Explain.tsx';
import { Swatch } from './Swatch.tsx';

const WIDTH = 520;
const HEIGHT = 260;

/** Periods when a time-mark series is above 0, as [from, to) in time units. */
function windowsOf(scenario: Scenario, result: SimulationResult, lang: Lang): ChartWindow[] {
  const out: ChartWindow[] = [];
  const dt = scenario.time.step;
  for (const mark of scenario.timeMarks) {
    const s = result.series[mark.series];
    if (!s) continue;
    let open: ChartWindow | undefined;
    for (let i = 0; i < s.length; i++) {
      const share = Math.min(1, Math.max(0, s[i]!));
      const t = result.t[i]!;
      if (share > 0) {
        if (open && Math.abs(open.to - t) < 1e-9) open.to = t + share * dt;
        else {
          open = { from: t, to: t + share * dt, label: mark.label[lang] };
          out.push(open);
        }
      } else open = undefined;
    }
  }
  return out;
}

const scaledCache = new WeakMap<Series, { scale: number; values: Series }>();

const NONE: Series = [];
const NO_DATA = fixed<ChartData>({ times: [], values: [] });

/** Values times a display scale; the same input gives the same array, so unchanged lines are not redrawn. */
function scaled(values: Series | undefined, scale: number): Series {
  // Missing only for the moment between a scenario switch and the render that follows it.
  if (!values) return NONE;
  if (scale === 1) return values;
  const hit = scaledCache.get(values);
  if (hit && hit.scale === scale) return hit.values;
  const out = values.map((v) => v * scale);
  scaledCache.set(values, { scale, values: out });
  return out;
}

const scaledRanges = new WeakMap<SeriesBand, { scale: number; range: ChartRange }>();

/** A series' likely range (10th to 90th percentile), times a display scale; the same band gives the same object. */
function rangeOf(band: SeriesBand | undefined, scale: number): ChartRange | undefined {
  if (!band) return undefined;
  const hit = scaledRanges.get(band);
  if (hit && hit.scale === scale) return hit.range;
  const range = { low: band.p10.map((v) => v * scale), high: band.p90.map((v) => v * scale) };
  scaledRanges.set(band, { scale, range });
  return range;
}

function labelOf(scenario: Scenario, id: string, lang: Lang): string {
  const item =
    scenario.outcomes.find((o) => o.id === id) ??
    scenario.variables.find((v) => v.id === id) ??
    scenario.stocks.find((s) => s.id === id);
  return item ? item.label[lang] : id;
}

/** The key of a chart: React renders it when the language changes; whether its ranges are updating is written. */
const Legend = memo(function Legend({ items, defaultLabel }: { items: ChartLine[]; defaultLabel: string }) {
  const { lang } = useT();
  const { results } = useSources();
  const range = useRef<HTMLLIElement>(null);
  useLiveEffect(
    results,
    (r) => r.uncertainty.updating,
    (updating) => {
      writeAttr(range.current, 'class', updating ? 'legend-range updating' : 'legend-range');
      writeText(
        range.current?.lastChild instanceof Element ? range.current.lastChild : null,
        translate(lang, updating ? 'bandUpdating' : 'bandLegend'),
      );
    },
  );
  return (
    <ul className="legend">
      {items.map((s) => (
        <li key={s.id}>
          <Swatch color={s.color} /> {s.label}
        </li>
      ))}
      <li>
        <Swatch color="#64748b" dashed /> {defaultLabel}
      </li>
      <li ref={range}>
        <Swatch color="#64748b" band /> <span />
      </li>
    </ul>
  );
});

/** The values at the focused month, in words; rendered only while a month has focus. */
function Readout({
  data,
  lines,
  focus,
  lang,
  start,
}: {
  data: Live<ChartData>;
  lines: ChartLine[];
  focus: number | undefined;
  lang: Lang;
  start: string;
}) {
  // Followed only while a month has focus: otherwise there is nothing to read out.
  const text = useLiveSelect(focus === undefined ? NO_DATA : data, (d) =>
    focus === undefined || focus >= d.times.length
      ? ''
      : translate(lang, 'readout', {
          date: monthLabel(lang, start, d.times[focus]!, 'long'),
          values: lines.map((s, i) => `${s.label} ${formatAuto(lang, d.values[i]![focus]!)}`).join('; '),
        }),
  );
  return (
    <p className="readout" aria-live="polite">
      {text}
    </p>
  );
}

export function ChartsPanel() {
  const scenario = useScenario();
  const { lang, t } = useT();
  const { results } = useSources();
  const [focus, setFocus] = useState<number | undefined>(undefined);
  // Stable across lever changes, so the axes and bands are not redrawn on every step.
  const { timeLabel, formatValue, bandsOf, lines } = useMemo(
    () => ({
      timeLabel: (m: number) => monthLabel(lang, scenario.time.start, m, 'tick'),
      formatValue: (v: number, decimals: number) => formatNumber(lang, v, decimals),
      lines: new Map<string, ChartLine[]>(
        scenario.charts.map((c) => [
          c.id,
          c.series.map((s) => ({ id: s.id, label: labelOf(scenario, s.id, lang), color: s.color })),
        ]),
      ),
      bandsOf: new Map(
        scenario.charts.map((c) => {
          const outcome = c.bands ? scenario.outcomes.find((o) => o.id === c.bands) : undefined;
          const bands: ChartBand[] | undefined = outcome?.bands?.map((b, i, all) => ({
            from: all[i - 1]?.below ?? -Infinity,
            to: b.below ?? Infinity,
            tone: b.tone,
            label: b.label[lang],
          }));
          return [c.id, bands] as const;
        }),
      ),
    }),
    [lang, scenario],
  );
  // What each chart draws, derived once per simulation; the shaded periods are shared by all.
  const data = useMemo(() => {
    const shared = derive(results, (r) => ({ r, windows: windowsOf(r.scenario, r.result, lang) }));
    return new Map(
      scenario.charts.map((c) => [
        c.id,
        derive(shared, ({ r, windows }): ChartData => {
          const bands = r.uncertainty.value?.bands.series;
          return {
            times: r.result.t,
            values: c.series.map((s) => scaled(r.result.series[s.id], s.scale)),
            baselines: c.series.map((s) => scaled(r.baseline.series[s.id], s.scale)),
            windows,
            ranges: c.series.map((s) => rangeOf(bands?.[s.id], s.scale)),
            rangesUpdating: r.uncertainty.updating,
          };
        }),
      ]),
    );
  }, [results, scenario, lang]);
  const horizon = useLiveSelect(results, (r) => r.result.horizon);
  const names = useMemo(() => {
    const start = monthLabel(lang, scenario.time.start, 0);
    const end = monthLabel(lang, scenario.time.start, horizon);
    return new Map(
      scenario.charts.map((c) => [
        c.id,
        translate(lang, 'chartName', { title: c.title[lang], start, end, unit: c.unit[lang] }),
      ]),
    );
  }, [lang, scenario, horizon]);
  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('charts')}</h2>
      <div className="chart-grid">
        {scenario.charts.map((c) => (
          <figure key={c.id} className="chart" data-chart={c.id}>
            <figcaption>
              <h3>{c.title[lang]}</h3>
              <span className="unit">{c.unit[lang]}</span>
            </figcaption>
            <LineChart
              name={names.get(c.id)!}
              unit={c.unit[lang]}
              width={WIDTH}
              height={HEIGHT}
              timeLabel={timeLabel}
              lines={lines.get(c.id)!}
              data={data.get(c.id)!}
              formatValue={formatValue}
              bands={bandsOf.get(c.id)}
              windowSlots={scenario.timeMarks.length}
              min={c.min}
              max={c.max}
              focus={focus}
              onFocus={setFocus}
            />
            <Legend items={lines.get(c.id)!} defaultLabel={t('scenarioDefault')} />
            <Explain ids={c.series.map((s) => s.id)} />
            <Readout
              data={data.get(c.id)!}
              lines={lines.get(c.id)!}
              focus={focus}
              lang={lang}
              start={scenario.time.start}
            />
          </figure>
        ))}
      </div>
    </section>
  );
}
