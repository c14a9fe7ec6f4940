/**
 * The width of an element in CSS pixels, following it as the window or the layout changes, so a
 * chart lays itself out for the room it has (text keeps its size on a phone) instead of being
 * scaled down. A ResizeObserver reports it after layout, so measuring never forces a layout of its
 * own; the first report comes before the first paint and the chart follows in a transition, which
 * React renders without holding up the page. Until then the width is undefined (the box keeps its
 * room through CSS); where there is no ResizeObserver, as in tests, it is the fallback given.
 */
import { startTransition, useEffect, useRef, useState, type RefObject } from 'react';

/** Widths are rounded to 10 px, so a scrollbar or a sub-pixel change does not lay a chart out again. */
const GRAIN = 10;

export function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number | undefined] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(typeof ResizeObserver === 'function' ? undefined : fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = entry?.contentRect.width ?? 0;
      if (w > 0) startTransition(() => setWidth(Math.max(GRAIN, Math.floor(w / GRAIN) * GRAIN)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
