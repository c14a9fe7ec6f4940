/** "?": the keyboard shortcuts, in a dialog. */
import type { MessageKey } from '../i18n/messages.ts';
import { useT } from './context.ts';
import { Dialog } from './Dialog.tsx';

const SHORTCUTS: [keys: string[], what: MessageKey][] = [
  [['→', 'Page Down'], 'scNext'],
  [['←', 'Page Up'], 'scPrevious'],
  [['R'], 'scReveal'],
  [['P'], 'scPresent'],
  [['F'], 'scFullScreen'],
  [['Esc'], 'scLeave'],
  [['Ctrl+Z'], 'scUndo'],
  [['Ctrl+Shift+Z', 'Ctrl+Y'], 'scRedo'],
  [['?'], 'scHelp'],
  [['← → ↑ ↓', 'Home', 'End'], 'scSlider'],
  [['← →', 'Home', 'End'], 'scChart'],
];

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <Dialog title={t('shortcuts')} onClose={onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcutKeys')}</th>
            <th scope="col">{t('shortcutAction')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td dir="ltr">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
