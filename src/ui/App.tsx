import type { Scenario } from '../model/schema.ts';
import { dir, t, text, type Lang } from '../i18n/index.ts';

export interface AppProps {
  scenario: Scenario | undefined;
  lang: Lang;
}

/** The first screen: the founding scenario's title, summary and levers (the full app comes next). */
export function App({ scenario, lang }: AppProps) {
  if (!scenario) return <p role="alert">{t(lang, 'scenarioNotFound')}</p>;
  const actors = new Map(scenario.actors.map((a) => [a.id, a]));
  const other: Lang = lang === 'en' ? 'ar' : 'en';
  return (
    <div className="app" lang={lang} dir={dir(lang)}>
      <header className="app-header">
        <p className="app-name">{t(lang, 'appName')}</p>
        <h1>{text(lang, scenario.title)}</h1>
        <p className="summary">{text(lang, scenario.summary)}</p>
        <a className="lang-switch" href={`?scenario=${scenario.id}&lang=${other}`} lang={other}>
          {t(lang, 'language')}
        </a>
      </header>
      <main>
        <section aria-labelledby="levers-heading">
          <h2 id="levers-heading">{t(lang, 'levers')}</h2>
          <ul className="lever-list">
            {scenario.levers.map((l) => (
              <li key={l.id} data-lever={l.id}>
                <span className="actor" style={{ borderInlineStartColor: actors.get(l.actor)?.color }}>
                  {text(lang, actors.get(l.actor)!.name)}
                </span>
                <strong>{text(lang, l.label)}</strong>
                <span className="lever-range">
                  {t(lang, 'range', { min: l.min, max: l.max, unit: text(lang, l.unit) })};{' '}
                  {t(lang, 'defaultValue', { value: l.default, unit: text(lang, l.unit) })}
                </span>
                <span className="lever-description">{text(lang, l.description)}</span>
              </li>
            ))}
          </ul>
        </section>
        <aside className="caveat">
          <h2>{t(lang, 'teachingModel')}</h2>
          <p>{text(lang, scenario.caveat)}</p>
        </aside>
      </main>
    </div>
  );
}
