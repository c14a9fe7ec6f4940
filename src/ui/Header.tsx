import { lazy, Suspense, useState } from 'react';
import { useAppStore, useApp, useScenario, useT } from './context.ts';
import { SharePanel } from './SharePanel.tsx';

const ShareDialog = lazy(() => import('./ShareDialog.tsx'));

/**
 * The app's bar (the scenario picker, the language, "Copy link", "Share…", the presentation view,
 * the story, the keyboard shortcuts), then the scenario's title with its sources and notes, and its
 * summary. The lists are built only while open: they are long, and most visits never open them.
 */
export function Header({ onHelp }: { onHelp: () => void }) {
  const scenario = useScenario();
  const scenarios = useApp((s) => s.scenarios);
  const step = useApp((s) => s.step);
  const store = useAppStore();
  const { lang, t } = useT();
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  return (
    <header className="app-header">
      <div className="app-bar">
        <p className="app-name">{t('appName')}</p>
        <label className="picker">
          <span>{t('scenario')}</span>
          <select value={scenario.id} onChange={(e) => store.getState().setScenario(e.currentTarget.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="lang-switch"
          lang={lang === 'en' ? 'ar' : 'en'}
          aria-label={`${t('languageLabel')}: ${t('language')}`}
          onClick={() => store.getState().setLang(lang === 'en' ? 'ar' : 'en')}
        >
          {t('language')}
        </button>
        <SharePanel />
        <button type="button" aria-haspopup="dialog" onClick={() => setSharing(true)}>
          {t('shareMore')}
        </button>
        {scenario.story.length > 0 && step === 0 && (
          <button type="button" onClick={() => store.getState().goToStep(1)}>
            {t('storyStart')}
          </button>
        )}
        <button type="button" aria-keyshortcuts="P" onClick={() => store.getState().setView('present')}>
          {t('present')}
        </button>
        <button type="button" className="help" aria-keyshortcuts="?" aria-label={t('shortcuts')} onClick={onHelp}>
          ?
        </button>
      </div>
      <div className="title-row">
        <h1>{scenario.title[lang]}</h1>
        <details className="sources" onToggle={(e) => setSourcesOpen(e.currentTarget.open)}>
          <summary>
            {t('sources')} ({scenario.sources.length})
          </summary>
          {sourcesOpen && (
            <ol>
              {scenario.sources.map((s) => (
                <li key={s.id} id={`source-${s.id}`}>
                  <a href={s.url} rel="noreferrer" target="_blank">
                    {s.title}
                  </a>
                  , {s.publisher}, {s.date}
                </li>
              ))}
            </ol>
          )}
        </details>
        {scenario.notes.length > 0 && (
          <details className="notes" onToggle={(e) => setNotesOpen(e.currentTarget.open)}>
            <summary>{t('notes')}</summary>
            {notesOpen &&
              scenario.notes.map((n) => (
                <section key={n.id}>
                  <h3>{n.title[lang]}</h3>
                  <p>{n.text[lang]}</p>
                </section>
              ))}
          </details>
        )}
      </div>
      <p className="summary">{scenario.summary[lang]}</p>
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      )}
    </header>
  );
}
