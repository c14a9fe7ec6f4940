/**
 * The story step shown: its title, its text, its question (predict, then reveal), what the reader
 * changed from its settings, and Previous / Next. The same panel serves the page and the
 * presentation view (bigger there, through CSS).
 */
import { useShallow } from 'zustand/react/shallow';
import type { Scenario, StoryStep } from '../model/schema.ts';
import { guessValue, stepAnswer } from '../model/story.ts';
import { dir, monthLabel, type Lang } from '../i18n/index.ts';
import { selectResult, selectStep, selectStoryChanges } from '../state/derived.ts';
import { useApp, useAppStore, useBands, useScenario, useT } from './context.ts';
import { seriesItem, seriesNumber } from './format.ts';

function Answer({ step, scenario, lang }: { step: StoryStep; scenario: Scenario; lang: Lang }) {
  const { t } = useT();
  const result = useApp(selectResult);
  const { value: bands } = useBands();
  const guess = useApp((s) => s.guesses[step.id] ?? '');
  const answer = stepAnswer(scenario, step, result, bands?.bands);
  const id = step.highlight;
  const unit = seriesItem(scenario, id)?.unit[lang] ?? '';
  const value = seriesNumber(scenario, id, answer.value, lang);
  const when =
    answer.at === undefined
      ? ''
      : ` ${t('summaryAt', { date: monthLabel(lang, scenario.time.start, result.t[answer.at]!, 'long') })}`;
  const q = step.question;
  if (q?.kind === 'choice') {
    const right = q.choices[answer.choice!]!;
    const chosen = guess === '' ? undefined : q.choices[Number(guess)];
    return (
      <div className="story-answer" role="status">
        <p>{t('answerChoice', { choice: right.text[lang], value, unit, when })}</p>
        <p>
          {chosen === undefined
            ? t('guessNone')
            : chosen === right
              ? t('choiceRight')
              : t('choiceWrong', { choice: chosen.text[lang] })}
        </p>
      </div>
    );
  }
  const low = answer.low;
  const high = answer.high;
  const guessed = guessValue(guess);
  return (
    <div className="story-answer" role="status">
      <p>
        {low === undefined || high === undefined
          ? t('answerNumberAlone', { value, unit, when })
          : t('answerNumber', {
              value,
              unit,
              when,
              low: seriesNumber(scenario, id, low, lang),
              high: seriesNumber(scenario, id, high, lang),
            })}
      </p>
      <p>
        {!Number.isFinite(guessed)
          ? t('guessNone')
          : low !== undefined && high !== undefined && guessed >= low && guessed <= high
            ? t('guessWithin', { guess: seriesNumber(scenario, id, guessed, lang) })
            : t('guessOutside', { guess: seriesNumber(scenario, id, guessed, lang) })}
      </p>
    </div>
  );
}

/** A step's question: a number to guess or choices to pick from, then Reveal and the answer. */
function Question({ step, scenario, lang }: { step: StoryStep; scenario: Scenario; lang: Lang }) {
  const store = useAppStore();
  const { t } = useT();
  const revealed = useApp((s) => s.revealed);
  const guess = useApp((s) => s.guesses[step.id] ?? '');
  const q = step.question!;
  const set = (value: string) => store.getState().guess(step.id, value);
  const unit = seriesItem(scenario, step.highlight)?.unit[lang] ?? '';
  return (
    <div className="story-question">
      {q.kind === 'number' ? (
        <label className="story-guess">
          <span>{q.text[lang]}</span>
          <span className="story-guess-field">
            <input
              type="number"
              inputMode="decimal"
              value={guess}
              disabled={revealed}
              aria-label={`${q.text[lang]} ${t('guessIn', { unit })}`}
              onChange={(e) => set(e.currentTarget.value)}
            />
            <span className="unit">{unit}</span>
          </span>
        </label>
      ) : (
        <fieldset className="story-choices">
          <legend>{q.text[lang]}</legend>
          {q.choices.map((c, i) => (
            <label key={i}>
              <input
                type="radio"
                name={`guess-${step.id}`}
                value={i}
                checked={guess === String(i)}
                disabled={revealed}
                onChange={() => set(String(i))}
              />{' '}
              {c.text[lang]}
            </label>
          ))}
        </fieldset>
      )}
      {revealed ? (
        <Answer step={step} scenario={scenario} lang={lang} />
      ) : (
        <p className="story-reveal">
          <span>{t('predictFirst')}</span>{' '}
          <button type="button" aria-keyshortcuts="R" onClick={() => store.getState().reveal()}>
            {t('reveal')}
          </button>
        </p>
      )}
    </div>
  );
}

export function StoryPanel() {
  const scenario = useScenario();
  const store = useAppStore();
  const { lang, t } = useT();
  const n = useApp((s) => s.step);
  const step = useApp(selectStep);
  const changed = useApp(useShallow(selectStoryChanges));
  if (!step) return null;
  const total = scenario.story.length;
  const go = (to: number) => store.getState().goToStep(to);
  const label = (id: string) => scenario.levers.find((l) => l.id === id)?.label[lang] ?? id;
  // The arrow that points the way the text reads goes forward (the left one in Arabic).
  const [back, forward] = dir(lang) === 'rtl' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
  return (
    <section className="story" aria-labelledby="story-heading" data-step={n}>
      <p className="story-count">
        {t('story')} · {t('stepOf', { n, total })}
      </p>
      <h2 id="story-heading">{step.title[lang]}</h2>
      <p className="story-text">{step.text[lang]}</p>
      {step.question && <Question key={step.id} step={step} scenario={scenario} lang={lang} />}
      {changed.length > 0 && (
        <p className="story-changed">
          {changed.map(label).join(', ')}: {t('changedFromStory')}{' '}
          <button type="button" onClick={() => store.getState().resetStep()}>
            {t('backToStep')}
          </button>
        </p>
      )}
      <nav className="story-nav" aria-label={t('story')}>
        <button type="button" disabled={n <= 1} aria-keyshortcuts={`${back} PageUp`} onClick={() => go(n - 1)}>
          {t('previous')}
        </button>
        <button type="button" disabled={n >= total} aria-keyshortcuts={`${forward} PageDown`} onClick={() => go(n + 1)}>
          {t('next')}
        </button>
        <button type="button" className="story-leave" onClick={() => go(0)}>
          {t('leaveStory')}
        </button>
      </nav>
    </section>
  );
}
