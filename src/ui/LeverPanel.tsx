/**
 * The levers, grouped by actor: a slider and a number field each (plain React: controlled values
 * and React's own events), with its unit, a reset button, what it acts with, whether it does
 * anything now, how it acts and its sources; the presets; "Reset all". On a narrow screen the panel
 * folds away behind a button, so the results come first.
 */
import { memo, useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Lever, Scenario } from '../model/schema.ts';
import { decimalsOf } from '../model/levers.ts';
import { formatNumber, monthLabel, t, type Lang } from '../i18n/index.ts';
import { useShallow } from 'zustand/react/shallow';
import { selectStoryChanges } from '../state/derived.ts';
import { useApp, useAppStore, useScenario, useT, useUncertainty, useUndo } from './context.ts';
import { PresetPicker } from './PresetPicker.tsx';
import { SourceItem } from './SourceItem.tsx';
import { Swatch } from './Swatch.tsx';

/** A bigger step for Shift+arrow and PageUp/PageDown: a tenth of the range, on the lever's grid. */
function bigStep(lever: Lever): number {
  return Math.max(lever.step, Math.round((lever.max - lever.min) / 10 / lever.step) * lever.step);
}

/**
 * Where Shift+arrow, PageUp or PageDown take a lever (the browser moves it by one step for the
 * other keys). In a right-to-left layout the browser mirrors the plain left and right arrows; so
 * does this.
 */
function bigStepFrom(lever: Lever, value: number, e: KeyboardEvent<HTMLElement>): number | undefined {
  const big = bigStep(lever);
  let next: number | undefined;
  if (e.shiftKey && e.key.startsWith('Arrow')) {
    // Asked only here: reading the computed style makes the browser bring its styles up to date.
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const up = e.key === 'ArrowUp' || e.key === (rtl ? 'ArrowLeft' : 'ArrowRight');
    next = up ? value + big : value - big;
  } else if (e.key === 'PageUp') next = value + big;
  else if (e.key === 'PageDown') next = value - big;
  return next === undefined ? undefined : Math.min(lever.max, Math.max(lever.min, next));
}

/** A lever's value as the page writes it: on its grid's decimals. */
function shown(lang: Lang, lever: Lever, value: number): string {
  return formatNumber(lang, value, Number.isInteger(value) ? 0 : decimalsOf(lever.step));
}

/**
 * What a lever does at these settings: that it acts only together with another (from the scenario
 * file), that it changes nothing now (worked out with the bands), and that it follows a preset's
 * dated events.
 */
function LeverStatus({ lever, scenario, lang }: { lever: Lever; scenario: Scenario; lang: Lang }) {
  const inert = useUncertainty((u) => u.value?.inert.includes(lever.id) ?? false);
  const follows = useApp((s) => s.follows[lever.id]);
  const preset = follows === undefined ? undefined : scenario.presets.find((p) => p.id === follows);
  const events = preset?.schedule?.[lever.id]?.map((e) =>
    t(lang, 'scheduleEvent', {
      value: shown(lang, lever, e.value),
      date: monthLabel(lang, e.from.slice(0, 7), 0, 'long'),
    }),
  );
  return (
    <>
      {lever.actsWith && <p className="lever-note">{lever.actsWith[lang]}</p>}
      {inert && (
        <p className="lever-inert" data-inert="true" title={t(lang, 'inertTitle')}>
          {t(lang, 'inert')}
        </p>
      )}
      {preset && events && (
        <p className="lever-follows" data-follows={preset.id}>
          {t(lang, 'followsSchedule', { preset: preset.label[lang], events: events.join('; ') })}
        </p>
      )}
    </>
  );
}

