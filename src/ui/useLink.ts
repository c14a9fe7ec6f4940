/**
 * The full link to what the page shows, as the address bar will have it (the address bar itself
 * is written at most every 250 ms, see state/history.ts), optionally with another view: the
 * presentation's QR code opens the page view, an embed code opens the embedded page.
 */
import { currentScenario } from '../state/store.ts';
import { encodeUrl, type ViewState } from '../state/url.ts';
import { useApp } from './context.ts';

export function useLink(over: Partial<Pick<ViewState, 'view' | 'embed'>> = {}): string {
  const { view, embed } = over;
  const query = useApp((s) =>
    encodeUrl(
      { ...s, ...(view === undefined ? {} : { view }), ...(embed === undefined ? {} : { embed }) },
      currentScenario(s),
    ),
  );
  return typeof location === 'undefined' ? query : `${location.origin}${location.pathname}${query}`;
}
