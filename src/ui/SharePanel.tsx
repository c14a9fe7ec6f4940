import { useContext, useState } from 'react';
import { UrlContext, useT } from './context.ts';

/** "Copy link": the address that reproduces this view, to the clipboard, or shown to copy by hand. */
export function SharePanel() {
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
}
