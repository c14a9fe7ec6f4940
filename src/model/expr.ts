/**
 * The scenario expression language: parsed once (jsep), checked, and compiled to closures over a
 * Float64Array of slot values. No eval and no `new Function`, so the app runs under a strict CSP.
 */
import jsep from 'jsep';

jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('or', 1);
jsep.addUnaryOp('not');
jsep.addBinaryOp('^', 11, true);

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

/** Time built-ins that every expression may read; the engine keeps them up to date. */
export interface TimeSlots {
  t: number;
  dt: number;
}

interface FunctionSpec {
  arity: [number, number];
  help: string;
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
  },
  step: { arity: [1, 1], help: 'step(t0): 0 before t0, 1 from t0 on' },
  ramp: { arity: [2, 2], help: 'ramp(start, end): rises from 0 at start to 1 at end' },
};

type JsepNode = jsep.Expression;

function fromJsep(node: JsepNode): Expr {
  switch (node.type) {
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
      const left = fromJsep(b.left);
      const right = fromJsep(b.right);
      // jsep binds unary minus tighter than ^; mathematics reads -x^2 as -(x^2).
      if (op === '^' && left.kind === 'unary' && left.op === '-') {
        return { kind: 'unary', op: '-', arg: { kind: 'binary', op: '^', left: left.arg, right } };
      }
      return { kind: 'binary', op: op as BinaryOp, left, right };
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

/** A compiled expression reads slot values and returns a number. */
export type Compiled = (v: ArrayLike<number>) => number;

export interface CompileEnv {
  /** slot index of each name */
  slots: ReadonlyMap<string, number>;
  /** slots of the time built-ins, used by pulse/step/ramp */
  tSlot: number;
  dtSlot: number;
}

function constantValue(expr: Expr): number | undefined {
  return expr.kind === 'num' ? expr.value : undefined;
}

/** Folds sub-expressions that read no names into numbers, so the closures do less per step. */
export function fold(expr: Expr): Expr {
  switch (expr.kind) {
    case 'num':
    case 'name':
      return expr;
    case 'unary': {
      const arg = fold(expr.arg);
      const a = constantValue(arg);
      if (a === undefined) return { ...expr, arg };
      return { kind: 'num', value: expr.op === '-' ? -a : a === 0 ? 1 : 0 };
    }
    case 'binary': {
      const left = fold(expr.left);
      const right = fold(expr.right);
      const a = constantValue(left);
      const b = constantValue(right);
      if (a !== undefined && b !== undefined) return { kind: 'num', value: BINARY[expr.op](a, b) };
      // Identities that cost an operation for nothing: x * 1, 1 * x, x / 1, x + 0, 0 + x, x - 0.
      if ((expr.op === '*' && b === 1) || (expr.op === '/' && b === 1)) return left;
      if (expr.op === '*' && a === 1) return right;
      if ((expr.op === '+' || expr.op === '-') && b === 0) return left;
      if (expr.op === '+' && a === 0) return right;
      // c * -x = -c * x
      if (expr.op === '*' && a !== undefined && right.kind === 'unary' && right.op === '-') {
        return { kind: 'binary', op: '*', left: { kind: 'num', value: -a }, right: right.arg };
      }
      // -x * c = x * -c, -x / c = x / -c
      if ((expr.op === '*' || expr.op === '/') && b !== undefined && left.kind === 'unary' && left.op === '-') {
        return { kind: 'binary', op: expr.op, left: left.arg, right: { kind: 'num', value: -b } };
      }
      return { ...expr, left, right };
    }
    case 'call': {
      const args = expr.args.map(fold);
      if (TIME_FUNCTIONS.has(expr.fn) || args.some((a) => a.kind !== 'num')) return { ...expr, args };
      const values = args.map((a) => (a as { value: number }).value);
      return { kind: 'num', value: PURE[expr.fn]!(values) };
    }
  }
}

const BINARY: Record<BinaryOp, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
  '<': (a, b) => (a < b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
  and: (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
  or: (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
};

const TIME_FUNCTIONS = new Set(['pulse', 'step', 'ramp']);

const PURE: Record<string, (x: number[]) => number> = {
  if: ([c, a, b]) => (c !== 0 ? a! : b!),
  min: (x) => Math.min(...x),
  max: (x) => Math.max(...x),
  clamp: ([x, lo, hi]) => Math.min(Math.max(x!, lo!), hi!),
  exp: ([x]) => Math.exp(x!),
  log: ([x]) => Math.log(x!),
  sqrt: ([x]) => Math.sqrt(x!),
  abs: ([x]) => Math.abs(x!),
};

/** Share of the step [t, t + dt) that lies inside [start, start + width). */
export function pulseShare(t: number, dt: number, start: number, width: number): number {
  if (width <= 0 || dt <= 0) return 0;
  const overlap = Math.min(t + dt, start + width) - Math.max(t, start);
  return overlap > 0 ? overlap / dt : 0;
}

function compileBinary(op: BinaryOp, left: Expr, right: Expr, env: CompileEnv): Compiled {
  const a = compileExpr(left, env);
  const b = compileExpr(right, env);
  const f = BINARY[op];
  return (v) => f(a(v), b(v));
}

function compileCall(fn: string, args: Expr[], env: CompileEnv): Compiled {
  const c = args.map((a) => compileExpr(a, env));
  const { tSlot, dtSlot } = env;
  switch (fn) {
    case 'if': {
      const [cond, then, other] = c as [Compiled, Compiled, Compiled];
      return (v) => (cond(v) !== 0 ? then(v) : other(v));
    }
    case 'min':
      if (c.length === 2) {
        const [a, b] = c as [Compiled, Compiled];
        return (v) => Math.min(a(v), b(v));
      }
      return (v) => {
        let m = Infinity;
        for (const f of c) m = Math.min(m, f(v));
        return m;
      };
    case 'max':
      if (c.length === 2) {
        const [a, b] = c as [Compiled, Compiled];
        return (v) => Math.max(a(v), b(v));
      }
      return (v) => {
        let m = -Infinity;
        for (const f of c) m = Math.max(m, f(v));
        return m;
      };
    case 'clamp': {
      const [x, lo, hi] = c as [Compiled, Compiled, Compiled];
      return (v) => Math.min(Math.max(x(v), lo(v)), hi(v));
    }
    case 'exp': {
      const [x] = c as [Compiled];
      return (v) => Math.exp(x(v));
    }
    case 'log': {
      const [x] = c as [Compiled];
      return (v) => Math.log(x(v));
    }
    case 'sqrt': {
      const [x] = c as [Compiled];
      return (v) => Math.sqrt(x(v));
    }
    case 'abs': {
      const [x] = c as [Compiled];
      return (v) => Math.abs(x(v));
    }
    case 'pulse': {
      const [start, width] = c as [Compiled, Compiled];
      return (v) => pulseShare(v[tSlot]!, v[dtSlot]!, start(v), width(v));
    }
    case 'step': {
      const [t0] = c as [Compiled];
      return (v) => (v[tSlot]! >= t0(v) ? 1 : 0);
    }
    case 'ramp': {
      const [start, end] = c as [Compiled, Compiled];
      return (v) => {
        const s = start(v);
        const e = end(v);
        const t = v[tSlot]!;
        if (t <= s) return 0;
        if (t >= e) return 1;
        return (t - s) / (e - s);
      };
    }
    default:
      throw new ExprError(`unknown function "${fn}"`);
  }
}

/** Compiles a checked expression to a closure. Every name must have a slot. */
export function compileExpr(expr: Expr, env: CompileEnv): Compiled {
  switch (expr.kind) {
    case 'num': {
      const value = expr.value;
      return () => value;
    }
    case 'name': {
      const slot = env.slots.get(expr.name);
      if (slot === undefined) throw new ExprError(`unknown name "${expr.name}"`);
      return (v) => v[slot]!;
    }
    case 'unary': {
      const a = compileExpr(expr.arg, env);
      return expr.op === '-' ? (v) => -a(v) : (v) => (a(v) === 0 ? 1 : 0);
    }
    case 'binary':
      return compileBinary(expr.op, expr.left, expr.right, env);
    case 'call':
      return compileCall(expr.fn, expr.args, env);
  }
}

/** Evaluates an expression once, with names looked up in a plain record (for tests and tools). */
export function evaluate(source: string, scope: Record<string, number> = {}): number {
  const expr = fold(parseExpr(source));
  const names = [...namesIn(expr)];
  const slots = new Map<string, number>();
  const v = new Float64Array(names.length + 2);
  names.forEach((n, i) => {
    if (!(n in scope)) throw new ExprError(`unknown name "${n}"`);
    slots.set(n, i);
    v[i] = scope[n]!;
  });
  const tSlot = names.length;
  const dtSlot = names.length + 1;
  v[tSlot] = scope.t ?? 0;
  v[dtSlot] = scope.dt ?? 1;
  return compileExpr(expr, { slots, tSlot, dtSlot })(v);
}
