import { useState } from 'react';
import { useAppStore, useApp, useScenario, useT } from './context.ts';
import { SharePanel } from './SharePanel.tsx';

/**
 * The app's bar (the scenario's sources and notes, the scenario picker, the language, "Copy link"),
 * then the scenario's title and summary. The lists are built only while open: they are long, and most visits never open them.
 */
export function Header() {
  const scenario = useScenario();
  const scenarios = useApp((s) => s.scenarios);
  const store = useAppStore();
  const { lang, t } = useT();
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  return (
    <header className="app-header">
      <div className="app-bar">
        <p className="app-name">{t('appName')}</p>
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
      </div>
      <h1>{scenario.title[lang]}</h1>
      <p className="summary">{scenario.summary[lang]}</p>
    </header>
  );
}
