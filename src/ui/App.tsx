import { useLayoutEffect, useMemo } from 'react';
import { dir, t } from '../i18n/index.ts';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { ChartsPanel } from './ChartsPanel.tsx';
import { currentScenario } from '../state/store.ts';
import { useApp, ViewContext } from './context.ts';
import { Header } from './Header.tsx';
import { LessonsPanel } from './LessonsPanel.tsx';
import { LeverPanel } from './LeverPanel.tsx';
import { NetworkPanel } from './NetworkPanel.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { OutcomeCards } from './OutcomeCards.tsx';
import { SharePanel } from './SharePanel.tsx';

/**
 * The whole page: URL → store → simulation (derived) → panels and charts. It renders again only
 * when the scenario or the language changes; what moves with the levers follows the store itself
 * (see charts/live.ts and ui/sources.ts).
 */
export function App() {
  const lang = useApp((s) => s.lang);
  const scenario = useApp(currentScenario);
  const view = useMemo(() => ({ lang, scenario }), [lang, scenario]);

  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir(lang);
    document.title = `${scenario.title[lang]} · ${t(lang, 'appName')}`;
  }, [lang, scenario]);

  return (
    <ViewContext.Provider value={view}>
      <div className="app" lang={lang} dir={dir(lang)}>
        <Header />
        <NoticeBar />
        <main className="layout">
          <LeverPanel />
          <div className="results">
            <OutcomeCards />
            <SharePanel />
            <ChartsPanel />
            <LessonsPanel />
            <NetworkPanel />
            <AssumptionsPanel />
            <aside className="caveat">
              <h2>{t(lang, 'teachingModel')}</h2>
              <p>{scenario.caveat[lang]}</p>
            </aside>
          </div>
        </main>
      </div>
    </ViewContext.Provider>
  );
}
