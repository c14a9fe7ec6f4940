import { useLayoutEffect } from 'react';
import { dir, t as translate } from '../i18n/index.ts';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { ChartsPanel } from './ChartsPanel.tsx';
import { useScenario, useT } from './context.ts';
import { Header } from './Header.tsx';
import { LessonsPanel } from './LessonsPanel.tsx';
import { LeverPanel } from './LeverPanel.tsx';
import { NetworkPanel } from './NetworkPanel.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { OutcomeCards } from './OutcomeCards.tsx';

/**
 * The whole page: URL → store → derived results (state/derived.ts) → panels and charts. Each part
 * reads what it shows from the store through hooks (context.ts), so a lever step re-renders the
 * parts whose numbers change, not the page. The headline outcomes come first, across the page;
 * then the levers beside the charts. Skip links lead past the header to the levers or the charts.
 */
export function App() {
  const scenario = useScenario();
  const { lang, t } = useT();

  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir(lang);
    document.title = `${scenario.title[lang]} · ${translate(lang, 'appName')}`;
  }, [lang, scenario]);

  return (
    <div className="app" lang={lang} dir={dir(lang)}>
      <nav className="skip-links" aria-label={t('skipLinks')}>
        <a href="#levers">{t('skipToLevers')}</a>
        <a href="#results">{t('skipToCharts')}</a>
      </nav>
      <Header />
      <NoticeBar />
      <main className="layout">
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
    </div>
  );
}
