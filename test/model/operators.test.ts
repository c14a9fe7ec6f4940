/**
 * Every operator and built-in function of the expression language, run the ways the app runs
 * them: `simulate` on a small scenario, with the operands written as numbers (folded when the
 * scenario is compiled), as levers (the program run once per simulation), as stocks (the program
 * run at every step) and as calendar values (tabulated once per model); and `evaluate`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/model/expr.ts';
import { formatProblem } from '../../src/model/problems.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { simulate } from '../../src/model/simulate.ts';
import { validateScenario } from '../../src/model/validate.ts';

const INPUTS = 8;
const HORIZON = 4;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A valid scenario with levers a0..a7, stocks s0..s7 that start at those levers and never move, and `variables`. */
function tinyScenario(variables: Record<string, string>): Scenario {
  const text = { en: 'text', ar: 'نص' };
  const data = {
    id: 'operators',
    version: '1.0.0',
    title: text,
    summary: text,
    caveat: text,
    sources: [{ id: 'none', title: 'none', publisher: 'none', date: 2025, url: 'https://example.invalid' }],
    time: { start: '2025-01', unit: 'month', horizon: HORIZON },
    actors: [{ id: 'someone', name: text, color: '#000000' }],
    levers: range(INPUTS).map((i) => ({
      id: `a${i}`,
      actor: 'someone',
      label: text,
      description: text,
      mechanism: text,
      unit: text,
      min: -1e6,
      max: 1e6,
      step: 0.5,
      default: 0,
      assumption: text,
    })),
    stocks: range(INPUTS).map((i) => ({ id: `s${i}`, label: text, unit: text, initial: `a${i}` })),
    variables: Object.entries(variables).map(([id, equation]) => ({ id, label: text, unit: text, equation })),
    outcomes: [
      { id: 'nothing', label: text, unit: text, equation: 0, format: { decimals: 0 }, bounds: { min: 0, max: 0 } },
    ],
  };
  const { scenario, problems } = validateScenario(data, 'operators.yaml');
  if (!scenario) throw new Error(problems.map(formatProblem).join('\n'));
  return scenario;
}

/** The ways an operand reaches the program: each is compiled differently. */
const OPERANDS = {
  numbers: (_: number, value: number) => `(${value})`,
  levers: (i: number) => `a${i}`,
  stocks: (i: number) => `s${i}`,
  calendar: (_: number, value: number) => `(${value} + 0 * t)`,
} as const;

/** `template` with {i} replaced by operand i. */
function fill(template: string, operand: (i: number) => string): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => operand(Number(i)));
}

/** -0 and 0 are the same number for these tests; a series compares as a whole. */
const plain = (xs: readonly number[]) => xs.map((x) => (x === 0 ? 0 : x));

/** A case: an equation over operands {0}..{7}, operand values, and the value at every point (or one value throughout). */
type Case = [template: string, inputs: number[], expected: number | number[]];

function check([template, inputs, expected]: Case): void {
  const want = typeof expected === 'number' ? range(HORIZON + 1).map(() => expected) : expected;
  const scenario = tinyScenario(
    Object.fromEntries(
      Object.entries(OPERANDS).map(([way, operand]) => [way, fill(template, (i) => operand(i, inputs[i]!))]),
    ),
  );
  const levers = Object.fromEntries(inputs.map((x, i) => [`a${i}`, x]));
  const result = simulate(scenario, levers);
  expect(result.notices).toEqual([]);
  for (const way of Object.keys(OPERANDS)) {
    expect(plain(result.series[way]!), `${way}: ${scenario.variables.find((v) => v.id === way)!.equation}`).toEqual(
      plain(want),
    );
  }
  const scope = Object.fromEntries(inputs.map((x, i) => [`x${i}`, x]));
  const source = fill(template, (i) => `x${i}`);
  const evaluated = range(HORIZON + 1).map((t) => evaluate(source, { ...scope, t, dt: 1 }));
  expect(plain(evaluated), `evaluate: ${source}`).toEqual(plain(want));
}

const MIXED = [5, 3, 8, -2, 7, 1, 4, 6];

