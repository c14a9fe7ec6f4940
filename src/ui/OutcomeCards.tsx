import type { Outcome } from '../model/schema.ts';
import { memo, useRef } from 'react';
import { sameFields, useLiveEffect, useLiveSelect, writeAttr, writeText, type Live } from '../charts/live.ts';
import { formatDelta, formatNumber, monthLabel, t, type Lang } from '../i18n/index.ts';
import { useScenario, useSources, useT } from './context.ts';
import { Explain } from './Explain.tsx';
import type { Results } from './sources.ts';

function bandOf(outcome: Outcome, value: number) {
  return outcome.bands?.find((b) => b.below === undefined || value < b.below);
}

/** How the card's value was read, when it is not the value at the end: "peak, in Sep 2025". */
function summaryText(o: Outcome, start: string, at: number | undefined, lang: Lang): string {
  if (o.summary.of === 'total') return t(lang, 'summaryTotal');
  if (o.summary.of === 'end' || at === undefined) return '';
  const date = monthLabel(lang, start, at, 'long');
  return o.summary.of === 'peak' ? t(lang, 'summaryPeak', { date }) : t(lang, 'summaryAt', { date });
}

/** What a card shows for a value and its change from the default. */
function cardView(o: Outcome, value: number, delta: number, lang: Lang) {
  const d = o.format.decimals;
  const band = bandOf(o, value);
  const same = Number(delta.toFixed(d)) === 0;
  const tone = o.better === 'neither' || same ? 'neutral' : delta > 0 === (o.better === 'higher') ? 'good' : 'bad';
  return {
    value,
    number: formatNumber(lang, value, d),
    delta: same ? t(lang, 'sameAsDefault') : t(lang, 'vsDefault', { delta: formatDelta(lang, delta, d) }),
    deltaClass: `card-delta delta-${tone}`,
    band: band ? t(lang, 'verdict', { label: o.label[lang], band: band.label[lang] }) : '',
    bandClass: `card-band tone-${band?.tone ?? 'neutral'}`,
    bandTitle: band?.text[lang] ?? '',
  };
}

/**
 * One headline outcome. React renders it once per language; its value, change and verdict are
 * written from the results as the levers move.
 */
const Card = memo(function Card({
  outcome: o,
  lang,
  results,
}: {
  outcome: Outcome;
  lang: Lang;
  results: Live<Results>;
}) {
  const card = useRef<HTMLElement>(null);
  const number = useRef<HTMLSpanElement>(null);
  const summary = useRef<HTMLSpanElement>(null);
  const delta = useRef<HTMLParagraphElement>(null);
  const band = useRef<HTMLParagraphElement>(null);
  const range = useRef<HTMLParagraphElement>(null);
  useLiveEffect(
    results,
    // Every card's select runs on every step: it picks numbers, and only a changed card formats.
    (r) => {
      const value = r.result.outcomes[o.id] ?? NaN;
      const spread = r.uncertainty.value?.bands.outcomes[o.id];
      const at = r.result.outcomeAt[o.id];
      return {
        value,
        delta: value - (r.baseline.outcomes[o.id] ?? NaN),
        at: at === undefined ? undefined : r.result.t[at],
        start: r.scenario.time.start,
        low: spread?.p10,
        high: spread?.p90,
        draws: r.uncertainty.value?.bands.draws,
        updating: r.uncertainty.updating,
        lang,
      };
    },
    ({ value, delta: change, at, start, low, high, draws, updating }) => {
      const v = cardView(o, value, change, lang);
      card.current?.setAttribute('data-value', String(v.value));
      writeText(number.current, v.number);
      writeText(summary.current, summaryText(o, start, at, lang));
      writeText(delta.current, v.delta);
      writeAttr(delta.current, 'class', v.deltaClass);
      writeText(band.current, v.band);
      writeAttr(band.current, 'class', v.bandClass);
      writeAttr(band.current, 'title', v.bandTitle);
      const d = o.format.decimals;
      const text =
        low === undefined || high === undefined
          ? t(lang, 'rangeUpdating')
          : t(lang, 'likelyRange', { low: formatNumber(lang, low, d), high: formatNumber(lang, high, d) });
      writeText(range.current, text);
      writeAttr(range.current, 'title', draws === undefined ? '' : t(lang, 'likelyRangeTitle', { draws }));
      writeAttr(range.current, 'class', `card-range${updating ? ' updating' : ''}`);
      if (low !== undefined) card.current?.setAttribute('data-range', `${low} ${high}`);
    },
    sameFields,
  );
  return (
    <article ref={card} className="card" data-outcome={o.id} aria-labelledby={`card-${o.id}`}>
      <h3 id={`card-${o.id}`}>{o.label[lang]}</h3>
      <p className="card-value">
        <span ref={number} className="number" /> <span className="unit">{o.unit[lang]}</span>{' '}
        <span ref={summary} className="card-summary" />
      </p>
      <p ref={range} />
      <p ref={delta} />
      {o.bands && <p ref={band} />}
      <Explain ids={[o.id]} />
    </article>
  );
});

export function OutcomeCards() {
  const scenario = useScenario();
  const { lang, t: tr } = useT();
  const { results } = useSources();
  const horizon = useLiveSelect(results, (r) => r.result.horizon);
  const end = monthLabel(lang, scenario.time.start, horizon, 'long');
  return (
    <section className="outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{tr('outcomes', { date: end })}</h2>
      <div className="cards">
        {scenario.outcomes
          .filter((o) => o.headline)
          .map((o) => (
            <Card key={o.id} outcome={o} lang={lang} results={results} />
          ))}
      </div>
    </section>
  );
}
