/**
 * The scenario expression language: parsed (jsep) into a small tree and checked (known functions,
 * their arities), with the names each expression reads. Values are worked out in one place only,
 * the register program of program.ts: constant folding and `evaluate` here run it too.
 */
import jsep from 'jsep';
import { DT_SLOT, execute, single, T_SLOT } from './program.ts';

jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('or', 1);
jsep.addUnaryOp('not');
jsep.addBinaryOp('^', 11, true);

/** A parenthesised expression, kept in jsep's tree so that (-x)^2 is not read as -x^2 (see `power`). */
interface Group {
  type: 'Group';
  expression: jsep.Expression;
}

jsep.hooks.add('gobble-token', function (env) {
  if (this.code !== 40) return; // "("
  const expression = this.gobbleGroup();
  if (!expression) this.throwError('empty parentheses');
  const group: Group = { type: 'Group', expression };
  env.node = this.gobbleTokenProperty(group as unknown as jsep.Expression);
});

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'unary'; op: '-' | 'not'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: string; args: Expr[] };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

const BINARY_OPS = new Set<string>(['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or']);

export class ExprError extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

interface FunctionSpec {
  arity: [number, number];
  help: string;
  /** reads the time t (and dt): its value changes from step to step whatever its arguments */
  readsTime?: true;
}

/** The built-in functions, with their arities (for load-time checks) and a one-line help. */
export const FUNCTIONS: Record<string, FunctionSpec> = {
  if: { arity: [3, 3], help: 'if(condition, then, else)' },
  min: { arity: [2, 8], help: 'min(a, b, ...)' },
  max: { arity: [2, 8], help: 'max(a, b, ...)' },
  clamp: { arity: [3, 3], help: 'clamp(x, low, high)' },
  exp: { arity: [1, 1], help: 'exp(x)' },
  log: { arity: [1, 1], help: 'log(x), the natural logarithm' },
  sqrt: { arity: [1, 1], help: 'sqrt(x)' },
  abs: { arity: [1, 1], help: 'abs(x)' },
  pulse: {
    arity: [2, 2],
    help: 'pulse(start, width): the share of the current time step that lies inside [start, start + width)',
    readsTime: true,
  },
  step: { arity: [1, 1], help: 'step(t0): 0 before t0, 1 from t0 on', readsTime: true },
  ramp: { arity: [2, 2], help: 'ramp(start, end): rises from 0 at start to 1 at end', readsTime: true },
};

/** The functions that read the time (pulse, step, ramp). */
export const TIME_FUNCTIONS: ReadonlySet<string> = new Set(
  Object.entries(FUNCTIONS).flatMap(([name, spec]) => (spec.readsTime ? [name] : [])),
);

type JsepNode = jsep.Expression;

/**
 * base ^ exponent. jsep binds a unary minus tighter than any binary operator; mathematics reads
 * -x^2 as -(x^2) (and - -x^2 as -(-(x^2))), while (-x)^2, a group, is the square of -x.
 */
function power(base: JsepNode, exponent: Expr): Expr {
  if (base.type === 'UnaryExpression') {
    const u = base as jsep.UnaryExpression;
    if (u.operator === '-') return { kind: 'unary', op: '-', arg: power(u.argument, exponent) };
    if (u.operator === '+') return power(u.argument, exponent);
  }
  return { kind: 'binary', op: '^', left: fromJsep(base), right: exponent };
}

function fromJsep(node: JsepNode): Expr {
  switch (node.type as string) {
    case 'Group':
      return fromJsep((node as unknown as Group).expression);
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value === 'number') return { kind: 'num', value };
      if (typeof value === 'boolean') return { kind: 'num', value: value ? 1 : 0 };
      throw new ExprError(`only numbers are allowed, not ${JSON.stringify(value)}`);
    }
    case 'Identifier':
      return { kind: 'name', name: (node as jsep.Identifier).name };
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const arg = fromJsep(u.argument);
      if (u.operator === '+') return arg;
      if (u.operator === '-' || u.operator === 'not') return { kind: 'unary', op: u.operator, arg };
      if (u.operator === '!') return { kind: 'unary', op: 'not', arg };
      throw new ExprError(`unknown operator "${u.operator}"`);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      let op = b.operator;
      if (op === '&&') op = 'and';
      if (op === '||') op = 'or';
      if (!BINARY_OPS.has(op)) {
        throw new ExprError(`unknown operator "${b.operator}" (use + - * / ^ < <= > >= == != and or)`);
      }
      if (op === '^') return power(b.left, fromJsep(b.right));
      return { kind: 'binary', op: op as BinaryOp, left: fromJsep(b.left), right: fromJsep(b.right) };
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return { kind: 'call', fn: 'if', args: [fromJsep(c.test), fromJsep(c.consequent), fromJsep(c.alternate)] };
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      if (c.callee.type !== 'Identifier') throw new ExprError('only named functions can be called');
      const fn = (c.callee as jsep.Identifier).name;
      const spec = FUNCTIONS[fn];
      if (!spec) {
        throw new ExprError(`unknown function "${fn}" (known: ${Object.keys(FUNCTIONS).join(', ')})`);
      }
      const [lo, hi] = spec.arity;
      if (c.arguments.length < lo || c.arguments.length > hi) {
        const want = lo === hi ? `${lo}` : `${lo} to ${hi}`;
        throw new ExprError(`${fn} takes ${want} arguments, got ${c.arguments.length}: ${spec.help}`);
      }
      return { kind: 'call', fn, args: c.arguments.map(fromJsep) };
    }
    case 'MemberExpression':
      throw new ExprError('"." is not allowed: names are plain identifiers');
    case 'Compound':
      throw new ExprError('one expression only (found several)');
    default:
      throw new ExprError(`this kind of expression is not allowed (${node.type})`);
  }
}

