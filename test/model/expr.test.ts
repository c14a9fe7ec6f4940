import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, ExprError, namesIn, parseExpr, pulseShare } from '../../src/model/expr.ts';

describe('the expression language', () => {
  it('follows the usual precedence of arithmetic', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluate('-2 ^ 2')).toBe(-4);
    expect(evaluate('10 / 4 - 1')).toBe(1.5);
  });

  it('reads names from the scope', () => {
    expect(evaluate('held / sentenceMonths', { held: 1200, sentenceMonths: 40 })).toBe(30);
  });

  it('treats comparisons and logic as 1 and 0', () => {
    expect(evaluate('3 > 2')).toBe(1);
    expect(evaluate('3 <= 2')).toBe(0);
    expect(evaluate('month == 7 or month == 9', { month: 9 })).toBe(1);
    expect(evaluate('a > 0 and not b', { a: 1, b: 0 })).toBe(1);
    expect(evaluate('a > 0 and not b', { a: 1, b: 1 })).toBe(0);
  });

  it('offers if, min, max, clamp, exp, log, sqrt and abs', () => {
    expect(evaluate('if(x > 1, 10, 20)', { x: 2 })).toBe(10);
    expect(evaluate('x > 1 ? 10 : 20', { x: 0 })).toBe(20);
    expect(evaluate('min(3, 1, 2)')).toBe(1);
    expect(evaluate('max(3, 1, 2)')).toBe(3);
    expect(evaluate('clamp(15, 0, 10)')).toBe(10);
    expect(evaluate('exp(0) + log(1) + sqrt(16) + abs(-2)')).toBe(7);
  });

  it('measures a pulse as the share of the time step inside the window', () => {
    expect(evaluate('pulse(1, 0.5)', { t: 1, dt: 1 })).toBe(0.5);
    expect(evaluate('pulse(1, 3)', { t: 2, dt: 1 })).toBe(1);
    expect(evaluate('pulse(1, 3)', { t: 4, dt: 1 })).toBe(0);
    expect(evaluate('step(6)', { t: 5 })).toBe(0);
    expect(evaluate('step(6)', { t: 6 })).toBe(1);
    expect(evaluate('ramp(0, 10)', { t: 5 })).toBe(0.5);
  });

  it('integrates a pulse to its width whatever the step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.constantFrom(1, 0.5, 0.25, 0.125),
        (start, width, dt) => {
          let total = 0;
          for (let t = 0; t < 50; t += dt) total += pulseShare(t, dt, start, width) * dt;
          expect(total).toBeCloseTo(width, 9);
        },
      ),
    );
  });

  it('lists the names an expression reads', () => {
    expect([...namesIn(parseExpr('a * b + min(c, 2) + pulse(d, 1)'))].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['a +', /Expected expression/],
    ['f(1)', /unknown function "f"/],
    ['min(1)', /min takes 2 to 8 arguments/],
    ['if(1, 2)', /if takes 3 arguments/],
    ['a.b', /"\." is not allowed/],
    ['"text"', /only numbers/],
    ['a | b', /unknown operator "\|"/],
    ['a = 1', /cannot parse/],
    ['', /empty/],
  ])('rejects %j with a reason', (source, reason) => {
    expect(() => parseExpr(source)).toThrow(reason);
  });

  it('never throws anything but a readable ExprError, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (source) => {
        try {
          parseExpr(source);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprError);
          expect((e as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('computes random arithmetic the same way JavaScript does', () => {
    const leaf = fc.oneof(
      fc.integer({ min: -9, max: 9 }).map((n) => ({ src: `(${n})`, value: n })),
      fc.constantFrom({ src: 'x', value: 3 }, { src: 'y', value: -2 }),
    );
    const tree = fc.letrec<{ node: { src: string; value: number } }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/'), tie('node')).map(([a, op, b]) => ({
          src: `(${a.src} ${op} ${b.src})`,
          value:
            op === '+'
              ? a.value + b.value
              : op === '-'
                ? a.value - b.value
                : op === '*'
                  ? a.value * b.value
                  : a.value / b.value,
        })),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => ({
          src: `max(${a.src}, ${b.src})`,
          value: Math.max(a.value, b.value),
        })),
      ),
    })).node;
    fc.assert(
      fc.property(tree, ({ src, value }) => {
        expect(Object.is(evaluate(src, { x: 3, y: -2 }), value) || evaluate(src, { x: 3, y: -2 }) === value).toBe(true);
      }),
    );
  });
});
