/**
 * "Share…": the link with its QR code, the code to embed the view in a web page, what students
 * can move (a lever free, locked or hidden, written into the link), the settings as a file and a
 * printable handout. Loaded on demand with its QR encoder.
 */
import { useState } from 'react';
import { useApp, useAppStore, useScenario, useT } from './context.ts';
import { Dialog } from './Dialog.tsx';
import QrCode from './QrCode.tsx';
import { useLink } from './useLink.ts';

/** Copies a text, saying whether it worked; where the clipboard is blocked, the field stays to copy by hand. */
function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState<boolean | undefined>(undefined);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {label}
      </button>
      <span role="status" className="share-status">
        {copied ? done : ''}
      </span>
    </>
  );
}

function LeverAccess() {
  const scenario = useScenario();
  const store = useAppStore();
  const { lang, t } = useT();
  const locked = useApp((s) => s.locked);
  const hidden = useApp((s) => s.hidden);
  return (
    <fieldset className="share-access">
      <legend>{t('forAClass')}</legend>
      <p className="share-hint">{t('forAClassHint')}</p>
      <ul>
        {scenario.levers.map((l) => {
          const access = locked.includes(l.id) ? 'locked' : hidden.includes(l.id) ? 'hidden' : 'free';
          return (
            <li key={l.id}>
              <label>
                <span>{l.label[lang]}</span>
                <select
                  value={access}
                  onChange={(e) =>
                    store.getState().setAccess(l.id, e.currentTarget.value as 'free' | 'locked' | 'hidden')
                  }
                >
                  <option value="free">{t('accessFree')}</option>
                  <option value="locked">{t('accessLocked')}</option>
                  <option value="hidden">{t('accessHidden')}</option>
                </select>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const scenario = useScenario();
  const lang = useApp((s) => s.lang);
  const link = useLink();
  const embedLink = useLink({ embed: true, view: 'page' });
  const store = useAppStore();
  const downloadSettings = async () => {
    const [{ settingsJson, exportName }, { downloadFile }] = await Promise.all([
      import('../state/exportData.ts'),
      import('./exports.ts'),
    ]);
    const json = settingsJson(store.getState(), scenario, link);
    downloadFile(json, exportName(scenario.id, 'settings', 'json'), 'application/json');
  };
  const snippet = `<iframe src="${embedLink}" title="${scenario.title[lang].replace(/"/g, '&quot;')}" width="100%" height="760" loading="lazy"></iframe>`;
  return (
    <Dialog title={t('shareTitle')} onClose={onClose}>
      <div className="share-grid">
        <div className="share-link-part">
          <label className="share-field">
            <span>{t('shareLink')}</span>
            <input readOnly dir="ltr" value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton text={link} label={t('copyLink')} done={t('linkCopied')} />
          <label className="share-field">
            <span>{t('embedTitle')}</span>
            <textarea readOnly dir="ltr" rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="share-hint">{t('embedHint')}</p>
          <CopyButton text={snippet} label={t('copyCode')} done={t('codeCopied')} />
          <p className="share-take">
            <button type="button" onClick={() => window.print()}>
              {t('printHandout')}
            </button>
            <button type="button" onClick={() => void downloadSettings()}>
              {t('downloadJson')}
            </button>
          </p>
          <p className="share-hint">
            <a href="teaching.html" target="_blank" rel="noreferrer">
              {t('teachingNotes')}
            </a>
          </p>
        </div>
        <figure className="share-qr">
          <QrCode text={link} label={t('qrOf', { link })} size={220} />
          <figcaption>{t('scanToOpen')}</figcaption>
        </figure>
      </div>
      <LeverAccess />
    </Dialog>
  );
}
