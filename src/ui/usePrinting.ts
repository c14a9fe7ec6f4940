/**
 * The printed handout (Handout.tsx), built only for printing. Its code is fetched once the browser
 * is idle after the first render, and the handout is drawn when the page is about to print: at
 * `beforeprint`, at once (flushSync), so the printout has it; or when the print media query starts
 * to match (a print preview, or a test that emulates print media). Until then the page carries none
 * of it: no work while the page loads, and fewer elements.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

type HandoutModule = typeof import('./Handout.tsx');

/** The handout's module once the page has been printed (and from then on), else undefined. */
export function usePrinting(): HandoutModule | undefined {
  const [handout, setHandout] = useState<HandoutModule | undefined>(undefined);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void import('./Handout.tsx').then((m) => {
        if (!cancelled) setHandout(m);
      });
    const id = typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 3000 }) : undefined;
    const timer = id === undefined ? setTimeout(load, 0) : undefined;
    return () => {
      cancelled = true;
      if (id !== undefined) cancelIdleCallback(id);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (printing) return;
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
    const onBeforePrint = () => flushSync(() => setPrinting(true));
    const onMedia = () => {
      if (media?.matches) setPrinting(true);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    media?.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      media?.removeEventListener('change', onMedia);
    };
  }, [printing]);

  return printing ? handout : undefined;
}
