import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, ExprError, fold, namesIn, parseExpr } from '../../src/model/expr.ts';
import { pulseShare } from '../../src/model/program.ts';

describe('the expression language', () => {
  it('follows the usual precedence of arithmetic', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluate('-2 ^ 2')).toBe(-4);
    expect(evaluate('10 / 4 - 1')).toBe(1.5);
  });

  it('raises a bracketed negative number to a power as a whole, and binds a bare minus looser than ^', () => {
    expect(evaluate('(-2) ^ 2')).toBe(4);
    expect(evaluate('(-x) ^ 2', { x: 3 })).toBe(9);
    expect(evaluate('-(2) ^ 2')).toBe(-4);
    expect(evaluate('- -2 ^ 2')).toBe(4);
    expect(evaluate('+2 ^ 2')).toBe(4);
    expect(evaluate('2 ^ -1')).toBe(0.5);
    expect(evaluate('2 ^ -3 ^ 2')).toBe(2 ** -9);
    expect(evaluate('3 * -2 ^ 2')).toBe(-12);
  });

  it('folds constant parts to the numbers the program computes, and keeps the parts that read names', () => {
    expect(fold(parseExpr('2 ^ 3 ^ 2 + x * (1 + 1)'))).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'num', value: 512 },
      right: { kind: 'binary', op: '*', left: { kind: 'name', name: 'x' }, right: { kind: 'num', value: 2 } },
    });
    expect(fold(parseExpr('min(4, 2, 8) * max(1, sqrt(16)) - clamp(15, 0, 10)'))).toEqual({ kind: 'num', value: -2 });
    expect(fold(parseExpr('not 0 and 3 >= 3'))).toEqual({ kind: 'num', value: 1 });
    // Time functions are not constant, whatever their arguments.
    expect(fold(parseExpr('step(2 + 1)'))).toEqual({ kind: 'call', fn: 'step', args: [{ kind: 'num', value: 3 }] });
  });

  it('tells 0 from -0 in a program that holds both numbers', () => {
    expect(evaluate('x * 0 + 1 / (x * (0 * -3))', { x: 3 })).toBe(-Infinity);
  });

  it('says which name is unknown when the scope lacks one', () => {
    expect(() => evaluate('a + t', { a: 1 })).toThrow('unknown name "t"');
    expect(evaluate('a + t', { a: 1, t: 2 })).toBe(3);
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
    ['()', /empty parentheses/],
    ['(1, 2)', /not allowed/],
    ['(f)(1)', /only named functions/],
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
});