const CASES: Case[] = [
  ['{0} + {1}', [2, 3], 5],
  ['{0} + {1}', [-1.5, 0.25], -1.25],
  ['{0} - {1}', [2, 3], -1],
  ['{0} * {1}', [2, -3], -6],
  ['{0} / {1}', [3, 2], 1.5],
  ['{0} / {1}', [1, 0], Infinity],
  ['{0} ^ {1}', [2, 3], 8],
  ['{0} ^ {1}', [4, 0.5], 2],
  ['{0} ^ {1}', [2, -1], 0.5],
  ['-{0}', [2], -2],
  ['-{0}', [-2], 2],
  ['-{0} ^ 2', [2], -4],
  ['-{0} ^ 2', [-3], -9],
  ['(-{0}) ^ 2', [3], 9],
  ['{0} ^ {1} ^ {2}', [2, 3, 2], 512],
  ['{0} - {1} - {2}', [10, 3, 2], 5],
  ['{0} / {1} / {2}', [12, 3, 2], 2],
  ['{0} + {1} * {2}', [1, 2, 3], 7],
  ['({0} + {1}) * {2}', [1, 2, 3], 9],
  ['{0} * {1} + {2}', [2, 3, 4], 10],
  ['{0} * {1} - {2}', [2, 3, 4], 2],
  ['{2} - {0} * {1}', [2, 3, 4], -2],
  ['{0} - -{1}', [2, 3], 5],
  // the rewrites constant folding makes beside numbers
  ['-{0} * 3', [2], -6],
  ['-{0} / 4', [2], -0.5],
  ['3 * -{0}', [2], -6],
  ['{0} * 1 + 1 * {1} + {2} / 1', [2, 3, 4], 9],
  ['({0} + 0) * (0 + {1}) * ({2} - 0)', [2, 3, 4], 24],
  ['0 - {0}', [2], -2],
  ['1 / {0}', [4], 0.25],
  ...(
    [
      ['<', [1, 0, 0]],
      ['<=', [1, 1, 0]],
      ['>', [0, 0, 1]],
      ['>=', [0, 1, 1]],
      ['==', [0, 1, 0]],
      ['!=', [1, 0, 1]],
    ] as const
  ).flatMap(([op, results]) =>
    [
      [1, 2],
      [2, 2],
      [3, 2],
    ].map((inputs, k): Case => [`{0} ${op} {1}`, inputs, results[k]!]),
  ),
  ...(
    [
      ['and', [0, 0, 0, 1]],
      ['&&', [0, 0, 0, 1]],
      ['or', [0, 1, 1, 1]],
      ['||', [0, 1, 1, 1]],
    ] as const
  ).flatMap(([op, results]) =>
    [
      [0, 0],
      [0, 2],
      [2, 0],
      [2, -1],
    ].map((inputs, k): Case => [`{0} ${op} {1}`, inputs, results[k]!]),
  ),
  ['not {0}', [0], 1],
  ['not {0}', [2], 0],
  ['not {0}', [-0.5], 0],
  ['!{0}', [0], 1],
  ['not {0} and {1}', [0, 1], 1],
  ['{0} or {1} and {2}', [1, 0, 0], 1],
  ['{0} < {1} and {1} < {2}', [1, 2, 3], 1],
  ['{0} + {1} > {2}', [1, 2, 2.5], 1],
  ['if({0}, {1}, {2})', [1, 10, 20], 10],
  ['if({0}, {1}, {2})', [0, 10, 20], 20],
  ['if({0}, {1}, {2})', [-1, 10, 20], 10],
  ['{0} ? {1} : {2}', [1, 10, 20], 10],
  ['{0} ? {1} : {2}', [0, 10, 20], 20],
  ['if({0} > {1}, {0} - {1}, {1} - {0})', [2, 5], 3],
  ...range(7).flatMap((k): Case[] => {
    const args = range(k + 2);
    const inputs = MIXED.slice(0, k + 2);
    const list = args.map((i) => `{${i}}`).join(', ');
    return [
      [`min(${list})`, inputs, Math.min(...inputs)],
      [`max(${list})`, inputs, Math.max(...inputs)],
    ];
  }),
  ['min({0}, {1})', [3, -1], -1],
  ['max({0}, {1})', [-3, -1], -1],
  ['clamp({0}, {1}, {2})', [15, 0, 10], 10],
  ['clamp({0}, {1}, {2})', [-5, 0, 10], 0],
  ['clamp({0}, {1}, {2})', [5, 0, 10], 5],
  ['exp({0})', [0], 1],
  ['exp({0})', [1], Math.E],
  ['log({0})', [1], 0],
  ['log({0})', [Math.E], 1],
  ['log({0})', [0], -Infinity],
  ['sqrt({0})', [16], 4],
  ['sqrt({0})', [2], Math.SQRT2],
  ['sqrt({0})', [-1], NaN],
  ['abs({0})', [-2.5], 2.5],
  ['abs({0})', [3], 3],
  ['pulse({0}, {1})', [1, 2], [0, 1, 1, 0, 0]],
  ['pulse({0}, {1})', [0.5, 1], [0.5, 0.5, 0, 0, 0]],
  ['pulse({0}, {1})', [1, 0], [0, 0, 0, 0, 0]],
  ['step({0})', [2], [0, 0, 1, 1, 1]],
  ['step({0})', [1.5], [0, 0, 1, 1, 1]],
  ['ramp({0}, {1})', [0, 4], [0, 0.25, 0.5, 0.75, 1]],
  ['ramp({0}, {1})', [1, 3], [0, 0, 0.5, 1, 1]],
  ['{0} * pulse({1}, {2}) + step({1})', [10, 1, 2], [0, 11, 11, 1, 1]],
];

