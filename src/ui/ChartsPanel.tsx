/**
 * "How it unfolds": one line chart per chart of the scenario. Each chart's geometry is computed
 * from the derived results (charts/lineGeometry.ts) for the width it has, and drawn by LineChart.
 * Its value axis is fixed by default: it spans what the chart's series can reach over the
 * scenario's lever ranges, so two screenshots at different settings compare; "fixed axes" off fits
 * it to the lines shown.
 */
import { memo, useMemo, useState } from 'react';
import { LineChart } from '../charts/LineChart.tsx';
import { markPlace, type ChartMark, type Period, type VerdictBand } from '../charts/lineGeometry.ts';
import type { Chart, Scenario } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import type { Uncertainty } from '../model/uncertainty.ts';
import { formatNumber, monthLabel, type Lang } from '../i18n/index.ts';
import type { Reach } from '../model/reach.ts';
import { answerIndex, guessValue } from '../model/story.ts';
import { periodsOf, selectBaseline, selectConcealed, selectReach, selectResult, selectStep } from '../state/derived.ts';
import { useApp, useAppStore, useBands, useScenario, useT } from './context.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { Explain } from './Explain.tsx';
import { seriesItem, seriesValue } from './format.ts';
import { Swatch } from './Swatch.tsx';
import { useLineGeometry } from './useLineGeometry.ts';
import { useWidth } from './useWidth.ts';

/** the width a chart is laid out for until its box is measured */
const FALLBACK_WIDTH = 520;
/** A chart is half as tall as it is wide, within these bounds (as .chart-box in app.css). */
const heightFor = (width: number) => Math.min(260, Math.max(200, Math.round(width / 2)));

function Legend({ chart, updating }: { chart: Chart; updating: boolean }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  return (
    <ul className="legend">
      {chart.series.map((s) => (
        <li key={s.id}>
          <Swatch color={s.color} /> {seriesItem(scenario, s.id)?.label[lang] ?? s.id}
        </li>
      ))}
      <li>
        <Swatch color="#64748b" dashed /> {t('scenarioDefault')}
      </li>
      <li className={updating ? 'legend-range updating' : 'legend-range'}>
        <Swatch color="#64748b" band /> {t(updating ? 'bandUpdating' : 'bandLegend')}
      </li>
    </ul>
  );
}

interface ChartFigureProps {
  chart: Chart;
  result: SimulationResult;
  baseline: SimulationResult;
  bands: Uncertainty | undefined;
  reach: Reach | undefined;
  periods: readonly Period[];
  updating: boolean;
  /** whether a story step's question keeps this chart hidden until its answer is revealed */
  concealed: boolean;
  focus: number | undefined;
  onFocus: (index: number | undefined) => void;
  /** the story step's answer on this chart, and the guess made before it */
  mark: ChartMark | undefined;
}

/** The verdict bands of the outcome a chart shows behind its lines, if any. */
function verdictOf(scenario: Scenario, chart: Chart, lang: Lang): VerdictBand[] | undefined {
  const outcome = chart.bands ? scenario.outcomes.find((o) => o.id === chart.bands) : undefined;
  return outcome?.bands?.map((b, i, all) => ({
    from: all[i - 1]?.below ?? -Infinity,
    to: b.below ?? Infinity,
    tone: b.tone,
    label: b.label[lang],
  }));
}

