import { useLayoutEffect } from 'react';
import { dir, t } from '../i18n/index.ts';
import { baselineOf, resultOf } from '../state/results.ts';
import { ChartsPanel } from './ChartsPanel.tsx';
import { useApp, useScenario } from './context.ts';
import { Header } from './Header.tsx';
import { LeverPanel } from './LeverPanel.tsx';
import { NetworkPanel } from './NetworkPanel.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { OutcomeCards } from './OutcomeCards.tsx';
import { SharePanel } from './SharePanel.tsx';
import { measureLeverUpdate } from './timing.ts';

/** The whole page: URL → store → simulation (derived) → panels and charts. */
export function App() {
  const lang = useApp((s) => s.lang);
  const scenario = useScenario();
  const levers = useApp((s) => s.levers);
  const result = resultOf(scenario, levers);
  const baseline = baselineOf(scenario);

  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir(lang);
    document.title = `${scenario.title[lang]} · ${t(lang, 'appName')}`;
  }, [lang, scenario]);

  // The script work of one lever change, from the input handler to the committed charts.
  useLayoutEffect(measureLeverUpdate, [result]);

  return (
    <div className="app" lang={lang} dir={dir(lang)}>
      <Header />
      <NoticeBar />
      <main className="layout">
        <LeverPanel />
        <div className="results">
          <OutcomeCards result={result} baseline={baseline} />
          <SharePanel />
          <ChartsPanel result={result} baseline={baseline} />
          <NetworkPanel result={result} />
          <aside className="caveat">
            <h2>{t(lang, 'teachingModel')}</h2>
            <p>{scenario.caveat[lang]}</p>
          </aside>
        </div>
      </main>
    </div>
  );
}
