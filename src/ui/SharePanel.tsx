import { useContext, useState, memo } from 'react';
import { UrlContext, useT } from './context.ts';

/** Memoised: it reads the store itself, so the app's re-render on every lever change skips it. */
export const SharePanel = memo(function SharePanel() {
  const { t } = useT();
  const sync = useContext(UrlContext);
  const [status, setStatus] = useState<{ ok: boolean; link: string } | null>(null);
  const copy = async () => {
    const link = sync ? sync.link() : window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ ok: true, link });
    } catch {
      setStatus({ ok: false, link });
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void copy()}>
        {t('copyLink')}
      </button>
      <p className="share-status" role="status">
        {status ? (status.ok ? t('linkCopied') : t('linkCopyFailed')) : ''}
      </p>
      {status && !status.ok && (
        <input
          className="share-link"
          readOnly
          value={status.link}
          aria-label={t('shareLink')}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
});