describe('every operator and function, as the app runs it', () => {
  it.each(CASES)(
    '%s with operands %j gives %j in the simulation (operands as numbers, levers, stocks and calendar values) and in evaluate',
    (template, inputs, expected) => check([template, inputs, expected]),
  );
});

/** A random expression over + - * / min max, with numbers and the names x and y. */
type Tree =
  | { kind: 'num'; value: number }
  | { kind: 'name'; name: 'x' | 'y' }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Tree; right: Tree }
  | { kind: 'fn'; fn: 'min' | 'max'; args: Tree[] };

const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; op: Tree; fn: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('op'), tie('fn')),
  leaf: fc.oneof(
    fc.integer({ min: -9, max: 9 }).map((value): Tree => ({ kind: 'num', value })),
    fc.constantFrom<Tree>({ kind: 'name', name: 'x' }, { kind: 'name', name: 'y' }),
  ),
  op: fc
    .tuple(fc.constantFrom('+', '-', '*', '/'), tie('tree'), tie('tree'))
    .map(([op, left, right]): Tree => ({ kind: 'op', op, left, right })),
  fn: fc
    .tuple(fc.constantFrom('min', 'max'), fc.array(tie('tree'), { minLength: 2, maxLength: 8 }))
    .map(([fn, args]): Tree => ({ kind: 'fn', fn, args })),
}));

/** The reference: the tree computed directly with JavaScript's operators. */
function reference(e: Tree, scope: { x: number; y: number }): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'name':
      return scope[e.name];
    case 'fn':
      return (e.fn === 'min' ? Math.min : Math.max)(...e.args.map((a) => reference(a, scope)));
    case 'op': {
      const a = reference(e.left, scope);
      const b = reference(e.right, scope);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
  }
}

/**
 * The tree as source, with only the brackets that precedence needs, so the parser's precedence is
 * tested too: a right operand of equal precedence is bracketed (a - (b - c)).
 */
function source(e: Tree, name: (n: 'x' | 'y') => string = (n) => n): string {
  const level = (x: Tree) => (x.kind === 'op' ? (x.op === '+' || x.op === '-' ? 1 : 2) : 3);
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'name':
      return name(e.name);
    case 'fn':
      return `${e.fn}(${e.args.map((a) => source(a, name)).join(', ')})`;
    case 'op': {
      const mine = level(e);
      const left = source(e.left, name);
      const right = source(e.right, name);
      return `${level(e.left) < mine ? `(${left})` : left} ${e.op} ${level(e.right) <= mine ? `(${right})` : right}`;
    }
  }
}

const same = (a: number, b: number) => Object.is(a, b) || a === b;

describe('random expressions over + - * / min max', () => {
  const scope = fc.record({ x: fc.integer({ min: -9, max: 9 }), y: fc.double({ min: -10, max: 10, noNaN: true }) });

  it('evaluate gives what the reference gives', () => {
    fc.assert(
      fc.property(tree, scope, (e, s) => {
        const got = evaluate(source(e), s);
        const want = reference(e, s);
        expect(same(got, want), `${source(e)} with ${JSON.stringify(s)}: ${got}, not ${want}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the simulation gives what the reference gives, with x and y as levers', () => {
    fc.assert(
      fc.property(tree, scope, (e, s) => {
        const equation = source(e, (n) => (n === 'x' ? 'a0' : 'a1'));
        const result = simulate(tinyScenario({ value: equation }), { a0: s.x, a1: s.y });
        const want = reference(e, s);
        for (const got of result.series.value!) expect(same(got, want), `${equation}: ${got}, not ${want}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
