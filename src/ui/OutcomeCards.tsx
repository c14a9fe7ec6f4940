import type { Outcome } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { memo } from 'react';
import { formatDelta, formatNumber, monthLabel, t, type Lang } from '../i18n/index.ts';
import { useScenario, useT } from './context.ts';

function bandOf(outcome: Outcome, value: number) {
  return outcome.bands?.find((b) => b.below === undefined || value < b.below);
}

interface CardProps {
  outcome: Outcome;
  value: number;
  delta: number;
  lang: Lang;
}

/** One headline outcome; redrawn only when its value changes. */
const Card = memo(function Card({ outcome: o, value, delta, lang }: CardProps) {
  const d = o.format.decimals;
  const band = bandOf(o, value);
  const same = Number(delta.toFixed(d)) === 0;
  const good = o.better === 'neither' || same ? 'neutral' : delta > 0 === (o.better === 'higher') ? 'good' : 'bad';
  return (
    <article className="card" data-outcome={o.id} data-value={value} aria-labelledby={`card-${o.id}`}>
      <h3 id={`card-${o.id}`}>{o.label[lang]}</h3>
      <p className="card-value">
        <span className="number">{formatNumber(lang, value, d)}</span> <span className="unit">{o.unit[lang]}</span>
      </p>
      <p className={`card-delta delta-${good}`}>
        {same ? t(lang, 'sameAsDefault') : t(lang, 'vsDefault', { delta: formatDelta(lang, delta, d) })}
      </p>
      {band && (
        <p className={`card-band tone-${band.tone}`} title={band.text[lang]}>
          {t(lang, 'verdict', { label: o.label[lang], band: band.label[lang] })}
        </p>
      )}
    </article>
  );
});

export function OutcomeCards({ result, baseline }: { result: SimulationResult; baseline: SimulationResult }) {
  const scenario = useScenario();
  const { lang, t: tr } = useT();
  const end = monthLabel(lang, scenario.time.start, result.horizon, 'long');
  return (
    <section className="outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{tr('outcomes', { date: end })}</h2>
      <div className="cards">
        {scenario.outcomes
          .filter((o) => o.headline)
          .map((o) => (
            <Card
              key={o.id}
              outcome={o}
              value={result.outcomes[o.id]!}
              delta={result.outcomes[o.id]! - baseline.outcomes[o.id]!}
              lang={lang}
            />
          ))}
      </div>
    </section>
  );
}
