import type { Outcome } from '../model/schema.ts';
import type { SimulationResult } from '../model/simulate.ts';
import { formatDelta, formatNumber, monthLabel } from '../i18n/index.ts';
import { useScenario, useT } from './context.ts';

export function bandOf(outcome: Outcome, value: number) {
  return outcome.bands?.find((b) => b.below === undefined || value < b.below);
}

export function OutcomeCards({ result, baseline }: { result: SimulationResult; baseline: SimulationResult }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const end = monthLabel(lang, scenario.time.start, result.horizon, 'long');
  return (
    <section className="outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('outcomes', { date: end })}</h2>
      <div className="cards">
        {scenario.outcomes
          .filter((o) => o.headline)
          .map((o) => {
            const value = result.outcomes[o.id]!;
            const delta = value - baseline.outcomes[o.id]!;
            const d = o.format.decimals;
            const band = bandOf(o, value);
            const same = Number(delta.toFixed(d)) === 0;
            const good =
              o.better === 'neither' || same ? 'neutral' : delta > 0 === (o.better === 'higher') ? 'good' : 'bad';
            return (
              <article
                key={o.id}
                className="card"
                data-outcome={o.id}
                data-value={value}
                aria-labelledby={`card-${o.id}`}
              >
                <h3 id={`card-${o.id}`}>{o.label[lang]}</h3>
                <p className="card-value">
                  <span className="number">{formatNumber(lang, value, d)}</span>{' '}
                  <span className="unit">{o.unit[lang]}</span>
                </p>
                <p className={`card-delta delta-${good}`}>
                  {same ? t('sameAsDefault') : t('vsDefault', { delta: formatDelta(lang, delta, d) })}
                </p>
                {band && (
                  <p className={`card-band tone-${band.tone}`} title={band.text[lang]}>
                    {t('verdict', { label: o.label[lang], band: band.label[lang] })}
                  </p>
                )}
              </article>
            );
          })}
      </div>
    </section>
  );
}
