import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { derive, sameFields, useLiveEffect, useLiveSelect, writeText, type Live } from '../../src/charts/live.ts';

/** A value that tests can change, as the store changes in the app. */
function cell<T>(initial: T): Live<T> & { set(value: T): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

describe('live values', () => {
  it('derive computes once per value of its source', () => {
    const source = cell({ n: 1 });
    let calls = 0;
    const doubled = derive(source, ({ n }) => {
      calls++;
      return { twice: n * 2 };
    });
    const first = doubled.get();
    expect(doubled.get()).toBe(first);
    expect(calls).toBe(1);
    source.set({ n: 2 });
    expect(doubled.get().twice).toBe(4);
    expect(calls).toBe(2);
  });

  it('useLiveEffect writes on mount and on each change that matters, without rendering', () => {
    const source = cell({ n: 1, noise: 0 });
    const writes: string[] = [];
    let renders = 0;
    function Label({ unit }: { unit: string }) {
      renders++;
      const ref = useRef<HTMLSpanElement>(null);
      useLiveEffect(
        source,
        (v) => ({ n: v.n, unit }),
        (v, was) => {
          writes.push(`${was ? `${was.n}${was.unit}` : '-'}→${v.n}${v.unit}`);
          writeText(ref.current, `${v.n} ${v.unit}`);
        },
        sameFields,
      );
      return <span ref={ref} />;
    }
    const view = render(<Label unit="kg" />);
    expect(view.container.textContent).toBe('1 kg');
    act(() => source.set({ n: 2, noise: 0 }));
    act(() => source.set({ n: 2, noise: 1 }));
    expect(view.container.textContent).toBe('2 kg');
    expect(renders).toBe(1);
    view.rerender(<Label unit="g" />);
    expect(view.container.textContent).toBe('2 g');
    expect(writes).toEqual(['-→1kg', '1kg→2kg', '2kg→2g']);
    view.unmount();
    source.set({ n: 3, noise: 0 });
    expect(writes).toHaveLength(3);
  });

  it('useLiveSelect renders again only when what it picks changes', () => {
    const source = cell({ n: 1 });
    let renders = 0;
    function Parity() {
      renders++;
      const odd = useLiveSelect(source, (v) => v.n % 2 === 1);
      return <span>{odd ? 'odd' : 'even'}</span>;
    }
    const view = render(<Parity />);
    act(() => source.set({ n: 3 }));
    expect(renders).toBe(1);
    act(() => source.set({ n: 4 }));
    expect(view.container.textContent).toBe('even');
    expect(renders).toBe(2);
  });
});