/** How a lever acts, its assumption and its sources, on demand. */
function LeverSources({ lever, scenario, lang }: { lever: Lever; scenario: Scenario; lang: Lang }) {
  const label = lever.label[lang];
  const sources = scenario.sources.filter((s) => lever.sources?.includes(s.id));
  return (
    <details className="lever-sources">
      <summary>{t(lang, 'sourcesOf', { label })}</summary>
      <p className="lever-mechanism">
        <strong>{t(lang, 'mechanism')}:</strong> {lever.mechanism[lang]}
      </p>
      <ul>
        {sources.map((s) => (
          <SourceItem key={s.id} source={s} />
        ))}
        {lever.assumption && (
          <li>
            <strong>{t(lang, 'assumption')}:</strong> {lever.assumption[lang]}
          </li>
        )}
      </ul>
    </details>
  );
}

/**
 * A typed value is used when it is committed (Enter or leaving the field), not after every
 * keystroke: "30" is not first used as 3. A value outside the range is brought to its end, one off
 * the grid to the nearest step, and the field says so.
 */
function NumberField({ lever, value, lang, disabled }: { lever: Lever; value: number; lang: Lang; disabled: boolean }) {
  const store = useAppStore();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [said, setSaid] = useState('');
  const statusId = useId();
  const label = lever.label[lang];
  const unit = lever.unit[lang];
  const commit = () => {
    if (draft === undefined) return;
    setDraft(undefined);
    const given = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(given)) {
      setSaid(t(lang, 'typedNotANumber', { given: draft, value: shown(lang, lever, value) }));
      return;
    }
    store.getState().setLever(lever.id, given);
    const used = store.getState().levers[lever.id] ?? lever.default;
    setSaid(
      used === given
        ? ''
        : given < lever.min || given > lever.max
          ? t(lang, 'typedClamped', { given: draft, used: shown(lang, lever, used), unit })
          : t(lang, 'typedRounded', { given: draft, used: shown(lang, lever, used), unit }),
    );
  };
  return (
    <>
      <input
        type="number"
        className="lever-number"
        inputMode="decimal"
        autoComplete="off"
        min={lever.min}
        max={lever.max}
        step={lever.step}
        value={draft ?? String(value)}
        disabled={disabled}
        aria-label={t(lang, 'valueIn', { label, unit })}
        aria-describedby={statusId}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(undefined);
        }}
      />
      <span className="unit">{unit}</span>
      <p className="lever-typed" id={statusId} role="status">
        {said}
      </p>
    </>
  );
}

/** One lever. It re-renders when its own value, or the language, changes. */
const LeverControl = memo(function LeverControl({ lever, scenario }: { lever: Lever; scenario: Scenario }) {
  const { lang, t: tr } = useT();
  const store = useAppStore();
  const value = useApp((s) => s.levers[lever.id] ?? lever.default);
  const following = useApp((s) => lever.id in s.follows);
  const locked = useApp((s) => s.locked.includes(lever.id));
  const changed = useApp((s) => s.step > 0 && selectStoryChanges(s).includes(lever.id));
  const id = `lever-${lever.id}`;
  const label = lever.label[lang];
  const unit = lever.unit[lang];
  const set = (v: number) => store.getState().setLever(lever.id, v);
  return (
    <div className={locked ? 'lever locked' : 'lever'} data-lever={lever.id}>
      <div className="lever-head">
        <label htmlFor={id}>{label}</label>
        {locked && <span className="lever-lock">🔒 {tr('lockedLever')}</span>}
        <button
          type="button"
          className="reset"
          disabled={locked || (value === lever.default && !following)}
          aria-label={tr('resetLever', { label })}
          title={tr('resetLever', { label })}
          onClick={() => store.getState().resetLever(lever.id)}
        >
          ↺
        </button>
      </div>
      <div className="lever-inputs">
        <input
          id={id}
          type="range"
          min={lever.min}
          max={lever.max}
          step={lever.step}
          value={value}
          disabled={locked}
          aria-valuetext={`${shown(lang, lever, value)} ${unit}`}
          aria-describedby={`${id}-description`}
          onChange={(e) => set(Number(e.currentTarget.value))}
          onKeyDown={(e) => {
            const next = bigStepFrom(lever, value, e);
            if (next === undefined) return;
            e.preventDefault();
            set(next);
          }}
        />
        <NumberField lever={lever} value={value} lang={lang} disabled={locked} />
      </div>
      {changed && <p className="lever-changed">{tr('changedFromStory')}</p>}
      <LeverStatus lever={lever} scenario={scenario} lang={lang} />
      <p className="lever-description" id={`${id}-description`}>
        {lever.description[lang]}
      </p>
      <LeverSources lever={lever} scenario={scenario} lang={lang} />
    </div>
  );
});

