/**
 * The one evaluator of the expression language. Equations become a flat register program: each
 * instruction reads slots of a state array and writes one slot, and `execute`, a loop over a
 * switch, runs it. This switch is the only place where an operator or a built-in function is given
 * its meaning: the simulation, the calendar tables, constant folding and `evaluate` all run
 * programs. A loop over plain numbers, with no call per operation, keeps the engine within a small
 * factor of equations written by hand (npm run bench). No eval, no `new Function`, so the app runs
 * under a strict Content-Security-Policy.
 *
 * Instruction layout: [op | destination << 5, a, b, c] (four Int32 cells); a, b and c are slots.
 */
import type { BinaryOp, Expr } from './expr.ts';

export const enum Op {
  Copy = 0,
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Lt,
  Le,
  Gt,
  Ge,
  Eq,
  Ne,
  And,
  Or,
  Neg,
  Not,
  Select,
  Min,
  Max,
  Clamp,
  Exp,
  Log,
  Sqrt,
  Abs,
  Pulse,
  Step,
  Ramp,
  /** d = a * b + c */
  MulAdd,
  /** d = a * b - c */
  MulSub,
  /** d = c - a * b */
  SubMul,
}

const BINARY: Record<BinaryOp, Op> = {
  '+': Op.Add,
  '-': Op.Sub,
  '*': Op.Mul,
  '/': Op.Div,
  '^': Op.Pow,
  '<': Op.Lt,
  '<=': Op.Le,
  '>': Op.Gt,
  '>=': Op.Ge,
  '==': Op.Eq,
  '!=': Op.Ne,
  and: Op.And,
  or: Op.Or,
};

const UNARY_CALLS: Record<string, Op> = { exp: Op.Exp, log: Op.Log, sqrt: Op.Sqrt, abs: Op.Abs, step: Op.Step };

export const WIDTH = 4;
const OP_BITS = 5;
const OP_MASK = (1 << OP_BITS) - 1;

/** Builds one program from many equations, allocating slots for numbers and intermediate results. */
export class ProgramBuilder {
  private code: number[] = [];
  /** the slot of each number, keyed by the number itself, or by "-0" for -0 (a Map would take
   * -0 for 0, and 1 / -0 is -Infinity) */
  private numbers = new Map<number | string, number>();
  /** common sub-expressions: each slot is written once per run of a program, so equal
   * instructions give equal values and the second can reuse the first's slot */
  private seen = new Map<string, number>();
  /** slots that hold fixed numbers, with their values (set once per run) */
  readonly constantSlots: number[] = [];
  readonly constantValues: number[] = [];

  constructor(
    private slots: ReadonlyMap<string, number>,
    private nextSlot: number,
  ) {}

  get slotCount(): number {
    return this.nextSlot;
  }

  /** A new slot for a result that a program leaves behind. */
  allocate(): number {
    return this.nextSlot++;
  }

  private emit(op: Op, d: number, a = 0, b = 0, c = 0) {
    this.code.push(op | (d << OP_BITS), a, b, c);
  }

  private number(value: number): number {
    const key = Object.is(value, -0) ? '-0' : value;
    let slot = this.numbers.get(key);
    if (slot === undefined) {
      slot = this.nextSlot++;
      this.numbers.set(key, slot);
      this.constantSlots.push(slot);
      this.constantValues.push(value);
    }
    return slot;
  }

  /** The slot that holds the value of `e`, emitting the instructions that compute it. */
  private operand(e: Expr): number {
    if (e.kind === 'num') return this.number(e.value);
    if (e.kind === 'name') return this.slots.get(e.name)!;
    const start = this.code.length;
    const d = this.nextSlot++;
    this.into(e, d);
    // A single instruction that was emitted before: drop it and reuse the earlier result.
    if (this.code.length - start === WIDTH) {
      const [head, ...operands] = this.code.slice(start);
      const key = [head! & OP_MASK, ...operands].join(',');
      const earlier = this.seen.get(key);
      if (earlier !== undefined) {
        this.code.length = start;
        return earlier;
      }
      this.seen.set(key, d);
    }
    return d;
  }

