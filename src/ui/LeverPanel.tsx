import { memo, useLayoutEffect, useRef } from 'react';
import { sameFields, useLiveEffect, writeAttr } from '../charts/live.ts';
import type { Lever, Scenario } from '../model/schema.ts';
import type { AppStore } from '../state/store.ts';
import { formatNumber, monthLabel, t, type Lang } from '../i18n/index.ts';
import { useApp, useAppStore, useScenario, useSources, useT, useUncertainty } from './context.ts';
import { SourceItem } from './SourceItem.tsx';
import { Swatch } from './Swatch.tsx';
import { leverChanged } from './timing.ts';

function decimals(step: number): number {
  const s = String(step);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** A bigger step for Shift+arrow and PageUp/PageDown: a tenth of the range, on the lever's grid. */
function bigStep(lever: Lever): number {
  return Math.max(lever.step, Math.round((lever.max - lever.min) / 10 / lever.step) * lever.step);
}

/** The value a lever has in the store now. */
function valueIn(store: AppStore, lever: Lever): number {
  return store.getState().levers[lever.id] ?? lever.default;
}

/** Sets a lever from one of its controls; the event being handled is measured (timing.ts). */
function setLever(store: AppStore, lever: Lever, value: number): void {
  store.getState().setLever(lever.id, value);
  leverChanged();
}

/** The lever (and store) that each slider on the page sets, for the listener that handles them. */
const sliders = new WeakMap<EventTarget, { lever: Lever; store: AppStore }>();

/** Where Shift+arrow, PageUp or PageDown takes a lever (the browser handles the other keys). */
function bigStepFrom(lever: Lever, value: number, e: KeyboardEvent, rtl: () => boolean): number | undefined {
  const big = bigStep(lever);
  let next: number | undefined;
  if (e.shiftKey && e.key.startsWith('Arrow')) {
    // In a right-to-left layout the browser mirrors the slider's left and right arrows; so do we.
    const up = e.key === 'ArrowUp' || e.key === (rtl() ? 'ArrowLeft' : 'ArrowRight');
    next = up ? value + big : value - big;
  }
  if (e.key === 'PageUp') next = value + big;
  else if (e.key === 'PageDown') next = value - big;
  return next === undefined ? undefined : Math.min(lever.max, Math.max(lever.min, next));
}

/**
 * Sets levers from their sliders. A slider's events are handled on the document, before they
 * reach React's root listener, and go no further: nothing above a slider listens to them, and
 * React would otherwise walk its tree for handlers that do not exist, work out selection changes
 * on every key, and after each change event restore every input it rendered by writing its name
 * and type again (facebook/react#36229), which on a slider is four attribute writes and the style
 * work they cause, on every step. A keyboard step fires both input and change; the first applies
 * the value. The browser still carries out each key's default action.
 */
function useSliderEvents(store: AppStore): void {
  useLayoutEffect(() => {
    const sliderOf = (e: Event) => {
      const slider = e.target ? sliders.get(e.target) : undefined;
      // Another app on the same page (as in a test) handles its own sliders.
      return slider?.store === store ? slider.lever : undefined;
    };
    const onSlide = (e: Event) => {
      const lever = sliderOf(e);
      if (!lever) return;
      e.stopPropagation();
      const v = Number((e.target as HTMLInputElement).value);
      if (v !== valueIn(store, lever)) setLever(store, lever, v);
    };
    const onKey = (e: Event) => {
      const lever = sliderOf(e);
      if (!lever) return;
      e.stopPropagation();
      if (e.type !== 'keydown') return;
      const input = e.target as HTMLInputElement;
      const value = valueIn(store, lever);
      const next = bigStepFrom(lever, value, e as KeyboardEvent, () => getComputedStyle(input).direction === 'rtl');
      if (next === undefined) return;
      e.preventDefault();
      if (next !== value) setLever(store, lever, next);
    };
    const listeners: [string, (e: Event) => void][] = [
      ['input', onSlide],
      ['change', onSlide],
      ['keydown', onKey],
      ['keyup', onKey],
    ];
    for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
    };
  }, [store]);
}

/** A lever's sources, on demand; static, so a moving slider does not redraw it. */
const LeverSources = memo(function LeverSources({
  lever,
  scenario,
  lang,
}: {
  lever: Lever;
  scenario: Scenario;
  lang: Lang;
}) {
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
});

/**
 * What a lever does at these settings, next to its slider: that it acts only together with
 * another (from the scenario file), that it changes nothing now (worked out with the bands), and
 * that it follows a preset's dated events. Renders when one of those changes, not on every step.
 */
function LeverStatus({ lever, scenario }: { lever: Lever; scenario: Scenario }) {
  const { lang, t: tr } = useT();
  const inert = useUncertainty((u) => u.value?.inert.includes(lever.id) ?? false);
  const follows = useApp((s) => s.follows[lever.id]);
  const preset = follows === undefined ? undefined : scenario.presets.find((p) => p.id === follows);
  const events = preset?.schedule?.[lever.id]?.map((e) =>
    tr('scheduleEvent', {
      value: formatNumber(lang, e.value, Number.isInteger(e.value) ? 0 : decimals(lever.step)),
      date: monthLabel(lang, e.from.slice(0, 7), 0, 'long'),
    }),
  );
  return (
    <>
      {lever.actsWith && <p className="lever-note">{lever.actsWith[lang]}</p>}
      {inert && (
        <p className="lever-inert" data-inert="true" title={tr('inertTitle')}>
          {tr('inert')}
        </p>
      )}
      {preset && events && (
        <p className="lever-follows" data-follows={preset.id}>
          {tr('followsSchedule', { preset: preset.label[lang], events: events.join('; ') })}
        </p>
      )}
    </>
  );
}

