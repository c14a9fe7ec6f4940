/**
 * The headline outcomes as cards: the value at the end of the run (or its peak, or its total, as
 * the scenario says), its likely range, its change from the scenario's defaults and its verdict.
 * The outcome a story step asks about at a month (`at`) is read at that month, so the card's
 * number is the step's answer.
 */
import { memo, useMemo } from 'react';
import type { Outcome } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { formatDelta, formatNumber, monthLabel } from '../i18n/index.ts';
import { pointOf } from '../model/time.ts';
import { selectBaseline, selectConcealed, selectResult, selectStep } from '../state/derived.ts';
import { currentScenario, type AppState } from '../state/store.ts';
import { useApp, useBands, useScenario, useT } from './context.ts';
import { Explain } from './Explain.tsx';

/** The verdict band a value falls in (the first whose upper end it is below). */
function bandOf(outcome: Outcome, value: number) {
  return outcome.bands?.find((b) => b.below === undefined || value < b.below);
}

/** The time index a story step reads this outcome at, when the step asks about it at a month. */
function stepPoint(state: AppState, id: string): number | undefined {
  const step = selectStep(state);
  if (step?.highlight !== id || step.at === undefined) return undefined;
  return pointOf(currentScenario(state).time, step.at, selectResult(state).t.length);
}

const Card = memo(function Card({ outcome: o, start }: { outcome: Outcome; start: string }) {
  const { lang, t } = useT();
  const point = useApp((s) => stepPoint(s, o.id));
  // The outcome as its card summarises it, or its value at the story step's month.
  const read = (r: SimulationResult) => (point === undefined ? r.outcomes[o.id] : r.series[o.id]?.[point]) ?? NaN;
  const value = useApp((s) => read(selectResult(s)));
  const atDefault = useApp((s) => read(selectBaseline(s)));
  // When the card reads a peak or a given month: the month it was read at.
  const at = useApp((s) => {
    const r = selectResult(s);
    const i = point ?? r.outcomeAt[o.id];
    return i === undefined ? undefined : r.t[i];
  });
  const { value: bands, updating } = useBands();
  const ids = useMemo(() => [o.id], [o.id]);
  const concealed = useApp((s) => selectConcealed(s) === o.id);
  const seriesBand = bands?.bands.series[o.id];
  const spread =
    point === undefined
      ? bands?.bands.outcomes[o.id]
      : seriesBand && { p10: seriesBand.p10[point] ?? NaN, p90: seriesBand.p90[point] ?? NaN };
  const d = o.format.decimals;
  const delta = value - atDefault;
  const same = Number(delta.toFixed(d)) === 0;
  const tone = o.better === 'neither' || same ? 'neutral' : delta > 0 === (o.better === 'higher') ? 'good' : 'bad';
  const band = bandOf(o, value);
  const of = point === undefined ? o.summary.of : 'at';
  const summary =
    of === 'total'
      ? t('summaryTotal')
      : of === 'end' || at === undefined
        ? ''
        : t(of === 'peak' ? 'summaryPeak' : 'summaryAt', { date: monthLabel(lang, start, at, 'short') });
  if (concealed) {
    // A story step asks about this outcome: nothing of its value shows until the answer is revealed.
    return (
      <article className="card concealed" data-outcome={o.id} aria-labelledby={`card-${o.id}`}>
        <h3 id={`card-${o.id}`}>{o.label[lang]}</h3>
        <p className="card-value">
          <span className="number">?</span> <span className="unit">{o.unit[lang]}</span>
        </p>
        <p className="card-hidden">{t('hiddenUntilReveal')}</p>
      </article>
    );
  }
  return (
    <article className="card" data-outcome={o.id} data-value={value} aria-labelledby={`card-${o.id}`}>
      <h3 id={`card-${o.id}`}>{o.label[lang]}</h3>
      <p className="card-value">
        <span className="number">{formatNumber(lang, value, d)}</span> <span className="unit">{o.unit[lang]}</span>{' '}
        {summary && <span className="card-summary">{summary}</span>}
      </p>
      <p
        className={updating ? 'card-range updating' : 'card-range'}
        data-range={spread ? `${spread.p10} ${spread.p90}` : undefined}
        title={bands ? t('likelyRangeTitle', { draws: bands.bands.draws }) : undefined}
      >
        {spread
          ? t('likelyRange', { low: formatNumber(lang, spread.p10, d), high: formatNumber(lang, spread.p90, d) })
          : t('rangeUpdating')}
      </p>
      <p className={`card-delta delta-${tone}`}>
        {same ? t('sameAsDefault') : t('vsDefault', { delta: formatDelta(lang, delta, d) })}
      </p>
      {band && (
        <p className={`card-band tone-${band.tone}`} title={band.text[lang]}>
          <span className="visually-hidden">{t('verdict', { label: o.label[lang] })} </span>
          {band.label[lang]}
        </p>
      )}
      <Explain ids={ids} />
    </article>
  );
});

/** The headline outcomes, or the ones named in `only` (a story step's, in the presentation view). */
export function OutcomeCards({ only }: { only?: readonly string[] }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const horizon = useApp((s) => selectResult(s).horizon);
  const end = monthLabel(lang, scenario.time.start, horizon, 'long');
  return (
    <section className="outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('outcomes', { date: end })}</h2>
      <div className="cards">
        {scenario.outcomes
          .filter((o) => (only === undefined ? o.headline : only.includes(o.id)))
          .map((o) => (
            <Card key={o.id} outcome={o} start={scenario.time.start} />
          ))}
      </div>
    </section>
  );
}