  /** Emits instructions that leave the value of `e` in slot `d`. */
  into(e: Expr, d: number): void {
    switch (e.kind) {
      case 'num':
      case 'name':
        this.emit(Op.Copy, d, this.operand(e));
        return;
      case 'unary':
        this.emit(e.op === '-' ? Op.Neg : Op.Not, d, this.operand(e.arg));
        return;
      case 'binary': {
        // Fuse a product into the sum or difference that uses it: one instruction instead of two.
        const product = (x: Expr) => x.kind === 'binary' && x.op === '*';
        if ((e.op === '+' || e.op === '-') && (product(e.left) || product(e.right))) {
          const [p, other, op] = product(e.left)
            ? [e.left, e.right, e.op === '+' ? Op.MulAdd : Op.MulSub]
            : [e.right, e.left, e.op === '+' ? Op.MulAdd : Op.SubMul];
          const { left, right } = p as Extract<Expr, { kind: 'binary' }>;
          const a = this.operand(left);
          const b = this.operand(right);
          const c = this.operand(other);
          this.emit(op, d, a, b, c);
          return;
        }
        const a = this.operand(e.left);
        const b = this.operand(e.right);
        this.emit(BINARY[e.op], d, a, b);
        return;
      }
      case 'call': {
        const args = e.args.map((x) => this.operand(x));
        switch (e.fn) {
          case 'if':
            this.emit(Op.Select, d, args[0], args[1], args[2]);
            return;
          case 'min':
          case 'max': {
            const op = e.fn === 'min' ? Op.Min : Op.Max;
            this.emit(op, d, args[0], args[1]);
            for (const x of args.slice(2)) this.emit(op, d, d, x);
            return;
          }
          case 'clamp':
            this.emit(Op.Clamp, d, args[0], args[1], args[2]);
            return;
          case 'pulse':
            this.emit(Op.Pulse, d, args[0], args[1]);
            return;
          case 'ramp':
            this.emit(Op.Ramp, d, args[0], args[1]);
            return;
          default:
            this.emit(UNARY_CALLS[e.fn]!, d, args[0]);
        }
      }
    }
  }

  /** Takes the instructions emitted so far as one program. */
  take(): Int32Array {
    const program = Int32Array.from(this.code);
    this.code = [];
    this.seen.clear();
    return program;
  }
}

/**
 * A new state array of `length` slots, all 0. A plain array of numbers: V8 runs `execute` about
 * 10% faster on it than on a Float64Array (npm run bench). Every program's state is made here.
 */
export function newState(length: number): number[] {
  return Array.from({ length }, () => 0);
}

/** Slots of the time built-ins in a program made by `single`. */
export const T_SLOT = 0;
export const DT_SLOT = 1;

/** One expression as a program of its own, with the state array to run it on. */
export interface Single {
  program: Int32Array;
  /** the state: t and dt in T_SLOT and DT_SLOT (0 and 1 until set), the numbers already in place */
  v: number[];
  /** the slot of each name the program reads: t, dt and the inputs */
  slots: ReadonlyMap<string, number>;
  /** the slot where a run leaves the value */
  result: number;
}

/** Builds a program for one expression that reads `inputs` (and t and dt, which have their own slots). */
export function single(e: Expr, inputs: Iterable<string> = []): Single {
  const slots = new Map([
    ['t', T_SLOT],
    ['dt', DT_SLOT],
  ]);
  for (const name of inputs) if (!slots.has(name)) slots.set(name, slots.size);
  const result = slots.size;
  const builder = new ProgramBuilder(slots, result + 1);
  builder.into(e, result);
  const program = builder.take();
  const v = newState(builder.slotCount);
  builder.constantSlots.forEach((slot, i) => (v[slot] = builder.constantValues[i]!));
  v[DT_SLOT] = 1;
  return { program, v, slots, result };
}

