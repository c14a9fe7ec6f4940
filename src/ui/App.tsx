import { lazy, Suspense, useCallback, useContext, useLayoutEffect, useState } from 'react';
import { dir, t as translate } from '../i18n/index.ts';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { ChartsPanel } from './ChartsPanel.tsx';
import { UndoContext, useApp, useAppStore, useScenario, useT } from './context.ts';
import { Header } from './Header.tsx';
import { LessonsPanel } from './LessonsPanel.tsx';
import { LeverPanel } from './LeverPanel.tsx';
import { NetworkPanel } from './NetworkPanel.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { OutcomeCards } from './OutcomeCards.tsx';
import { useLink } from './useLink.ts';
import { usePrinting } from './usePrinting.ts';
import { useShortcuts } from './useShortcuts.ts';

// Loaded when first needed, so the page's first download stays small.
const Presentation = lazy(() => import('./Presentation.tsx'));
const StoryPanel = lazy(() => import('./StoryPanel.tsx').then((m) => ({ default: m.StoryPanel })));
const KeyboardHelp = lazy(() => import('./KeyboardHelp.tsx').then((m) => ({ default: m.KeyboardHelp })));

/** In an embedded page, a way out to the whole app. */
function EmbedFooter() {
  const { t } = useT();
  const link = useLink({ embed: false });
  return (
    <p className="embed-foot">
      <a href={link} target="_blank" rel="noreferrer">
        {t('openFull')}
      </a>
    </p>
  );
}

/**
 * The whole page: URL → store → derived results (state/derived.ts) → panels and charts. Each part
 * reads what it shows from the store through hooks (context.ts), so a lever step re-renders the
 * parts whose numbers change, not the page. The headline outcomes come first, across the page;
 * then the levers beside the charts. Skip links lead past the header to the levers or the charts.
 * `view=present` shows the presentation view instead (Presentation.tsx); `embed=1` leaves out the
 * header; the handout is what the page prints.
 */
export function App() {
  const scenario = useScenario();
  const store = useAppStore();
  const undo = useContext(UndoContext);
  const { lang, t } = useT();
  const view = useApp((s) => s.view);
  const embed = useApp((s) => s.embed);
  const inStory = useApp((s) => s.step > 0);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const handout = usePrinting();
  useShortcuts(store, undo, openHelp);

  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir(lang);
    document.title = `${scenario.title[lang]} · ${translate(lang, 'appName')}`;
  }, [lang, scenario]);

  return (
    <div className={embed ? 'app embedded' : 'app'} lang={lang} dir={dir(lang)}>
      {view === 'present' ? (
        <Suspense fallback={null}>
          <Presentation />
        </Suspense>
      ) : (
        <>
          <nav className="skip-links" aria-label={t('skipLinks')}>
            <a href="#levers">{t('skipToLevers')}</a>
            <a href="#results">{t('skipToCharts')}</a>
          </nav>
          {!embed && <Header onHelp={openHelp} />}
          {handout && <handout.HandoutTop />}
          <NoticeBar />
          <main className="layout">
            {inStory && (
              <Suspense fallback={null}>
                <StoryPanel />
              </Suspense>
            )}
            <OutcomeCards />
            <LeverPanel />
            <div className="results" id="results" tabIndex={-1}>
              <ChartsPanel />
              <LessonsPanel />
              <NetworkPanel />
              <AssumptionsPanel />
              <aside className="caveat">
                <h2>{t('teachingModel')}</h2>
                <p>{scenario.caveat[lang]}</p>
              </aside>
            </div>
          </main>
          {embed && <EmbedFooter />}
          {handout && <handout.HandoutEnd />}
        </>
      )}
      {help && (
        <Suspense fallback={null}>
          <KeyboardHelp onClose={() => setHelp(false)} />
        </Suspense>
      )}
    </div>
  );
}
