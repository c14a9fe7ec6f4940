/**
 * The presentation view (`view=present`), for a projector: big type and thick lines (app.css,
 * `.present`), only the levers and outcomes the story step names (the headline ones outside the
 * story), the step's text and question, and a QR code that opens this step on a phone. Esc leaves
 * it with the settings as they are; F or the button goes full screen. Loaded on demand.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { Chart, Scenario, StoryStep } from '../model/schema.ts';
import { selectStep } from '../state/derived.ts';
import { ChartsPanel } from './ChartsPanel.tsx';
import { useApp, useAppStore, useScenario, useT } from './context.ts';
import { LeverPanel } from './LeverPanel.tsx';
import { OutcomeCards } from './OutcomeCards.tsx';
import { StoryPanel } from './StoryPanel.tsx';
import { fullScreen } from './useShortcuts.ts';
import { useLink } from './useLink.ts';

const QrCode = lazy(() => import('./QrCode.tsx'));

/**
 * The charts a step is about: the scenario's charts of its outcome, or, where none draws it, a
 * chart of that outcome alone. Outside the story, the first chart.
 */
function chartsFor(scenario: Scenario, step: StoryStep | undefined): Chart[] {
  if (!step) return scenario.charts.slice(0, 1);
  const drawn = scenario.charts.filter((c) => c.series.some((s) => s.id === step.highlight));
  if (drawn.length > 0) return drawn;
  const outcome = scenario.outcomes.find((o) => o.id === step.highlight);
  if (!outcome) return [];
  const actor = scenario.actors[0];
  return [
    {
      id: `story-${step.id}`,
      title: outcome.label,
      unit: outcome.unit,
      series: [{ id: outcome.id, color: actor?.color ?? '#1d4ed8' }],
    },
  ];
}

export default function Presentation() {
  const scenario = useScenario();
  const store = useAppStore();
  const { lang, t } = useT();
  const step = useApp(selectStep);
  // Students who scan the code get the page itself at this step, not the projector's view.
  const link = useLink({ view: 'page' });
  const charts = useMemo(() => chartsFor(scenario, step), [scenario, step]);
  return (
    <div className="present">
      <header className="present-bar">
        <h1 className="present-title">{scenario.title[lang]}</h1>
        {!step && scenario.story.length > 0 && (
          <button type="button" onClick={() => store.getState().goToStep(1)}>
            {t('storyStart')}
          </button>
        )}
        <button type="button" aria-keyshortcuts="F" onClick={fullScreen}>
          {t('fullScreen')}
        </button>
        <button type="button" aria-keyshortcuts="Escape" onClick={() => store.getState().setView('page')}>
          {t('leavePresentation')}
        </button>
      </header>
      <main className="present-body">
        <div className="present-story">
          <StoryPanel />
        </div>
        <div className="present-levers">
          <LeverPanel only={step?.levers} />
        </div>
        <div className="present-results">
          <OutcomeCards only={step ? [step.highlight] : undefined} />
          <figure className="present-qr">
            <Suspense fallback={null}>
              <QrCode text={link} label={t('qrOf', { link })} size={180} />
            </Suspense>
            <figcaption>{t('scanToOpen')}</figcaption>
          </figure>
          <div className="present-charts">
            <ChartsPanel charts={charts} />
          </div>
        </div>
      </main>
    </div>
  );
}
