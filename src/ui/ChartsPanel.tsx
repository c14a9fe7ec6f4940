import { useState } from 'react';
import { LineChart, type ChartBand, type ChartWindow } from '../charts/LineChart.tsx';
import type { Scenario } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { formatAuto, monthLabel, type Lang } from '../i18n/index.ts';
import { useScenario, useT } from './context.ts';
import { Swatch } from './Swatch.tsx';

const WIDTH = 520;
const HEIGHT = 260;

/** Periods when a time-mark series is above 0, as [from, to) in time units. */
export function windowsOf(scenario: Scenario, result: SimulationResult, lang: Lang): ChartWindow[] {
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

function scaled(values: Float64Array, scale: number): ArrayLike<number> {
  return scale === 1 ? values : values.map((v) => v * scale);
}

export function ChartsPanel({ result, baseline }: { result: SimulationResult; baseline: SimulationResult }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const [focus, setFocus] = useState<number | undefined>(undefined);
  const labelOf = (id: string) =>
    (scenario.outcomes.find((o) => o.id === id) ??
      scenario.variables.find((v) => v.id === id) ??
      scenario.stocks.find((s) => s.id === id))!.label[lang];
  const windows = windowsOf(scenario, result, lang);
  const timeLabel = (m: number) => monthLabel(lang, scenario.time.start, m, 'tick');
  const start = monthLabel(lang, scenario.time.start, 0);
  const end = monthLabel(lang, scenario.time.start, result.horizon);
  return (
    <section className="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('charts')}</h2>
      <div className="chart-grid">
        {scenario.charts.map((c) => {
          const series = c.series.map((s) => ({
            id: s.id,
            label: labelOf(s.id),
            color: s.color,
            values: scaled(result.series[s.id]!, s.scale),
            baseline: scaled(baseline.series[s.id]!, s.scale),
          }));
          const bandOutcome = c.bands ? scenario.outcomes.find((o) => o.id === c.bands) : undefined;
          const bands: ChartBand[] | undefined = bandOutcome?.bands?.map((b, i, all) => ({
            from: all[i - 1]?.below ?? -Infinity,
            to: b.below ?? Infinity,
            tone: b.tone,
            label: b.label[lang],
          }));
          const readout =
            focus !== undefined
              ? t('readout', {
                  date: monthLabel(lang, scenario.time.start, result.t[focus]!, 'long'),
                  values: series.map((s) => `${s.label} ${formatAuto(lang, s.values[focus]!)}`).join('; '),
                })
              : '';
          return (
            <figure key={c.id} className="chart" data-chart={c.id}>
              <figcaption>
                <h3>{c.title[lang]}</h3>
                <span className="unit">{c.unit[lang]}</span>
              </figcaption>
              <LineChart
                name={t('chartName', { title: c.title[lang], start, end, unit: c.unit[lang] })}
                unit={c.unit[lang]}
                width={WIDTH}
                height={HEIGHT}
                times={result.t}
                timeLabel={timeLabel}
                series={series}
                formatValue={(v) => formatAuto(lang, v)}
                windows={windows}
                bands={bands}
                min={c.min}
                max={c.max}
                focus={focus}
                onFocus={setFocus}
              />
              <ul className="legend">
                {series.map((s) => (
                  <li key={s.id}>
                    <Swatch color={s.color} /> {s.label}
                  </li>
                ))}
                <li>
                  <Swatch color="#64748b" dashed /> {t('scenarioDefault')}
                </li>
              </ul>
              <p className="readout" aria-live="polite">
                {readout}
              </p>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