const ChartFigure = memo(function ChartFigure(props: ChartFigureProps) {
  const { chart, result, baseline, bands, reach, periods, updating, concealed, focus, onFocus, mark } = props;
  const scenario = useScenario();
  const { lang, t } = useT();
  const [box, width] = useWidth<HTMLDivElement>(FALLBACK_WIDTH);
  // Each input keeps its identity while what it is made of does (see useLineGeometry).
  const values = useMemo(
    () => chart.series.map((s) => ({ id: s.id, color: s.color, values: result.series[s.id] ?? [] })),
    [chart, result],
  );
  const baselines = useMemo(
    () => chart.series.map((s) => ({ id: s.id, color: s.color, values: baseline.series[s.id] ?? [] })),
    [chart, baseline],
  );
  const ranges = useMemo(
    () =>
      chart.series.flatMap((s) => {
        const band = bands?.bands.series[s.id];
        return band ? [{ id: s.id, color: s.color, values: [], range: { low: band.p10, high: band.p90 } }] : [];
      }),
    [chart, bands],
  );
  const verdict = useMemo(() => verdictOf(scenario, chart, lang), [scenario, chart, lang]);
  const ids = useMemo(() => chart.series.map((s) => s.id), [chart]);
  // A fixed axis reaches what every series of the chart can reach; any axis reaches a guess.
  const guess = mark?.guess;
  const reached = useMemo(() => {
    const ends = [...chart.series.flatMap((s) => reach?.extents[s.id] ?? []), ...(guess === undefined ? [] : [guess])];
    return ends.length > 0 ? ([Math.min(...ends), Math.max(...ends)] as const) : undefined;
  }, [chart, reach, guess]);
  const start = scenario.time.start;
  const format = useMemo(
    () => ({
      time: (m: number) => monthLabel(lang, start, m, 'tick'),
      value: (v: number, decimals: number) => formatNumber(lang, v, decimals),
    }),
    [lang, start],
  );
  const geometry = useLineGeometry(
    {
      // The defaults' time points: the same array for every run of the scenario.
      times: baseline.t,
      values,
      baselines,
      ranges,
      periods,
      verdict,
      reach: reached,
      min: chart.min,
      max: chart.max,
      decimals: seriesItem(scenario, chart.series[0]!.id)?.format?.decimals,
      format,
    },
    width,
    width === undefined ? 0 : heightFor(width),
  );
  const place = useMemo(
    () => geometry && mark && { ...markPlace(geometry.frame, mark), guessLabel: t('yourGuess') },
    [geometry, mark, t],
  );
  const name = t('chartName', {
    title: chart.title[lang],
    start: monthLabel(lang, start, 0),
    end: monthLabel(lang, start, result.horizon),
    unit: chart.unit[lang],
  });
  const readout =
    concealed || focus === undefined || focus >= result.t.length
      ? ''
      : t('readout', {
          date: monthLabel(lang, start, result.t[focus]!, 'long'),
          values: chart.series
            .map(
              (s) =>
                `${seriesItem(scenario, s.id)?.label[lang] ?? s.id} ${seriesValue(scenario, s.id, result.series[s.id]?.[focus] ?? NaN, lang)}`,
            )
            .join('; '),
        });
  return (
    <figure className="chart" data-chart={chart.id}>
      <figcaption>
        <h3>{chart.title[lang]}</h3>
        <span className="unit">{chart.unit[lang]}</span>
      </figcaption>
      <div ref={box} className="chart-box">
        {concealed ? (
          <p className="chart-hidden">{t('hiddenUntilReveal')}</p>
        ) : (
          geometry && (
            <LineChart
              name={name}
              geometry={geometry}
              rangesUpdating={updating}
              focus={focus}
              onFocus={onFocus}
              mark={place}
            />
          )
        )}
      </div>
      <Legend chart={chart} updating={updating} />
      {/* The bands only while they are those of these settings, so a file never pairs them with others. */}
      <ExportButtons chart={chart} box={box} result={result} bands={updating ? undefined : bands?.bands} name={name} />
      <Explain ids={ids} />
      <p className="readout" aria-live="polite">
        {readout}
      </p>
    </figure>
  );
});

/** Every chart of the scenario, or the charts given (a story step's, in the presentation view). */
export function ChartsPanel({ charts }: { charts?: readonly Chart[] }) {
  const scenario = useScenario();
  const store = useAppStore();
  const { lang, t } = useT();
  const result = useApp(selectResult);
  const baseline = useApp(selectBaseline);
  const fixed = useApp((s) => s.axes === 'fixed');
  const reach = useApp((s) => (s.axes === 'fixed' ? selectReach(s) : undefined));
  const { value: bands, updating } = useBands();
  const concealed = useApp(selectConcealed);
  const step = useApp(selectStep);
  const guess = useApp((s) => (step ? s.guesses[step.id] : undefined));
  // A story step's answer, marked on its outcome's chart once it shows; a number guess beside it.
  const mark = useMemo((): (ChartMark & { series: string }) | undefined => {
    if (!step || concealed !== undefined) return undefined;
    const i = answerIndex(scenario, step, result);
    const value = i === undefined ? undefined : result.series[step.highlight]?.[i];
    if (i === undefined || value === undefined) return undefined;
    const guessed = step.question?.kind === 'number' ? guessValue(guess) : NaN;
    return {
      series: step.highlight,
      t: result.t[i]!,
      value,
      guess: Number.isFinite(guessed) ? guessed : undefined,
    };
  }, [scenario, step, concealed, result, guess]);
  const [focus, setFocus] = useState<number | undefined>(undefined);
  // The shaded periods (a border closure, say), the same on every chart.
  const periods = useMemo(
    () =>
      periodsOf(scenario, result).map((p) => ({
        from: p.from,
        to: p.to,
        label: scenario.timeMarks[p.mark]!.label[lang],
      })),
    [scenario, result, lang],
  );
  return (
    <section className="charts" aria-labelledby="charts-heading">
      <div className="section-head">
        <h2 id="charts-heading">{t('charts')}</h2>
        <label className="axes-toggle">
          <input
            type="checkbox"
            checked={fixed}
            onChange={(e) => store.getState().setAxes(e.currentTarget.checked ? 'fixed' : 'fit')}
          />{' '}
          {t('fixedAxes')}
        </label>
      </div>
      <div className="chart-grid">
        {(charts ?? scenario.charts).map((c) => (
          <ChartFigure
            key={c.id}
            chart={c}
            result={result}
            baseline={baseline}
            bands={bands}
            reach={reach}
            periods={periods}
            updating={updating}
            concealed={c.series.some((s) => s.id === concealed)}
            focus={focus}
            onFocus={setFocus}
            mark={mark && c.series.some((s) => s.id === mark.series) ? mark : undefined}
          />
        ))}
      </div>
    </section>
  );
}