/** Share of the step [t, t + dt) that lies inside [start, start + width): what `pulse` gives. */
export function pulseShare(t: number, dt: number, start: number, width: number): number {
  if (width <= 0 || dt <= 0) return 0;
  const overlap = Math.min(t + dt, start + width) - Math.max(t, start);
  return overlap > 0 ? overlap / dt : 0;
}

/** Runs a program on the state array. */
export function execute(p: Int32Array, v: number[], tSlot: number, dtSlot: number): void {
  const n = p.length;
  for (let pc = 0; pc < n; pc += WIDTH) {
    const head = p[pc]!;
    const d = head >> OP_BITS;
    const a = p[pc + 1]!;
    const b = p[pc + 2]!;
    switch (head & OP_MASK) {
      case Op.Copy:
        v[d] = v[a]!;
        break;
      case Op.Add:
        v[d] = v[a]! + v[b]!;
        break;
      case Op.Sub:
        v[d] = v[a]! - v[b]!;
        break;
      case Op.Mul:
        v[d] = v[a]! * v[b]!;
        break;
      case Op.Div:
        v[d] = v[a]! / v[b]!;
        break;
      case Op.Pow:
        v[d] = v[a]! ** v[b]!;
        break;
      case Op.Lt:
        v[d] = v[a]! < v[b]! ? 1 : 0;
        break;
      case Op.Le:
        v[d] = v[a]! <= v[b]! ? 1 : 0;
        break;
      case Op.Gt:
        v[d] = v[a]! > v[b]! ? 1 : 0;
        break;
      case Op.Ge:
        v[d] = v[a]! >= v[b]! ? 1 : 0;
        break;
      case Op.Eq:
        v[d] = v[a]! === v[b]! ? 1 : 0;
        break;
      case Op.Ne:
        v[d] = v[a]! !== v[b]! ? 1 : 0;
        break;
      case Op.And:
        v[d] = v[a]! !== 0 && v[b]! !== 0 ? 1 : 0;
        break;
      case Op.Or:
        v[d] = v[a]! !== 0 || v[b]! !== 0 ? 1 : 0;
        break;
      case Op.Neg:
        v[d] = -v[a]!;
        break;
      case Op.Not:
        v[d] = v[a]! === 0 ? 1 : 0;
        break;
      case Op.Select:
        v[d] = v[a]! !== 0 ? v[b]! : v[p[pc + 3]!]!;
        break;
      case Op.Min:
        v[d] = Math.min(v[a]!, v[b]!);
        break;
      case Op.Max:
        v[d] = Math.max(v[a]!, v[b]!);
        break;
      case Op.Clamp:
        v[d] = Math.min(Math.max(v[a]!, v[b]!), v[p[pc + 3]!]!);
        break;
      case Op.Exp:
        v[d] = Math.exp(v[a]!);
        break;
      case Op.Log:
        v[d] = Math.log(v[a]!);
        break;
      case Op.Sqrt:
        v[d] = Math.sqrt(v[a]!);
        break;
      case Op.Abs:
        v[d] = Math.abs(v[a]!);
        break;
      case Op.Pulse:
        v[d] = pulseShare(v[tSlot]!, v[dtSlot]!, v[a]!, v[b]!);
        break;
      case Op.Step:
        v[d] = v[tSlot]! >= v[a]! ? 1 : 0;
        break;
      case Op.MulAdd:
        v[d] = v[a]! * v[b]! + v[p[pc + 3]!]!;
        break;
      case Op.MulSub:
        v[d] = v[a]! * v[b]! - v[p[pc + 3]!]!;
        break;
      case Op.SubMul:
        v[d] = v[p[pc + 3]!]! - v[a]! * v[b]!;
        break;
      case Op.Ramp: {
        const t = v[tSlot]!;
        const s = v[a]!;
        const e = v[b]!;
        v[d] = t <= s ? 0 : t >= e ? 1 : (t - s) / (e - s);
        break;
      }
    }
  }
}
