/**
 * The printed handout: hidden on screen, shown by the print stylesheet around the charts. The top
 * part gives the title, the story step, the settings and the headline outcomes with their likely
 * ranges; the end part the link, its QR code and the sources. It is drawn only for printing
 * (usePrinting.ts); from then on it follows the page at low priority (useDeferredValue), so it
 * never slows a slider down.
 */
import { memo, useDeferredValue } from 'react';
import { formatNumber, monthLabel } from '../i18n/index.ts';
import { selectResult, selectStep } from '../state/derived.ts';
import type { AppState } from '../state/store.ts';
import { useApp, useBands, useScenario, useT } from './context.ts';
import { seriesValue } from './format.ts';
import { SourceItem } from './SourceItem.tsx';
import { useLink } from './useLink.ts';
import QrCode from './QrCode.tsx';

export function HandoutTop() {
  return <HandoutTopOf state={useDeferredValue(useApp((s) => s))} />;
}

const HandoutTopOf = memo(function HandoutTopOf({ state }: { state: AppState }) {
  const scenario = useScenario();
  const { lang, t } = useT();
  const result = selectResult(state);
  const step = selectStep(state);
  const { value: bands } = useBands();
  return (
    <section className="handout handout-top" aria-hidden="true">
      <h1>{scenario.title[lang]}</h1>
      <p>{scenario.summary[lang]}</p>
      {step && (
        <p>
          <strong>{step.title[lang]}.</strong> {step.text[lang]}
        </p>
      )}
      <h2>{t('handoutSettings')}</h2>
      <ul className="handout-settings">
        {scenario.levers.map((l) => {
          const follows = state.follows[l.id];
          const preset = scenario.presets.find((p) => p.id === follows);
          return (
            <li key={l.id}>
              {l.label[lang]}:{' '}
              {preset
                ? preset.label[lang]
                : `${formatNumber(lang, state.levers[l.id] ?? l.default, 1).replace(/\.0$/, '')} ${l.unit[lang]}`}
            </li>
          );
        })}
      </ul>
      <h2>{t('outcomes', { date: monthLabel(lang, scenario.time.start, result.horizon, 'long') })}</h2>
      <ul className="handout-outcomes">
        {scenario.outcomes
          .filter((o) => o.headline)
          .map((o) => {
            const spread = bands?.bands.outcomes[o.id];
            return (
              <li key={o.id}>
                {o.label[lang]}: {seriesValue(scenario, o.id, result.outcomes[o.id] ?? NaN, lang)}
                {spread &&
                  ` (${t('likelyRange', {
                    low: formatNumber(lang, spread.p10, o.format.decimals),
                    high: formatNumber(lang, spread.p90, o.format.decimals),
                  })})`}
              </li>
            );
          })}
      </ul>
    </section>
  );
});

export function HandoutEnd() {
  const scenario = useScenario();
  const { lang, t } = useT();
  const link = useDeferredValue(useLink({ view: 'page', embed: false }));
  return (
    <section className="handout handout-end" aria-hidden="true">
      <div className="handout-link">
        <div>
          <h2>{t('handoutLink')}</h2>
          <p dir="ltr">{link}</p>
        </div>
        <QrCode text={link} label={t('qrOf', { link })} size={140} />
      </div>
      <p>{scenario.caveat[lang]}</p>
      <h2>{t('sources')}</h2>
      <ul className="handout-sources">
        {scenario.sources.map((s) => (
          <SourceItem key={s.id} source={s} />
        ))}
      </ul>
    </section>
  );
}
