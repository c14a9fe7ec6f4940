import type { UrlNotice } from '../state/url.ts';
import { useApp, useAppStore, useScenario, useT } from './context.ts';

/** What the app made of a link it could not use as given: a list of notices and a way to dismiss them. */
export function NoticeBar() {
  const notices = useApp((s) => s.notices);
  const store = useAppStore();
  const { lang, t } = useT();
  const scenario = useScenario();
  const label = (id: string) =>
    (scenario.levers.find((l) => l.id === id) ?? scenario.constants.find((c) => c.id === id))?.label[lang] ?? id;
  if (notices.length === 0) return null;
  const text = (n: UrlNotice): string => {
    switch (n.kind) {
      case 'unknown-scenario':
        return t('noticeUnknownScenario', { given: n.given, used: n.used });
      case 'unknown-key':
        return t('noticeUnknownKey', { key: n.key });
      case 'not-a-number':
        return t('noticeNotANumber', { given: n.given, lever: label(n.lever) });
      case 'clamped':
        return t('noticeClamped', { lever: label(n.lever), given: String(n.given), used: String(n.used) });
      case 'rounded':
        return t('noticeRounded', { lever: label(n.lever), given: String(n.given), used: String(n.used) });
      case 'unknown-language':
        return t('noticeUnknownLanguage', { given: n.given });
      case 'newer-version':
        return t('noticeNewerVersion', { given: n.given });
      case 'migrated':
        return t('noticeMigrated', { changes: n.changes.join('; ') });
      case 'unknown-axes':
        return t('noticeUnknownAxes', { given: n.given });
      case 'unknown-view':
        return t('noticeUnknownView', { given: n.given });
      case 'unknown-step':
        return t('noticeUnknownStep', { given: n.given, steps: n.steps });
      case 'unknown-lever-in-list':
        return t('noticeUnknownLeverInList', { given: n.given, key: n.key });
    }
  };
  return (
    <section className="notice" role="alert" aria-labelledby="notice-heading">
      <h2 id="notice-heading">{t('notices')}</h2>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{text(n)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => store.getState().dismissNotices()}>
        {t('dismiss')}
      </button>
    </section>
  );
}
