import { useMemo } from 'react';
import { scheduleOf } from '../model/inputs.ts';
import type { Lesson, Scenario } from '../model/schema.ts';
import { simulate } from '../model/simulate.ts';
import { formatNumber, type Lang } from '../i18n/index.ts';
import { modelFor } from '../state/derived.ts';
import { useApp, useAppStore, useScenario, useT } from './context.ts';

type Side = Lesson['a'];

function runOf(scenario: Scenario, side: Side, constants: Record<string, number>) {
  const preset = side.preset ? scenario.presets.find((p) => p.id === side.preset) : undefined;
  return simulate(
    modelFor(scenario),
    { ...preset?.values, ...side.set },
    {
      constants,
      schedule: scheduleOf(scenario, side.preset),
    },
  );
}

/** A lesson's text with its numbers worked out by the model, under the reader's assumptions. */
function lessonText(scenario: Scenario, lesson: Lesson, constants: Record<string, number>, lang: Lang): string {
  const a = runOf(scenario, lesson.a, constants);
  const b = runOf(scenario, lesson.b, constants);
  return lesson.text[lang].replace(/\{(a|b|diff)\.(\w+)\}/g, (_, side: string, id: string) => {
    const decimals = scenario.outcomes.find((o) => o.id === id)?.format.decimals ?? 0;
    const va = a.outcomes[id] ?? a.series[id]!.at(-1)!;
    const vb = b.outcomes[id] ?? b.series[id]!.at(-1)!;
    const v = side === 'a' ? va : side === 'b' ? vb : Math.abs(va - vb);
    return formatNumber(lang, v, decimals);
  });
}

/** The model's main lessons, in the scenario's words, with a way to see each one. */
export function LessonsPanel() {
  const scenario = useScenario();
  const store = useAppStore();
  const { lang, t } = useT();
  const constants = useApp((s) => s.constants);
  const texts = useMemo(
    () => scenario.lessons.map((l) => lessonText(scenario, l, constants, lang)),
    [scenario, constants, lang],
  );
  if (scenario.lessons.length === 0) return null;
  const show = (side: Side) => {
    const preset = side.preset ? scenario.presets.find((p) => p.id === side.preset) : undefined;
    const follows = Object.fromEntries(Object.keys(preset?.schedule ?? {}).map((l) => [l, side.preset!]));
    store.getState().applySetting({ ...preset?.values, ...side.set }, follows);
  };
  return (
    <section className="lessons" aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">{t('lessons')}</h2>
      <ul>
        {scenario.lessons.map((l, i) => (
          <li key={l.id} data-lesson={l.id}>
            <h3>{l.title[lang]}</h3>
            <p>{texts[i]}</p>
            <button type="button" aria-label={`${t('showMe')}: ${l.title[lang]}`} onClick={() => show(l.a)}>
              {t('showMe')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