/**
 * One lever. React renders it once per language; its value follows the store (see
 * charts/live.ts), so moving it renders nothing. The number field is left to the browser while
 * someone types in it; otherwise it shows the value in use.
 */
const LeverControl = memo(function LeverControl({ lever, scenario }: { lever: Lever; scenario: Scenario }) {
  const { lang, t: tr } = useT();
  const store = useAppStore();
  const source = useSources().lever(lever.id);
  const slider = useRef<HTMLInputElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const reset = useRef<HTMLButtonElement>(null);
  const typed = useRef(false);
  const id = `lever-${lever.id}`;
  const unit = lever.unit[lang];
  const label = lever.label[lang];
  useLiveEffect(
    source,
    (v) => ({ value: v ?? lever.default, following: lever.id in store.getState().follows, lang }),
    ({ value, following }) => {
      const text = String(value);
      const input = slider.current;
      if (input && input.value !== text) input.value = text;
      input?.setAttribute('aria-valuetext', `${formatNumber(lang, value, decimals(lever.step))} ${unit}`);
      const number = field.current;
      if (number && document.activeElement !== number) {
        // Until someone types in the field, its value follows its value attribute; writing that
        // spares the caret and selection updates of setting the value on every step.
        if (!typed.current) writeAttr(number, 'value', text);
        else if (number.value !== text) number.value = text;
      }
      // A lever that follows a preset's dates can be reset to its default too.
      const atDefault = value === lever.default && !following;
      if (reset.current && reset.current.disabled !== atDefault) reset.current.disabled = atDefault;
    },
    sameFields,
  );
  const set = (v: number) => setLever(store, lever, v);
  useLayoutEffect(() => {
    const input = slider.current;
    if (!input) return;
    sliders.set(input, { lever, store });
    return () => {
      sliders.delete(input);
    };
  }, [lever, store]);
  return (
    <div className="lever" data-lever={lever.id}>
      <div className="lever-head">
        <label htmlFor={id}>{label}</label>
        <button
          ref={reset}
          type="button"
          className="reset"
          aria-label={tr('resetLever', { label })}
          title={tr('resetLever', { label })}
          onClick={() => store.getState().resetLever(lever.id)}
        >
          ↺
        </button>
      </div>
      <div className="lever-inputs">
        <input
          ref={slider}
          id={id}
          type="range"
          min={lever.min}
          max={lever.max}
          step={lever.step}
          aria-describedby={`${id}-description`}
        />
        <input
          ref={field}
          type="number"
          className="lever-number"
          autoComplete="off"
          min={lever.min}
          max={lever.max}
          step={lever.step}
          aria-label={tr('valueIn', { label, unit })}
          onChange={(e) => {
            typed.current = true;
            const text = e.currentTarget.value;
            const n = Number(text);
            if (text.trim() !== '' && Number.isFinite(n) && n >= lever.min && n <= lever.max) set(n);
          }}
          onBlur={(e) => {
            e.currentTarget.value = String(valueIn(store, lever));
          }}
        />
        <span className="unit">{unit}</span>
      </div>
      <LeverStatus lever={lever} scenario={scenario} />
      <p className="lever-description" id={`${id}-description`}>
        {lever.description[lang]}
      </p>
      <LeverSources lever={lever} scenario={scenario} lang={lang} />
    </div>
  );
});

/** "Reset all", usable once a lever is away from its default. */
function ResetAll() {
  const { t } = useT();
  const store = useAppStore();
  const button = useRef<HTMLButtonElement>(null);
  // Written, not rendered: the first step away from the defaults renders nothing.
  useLiveEffect(
    useSources().state,
    (s) => Object.keys(s.levers).length === 0 && Object.keys(s.follows).length === 0,
    (atDefaults) => {
      if (button.current) button.current.disabled = atDefaults;
    },
  );
  return (
    <button ref={button} type="button" onClick={() => store.getState().resetAll()}>
      {t('resetAll')}
    </button>
  );
}

/** Rendered again only when the scenario or the language changes. */
export const LeverPanel = memo(function LeverPanel() {
  const scenario = useScenario();
  const { lang, t } = useT();
  const store = useAppStore();
  useSliderEvents(store);
  return (
    <section className="lever-panel" aria-labelledby="levers-heading">
      <h2 id="levers-heading">{t('levers')}</h2>
      <div className="lever-actions">
        <label className="visually-hidden" htmlFor="preset">
          {t('presets')}
        </label>
        <select
          id="preset"
          value=""
          onChange={(e) => {
            if (e.currentTarget.value) store.getState().applyPreset(e.currentTarget.value);
          }}
        >
          <option value="">{t('choosePreset')}</option>
          {scenario.presets.map((p) => (
            <option key={p.id} value={p.id} title={p.description[lang]}>
              {p.label[lang]}
            </option>
          ))}
        </select>
        <ResetAll />
      </div>
      {scenario.actors
        .filter((a) => scenario.levers.some((l) => l.actor === a.id))
        .map((actor) => (
          <fieldset key={actor.id} className="actor-group" data-actor={actor.id}>
            <legend>
              <Swatch color={actor.color} />
              {actor.name[lang]}
            </legend>
            {scenario.levers
              .filter((l) => l.actor === actor.id)
              .map((l) => (
                <LeverControl key={l.id} lever={l} scenario={scenario} />
              ))}
          </fieldset>
        ))}
    </section>
  );
});
