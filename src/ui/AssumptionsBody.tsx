/**
 * The body of the Assumptions panel, loaded when the panel is first opened: the uncertainty
 * settings and a control for every constant that has a plausible range.
 */
import { useState } from 'react';
import { constantGrid, decimalsOf } from '../model/inputs.ts';
import type { Constant } from '../model/schema.ts';
import { formatNumber, type Lang } from '../i18n/index.ts';
import { useApp, useAppStore, useScenario, useT } from './context.ts';

/** One constant within its range. Plain React: it moves only when a reader changes an assumption. */
function ConstantControl({ c, lang }: { c: Constant; lang: Lang }) {
  const store = useAppStore();
  const scenario = useScenario();
  const { t } = useT();
  const assumed = useApp((s) => s.constants[c.id]);
  const value = assumed ?? c.value;
  const grid = constantGrid(c);
  const digits = decimalsOf(grid.step);
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const id = `constant-${c.id}`;
  const label = c.label[lang];
  const unit = c.unit[lang];
  const fmt = (x: number) => formatNumber(lang, x, Math.max(digits, decimalsOf(x)));
  const commit = () => {
    if (typed === undefined) return;
    const n = Number(typed);
    if (typed.trim() !== '' && Number.isFinite(n)) store.getState().setConstant(c.id, n);
    setTyped(undefined);
  };
  const sources = scenario.sources.filter((s) => c.sources?.includes(s.id));
  return (
    <li className={assumed === undefined ? 'constant' : 'constant assumed'} data-constant={c.id}>
      <label htmlFor={id}>{label}</label>
      {assumed !== undefined && <span className="constant-mark"> · {t('assumedMark', { value: fmt(c.value) })}</span>}
      <div className="lever-inputs">
        <input
          id={id}
          type="range"
          min={grid.min}
          max={grid.max}
          step={grid.step}
          value={value}
          aria-valuetext={`${fmt(value)} ${unit}`}
          aria-describedby={`${id}-range`}
          onChange={(e) => store.getState().setConstant(c.id, Number(e.currentTarget.value))}
        />
        <input
          type="number"
          className="lever-number"
          min={grid.min}
          max={grid.max}
          step={grid.step}
          value={typed ?? String(value)}
          aria-label={t('valueIn', { label, unit })}
          onChange={(e) => setTyped(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <span className="unit">{unit}</span>
        <button
          type="button"
          className="reset"
          disabled={assumed === undefined}
          aria-label={t('resetConstant', { label })}
          title={t('resetConstant', { label })}
          onClick={() => store.getState().resetConstant(c.id)}
        >
          ↺
        </button>
      </div>
      <p className="lever-note" id={`${id}-range`}>
        {t('constantRange', { low: fmt(c.low), high: fmt(c.high), unit })};{' '}
        {t('sourcedValue', { value: fmt(c.value), unit })}
      </p>
      {c.fitted && <p className="lever-note">{t('fittedTo', { how: c.fitted.how[lang] })}</p>}
      {!c.fitted && (c.assumption ?? c.note) && <p className="lever-note">{(c.assumption ?? c.note)![lang]}</p>}
      {sources.length > 0 && (
        <p className="lever-note">
          {sources.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ' · '}
              <a href={s.url} rel="noreferrer" target="_blank">
                {s.publisher}
              </a>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

export default function AssumptionsBody({ constants: uncertain }: { constants: Constant[] }) {
  const store = useAppStore();
  const { lang, t } = useT();
  const changed = useApp((s) => Object.keys(s.constants).length);
  const seed = useApp((s) => s.seed);
  const draws = useApp((s) => s.draws);
  return (
    <>
      <p>{t('assumptionsIntro')}</p>
      <h3>{t('uncertainty')}</h3>
      <p>
        {t('uncertaintyText', { draws, seed })}{' '}
        <button type="button" onClick={() => store.getState().setSeed(seed + 1)}>
          {t('drawAgain')}
        </button>
      </p>
      <button type="button" disabled={changed === 0} onClick={() => store.getState().resetConstants()}>
        {t('resetAssumptions')}
      </button>
      <ul className="constants">
        {uncertain.map((c) => (
          <ConstantControl key={c.id} c={c} lang={lang} />
        ))}
      </ul>
    </>
  );
}