/** Parses an equation into the expression tree. Throws ExprError with a readable reason. */
export function parseExpr(source: string | number): Expr {
  if (typeof source === 'number') {
    if (!Number.isFinite(source)) throw new ExprError('numbers must be finite');
    return { kind: 'num', value: source };
  }
  if (source.trim() === '') throw new ExprError('the expression is empty');
  let node: JsepNode;
  try {
    node = jsep(source);
  } catch (e) {
    const err = e as Error & { index?: number; description?: string };
    throw new ExprError(`cannot parse "${source}": ${err.description ?? err.message}`, err.index);
  }
  return fromJsep(node);
}

/** Every name an expression reads (variables, levers, constants, stocks, built-ins). */
export function namesIn(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'num':
      break;
    case 'name':
      into.add(expr.name);
      break;
    case 'unary':
      namesIn(expr.arg, into);
      break;
    case 'binary':
      namesIn(expr.left, into);
      namesIn(expr.right, into);
      break;
    case 'call':
      for (const a of expr.args) namesIn(a, into);
      break;
  }
  return into;
}

function constantValue(expr: Expr): number | undefined {
  return expr.kind === 'num' ? expr.value : undefined;
}

/** The value of an expression that reads no names, worked out by the program, as a number. */
function computed(expr: Expr): Expr {
  const p = single(expr);
  execute(p.program, p.v, T_SLOT, DT_SLOT);
  return { kind: 'num', value: p.v[p.result]! };
}

/**
 * Folds sub-expressions that read no names into numbers, so that programs do less per step, and
 * drops operations that change nothing (x * 1, x + 0). The numbers are worked out by running the
 * sub-expression as a program: operators mean here exactly what they mean in `execute`.
 */
export function fold(expr: Expr): Expr {
  switch (expr.kind) {
    case 'num':
    case 'name':
      return expr;
    case 'unary': {
      const arg = fold(expr.arg);
      return arg.kind === 'num' ? computed({ ...expr, arg }) : { ...expr, arg };
    }
    case 'binary': {
      const left = fold(expr.left);
      const right = fold(expr.right);
      const a = constantValue(left);
      const b = constantValue(right);
      if (a !== undefined && b !== undefined) return computed({ ...expr, left, right });
      // Identities that cost an operation for nothing: x * 1, 1 * x, x / 1, x + 0, 0 + x, x - 0.
      if ((expr.op === '*' && b === 1) || (expr.op === '/' && b === 1)) return left;
      if (expr.op === '*' && a === 1) return right;
      if ((expr.op === '+' || expr.op === '-') && b === 0) return left;
      if (expr.op === '+' && a === 0) return right;
      // c * -x = -c * x
      if (expr.op === '*' && a !== undefined && right.kind === 'unary' && right.op === '-') {
        return { kind: 'binary', op: '*', left: computed({ kind: 'unary', op: '-', arg: left }), right: right.arg };
      }
      // -x * c = x * -c, -x / c = x / -c
      if ((expr.op === '*' || expr.op === '/') && b !== undefined && left.kind === 'unary' && left.op === '-') {
        return { kind: 'binary', op: expr.op, left: left.arg, right: computed({ kind: 'unary', op: '-', arg: right }) };
      }
      return { ...expr, left, right };
    }
    case 'call': {
      const args = expr.args.map(fold);
      const constant = !TIME_FUNCTIONS.has(expr.fn) && args.every((a) => a.kind === 'num');
      return constant ? computed({ ...expr, args }) : { ...expr, args };
    }
  }
}

/**
 * Evaluates an expression once, with names looked up in a plain record (for tests and tools): folded
 * and run as a program, as the engine runs equations. `t` and `dt` default to 0 and 1.
 */
export function evaluate(source: string, scope: Record<string, number> = {}): number {
  const expr = fold(parseExpr(source));
  const names = namesIn(expr);
  for (const n of names) if (!(n in scope)) throw new ExprError(`unknown name "${n}"`);
  const p = single(expr, names);
  p.v[T_SLOT] = scope.t ?? 0;
  p.v[DT_SLOT] = scope.dt ?? 1;
  for (const n of names) p.v[p.slots.get(n)!] = scope[n]!;
  execute(p.program, p.v, T_SLOT, DT_SLOT);
  return p.v[p.result]!;
}
