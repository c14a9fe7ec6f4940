/**
 * The width of an element in CSS pixels, following it as the window or the layout changes, so a
 * chart lays itself out for the room it has (text keeps its size on a phone) instead of being
 * scaled down. Until it is measured (and where there is no ResizeObserver, as in tests) it is the
 * fallback given.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Widths are rounded to 10 px, so a scrollbar or a sub-pixel change does not lay a chart out again. */
const GRAIN = 10;

export function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.max(GRAIN, Math.floor(w / GRAIN) * GRAIN));
    };
    measure(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => measure(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