function ResetAll({ lang }: { lang: Lang }) {
  const store = useAppStore();
  const atDefaults = useApp((s) => Object.keys(s.levers).length === 0 && Object.keys(s.follows).length === 0);
  return (
    <button type="button" disabled={atDefaults} onClick={() => store.getState().resetAll()}>
      {t(lang, 'resetAll')}
    </button>
  );
}

/** Undo and redo of lever changes (also Ctrl+Z and Ctrl+Shift+Z, see useShortcuts.ts). */
function UndoRedo({ lang }: { lang: Lang }) {
  const canUndo = useUndo((u) => u.past.length > 0);
  const canRedo = useUndo((u) => u.future.length > 0);
  const undo = useUndo((u) => u.undo);
  const redo = useUndo((u) => u.redo);
  return (
    <>
      <button type="button" disabled={!canUndo} aria-keyshortcuts="Control+Z" onClick={undo}>
        {t(lang, 'undo')}
      </button>
      <button type="button" disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" onClick={redo}>
        {t(lang, 'redo')}
      </button>
    </>
  );
}

/** Whether the screen is narrow (a phone): then the panel starts folded. */
const narrow = () => typeof matchMedia === 'function' && matchMedia('(max-width: 700px)').matches;

/**
 * The lever panel. `only` narrows it to some levers (a story step's, in the presentation view),
 * without the presets and the fold; levers a link hides are never shown.
 */
export function LeverPanel({ only }: { only?: readonly string[] }) {
  const scenario = useScenario();
  const { lang, t: tr } = useT();
  const hidden = useApp(useShallow((s) => s.hidden));
  const visible = scenario.levers.filter((l) => !hidden.includes(l.id) && (only === undefined || only.includes(l.id)));
  const [narrowFolded, setFolded] = useState(narrow);
  const folded = only === undefined && narrowFolded;
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(max-width: 700px)');
    const onChange = () => setFolded(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return (
    <section
      className={folded ? 'lever-panel folded' : 'lever-panel'}
      aria-labelledby="levers-heading"
      id="levers"
      tabIndex={-1}
    >
      <div className="lever-panel-head">
        <h2 id="levers-heading">{tr('levers')}</h2>
        {only === undefined && (
          <button
            type="button"
            className="fold"
            aria-expanded={!folded}
            aria-controls="lever-body"
            onClick={() => setFolded(!folded)}
          >
            {folded ? tr('showLevers') : tr('hideLevers')}
          </button>
        )}
      </div>
      <div id="lever-body" className="lever-body">
        {only === undefined && (
          <div className="lever-actions">
            <PresetPicker scenario={scenario} lang={lang} />
            <ResetAll lang={lang} />
            <UndoRedo lang={lang} />
          </div>
        )}
        {scenario.actors
          .filter((a) => visible.some((l) => l.actor === a.id))
          .map((actor) => (
            <fieldset key={actor.id} className="actor-group" data-actor={actor.id}>
              <legend>
                <Swatch color={actor.color} />
                {actor.name[lang]}
              </legend>
              {visible
                .filter((l) => l.actor === actor.id)
                .map((l) => (
                  <LeverControl key={l.id} lever={l} scenario={scenario} />
                ))}
            </fieldset>
          ))}
      </div>
    </section>
  );
}
