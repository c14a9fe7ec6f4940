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

/**
 * The handout's module once fetched: kept outside React state, so a render forced at
 * `beforeprint` sees it as soon as it has arrived, whatever React has still to process.
 */
let loaded: HandoutModule | undefined;
const load = () =>
  import('./Handout.tsx').then((m) => {
    loaded = m;
    return m;
  });

/** The handout's module once the page has been printed (and from then on), else undefined. */
export function usePrinting(): HandoutModule | undefined {
  // Set when the module arrives, to draw it if the page is printing by then.
  const [, setArrived] = useState(false);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const fetchIt = () =>
      void load().then(() => {
        if (!cancelled) setArrived(true);
      });
    const id = typeof requestIdleCallback === 'function' ? requestIdleCallback(fetchIt, { timeout: 3000 }) : undefined;
    const timer = id === undefined ? setTimeout(fetchIt, 0) : undefined;
    return () => {
      cancelled = true;
      if (id !== undefined) cancelIdleCallback(id);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (printing) return;
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
    // Printed before the code arrived (within the first second or so): this printout goes without
    // the handout, the next one has it.
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

  return printing ? loaded : undefined;
}
