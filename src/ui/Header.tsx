import { memo } from 'react';
import { useAppStore, useApp, useScenario, useT } from './context.ts';

/** Memoised: it reads the store itself, so the app's re-render on every lever change skips it. */
export const Header = memo(function Header() {
  const scenario = useScenario();
  const scenarios = useApp((s) => s.scenarios);
  const store = useAppStore();
  const { lang, t } = useT();
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
      </div>
      <h1>{scenario.title[lang]}</h1>
      <p className="summary">{scenario.summary[lang]}</p>
      <details className="sources">
        <summary>
          {t('sources')} ({scenario.sources.length})
        </summary>
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
      </details>
      {scenario.notes.length > 0 && (
        <details className="notes">
          <summary>{t('notes')}</summary>
          {scenario.notes.map((n) => (
            <section key={n.id}>
              <h3>{n.title[lang]}</h3>
              <p>{n.text[lang]}</p>
            </section>
          ))}
        </details>
      )}
    </header>
  );
});
