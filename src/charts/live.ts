/**
 * Live values: what a chart draws from when its data changes many times a second.
 *
 * A lever step changes a few dozen numbers on the page (paths, card values, arrow widths). Letting
 * React re-render every component that shows one of them cost several times the frame budget, so
 * the values that move with the levers are written straight to the DOM by a subscription
 * (zustand's "transient updates"), and React renders only the structure: which elements exist, the
 * axes, the labels. A chart still knows nothing of the store: it is handed a `Live` as a prop, and
 * a test can hand it a `fixed` one.
 */
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';

/** A value that can be read now and followed. `get` returns the same object until it changes. */
export interface Live<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

const never = () => () => {};

/** A value that never changes. */
export function fixed<T>(value: T): Live<T> {
  return { get: () => value, subscribe: never };
}

/** `f` of a live value, computed once per value of the source. */
export function derive<S, T>(source: Live<S>, f: (value: S) => T): Live<T> {
  let memo: { input: S; output: T } | undefined;
  return {
    get() {
      const input = source.get();
      if (!memo || !Object.is(memo.input, input)) memo = { input, output: f(input) };
      return memo.output;
    },
    subscribe: (listener) => source.subscribe(listener),
  };
}

/**
 * What `select` picks from a live value, for rendering: the component re-renders only when that
 * changes (by `equal`), so structure that rarely changes (an axis, a count) costs nothing per step.
 */
export function useLiveSelect<S, T>(
  source: Live<S>,
  select: (value: S) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const memo = useRef<{ input: S; select: (value: S) => T; output: T } | undefined>(undefined);
  const snapshot = () => {
    const input = source.get();
    const m = memo.current;
    if (m && Object.is(m.input, input) && m.select === select) return m.output;
    const next = select(input);
    const output = m && equal(m.output, next) ? m.output : next;
    memo.current = { input, select, output };
    return output;
  };
  return useSyncExternalStore(source.subscribe, snapshot, snapshot);
}

/**
 * Writes what `select` picks from a live value to the DOM with `apply`: after every render of the
 * component and on every change of the source, but only when the picked value changed (by
 * `equal`). `apply` also gets the value it wrote last, so it can leave unchanged attributes alone
 * (every write costs the browser style and layout work). `select` runs on every change of the
 * source, so it should pick raw values and leave formatting to `apply`. The elements that `apply`
 * writes must be rendered by the same component, always (not conditionally), and React must not
 * render the attributes that `apply` writes.
 */
export function useLiveEffect<S, T>(
  source: Live<S>,
  select: (value: S) => T,
  apply: (value: T, previous: T | undefined) => void,
  equal: (a: T, b: T) => boolean = Object.is,
): void {
  const applied = useRef<{ value: T } | undefined>(undefined);
  const update = useRef(() => {});
  // After every render: the props that `select` and `apply` close over may have changed.
  useLayoutEffect(() => {
    update.current = () => {
      const value = select(source.get());
      const previous = applied.current;
      if (previous && equal(previous.value, value)) return;
      applied.current = { value };
      apply(value, previous?.value);
    };
    update.current();
  });
  useLayoutEffect(() => source.subscribe(() => update.current()), [source]);
}

/** Two arrays with the same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** Two flat records with the same values under the same keys. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (!Object.is(a[k], b[k])) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/** Sets an attribute unless it already has that value: a write costs style work even when equal. */
export function writeAttr(el: Element | null, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * Sets an element's text unless it already reads so; a lone text node is changed in place, which
 * costs the browser less than replacing it.
 */
export function writeText(el: Element | null, text: string): void {
  if (!el) return;
  const node = el.firstChild;
  if (node && node === el.lastChild && node.nodeType === Node.TEXT_NODE) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else if (el.textContent !== text) el.textContent = text;
}
