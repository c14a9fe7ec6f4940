/**
 * Compiles a checked Scenario into a Model: every name gets a slot in one Float64Array, every
 * equation becomes a closure, and equations are put in the order in which they can be evaluated.
 * Compiling is done once per scenario; simulating then only runs closures.
 *
 * Work is moved out of the time loop where the result cannot change: constants are folded into
 * the closures, equations that read only levers and constants run once per simulation, an
 * equation that is a bare name shares its source's slot, and every flow is read from a slot.
 */
import { compileExpr, fold, namesIn, parseExpr, type Compiled, type CompileEnv, type Expr } from './expr.ts';
import type { Scenario } from './schema.ts';
import { BUILTIN_NAMES, equationOrder } from './validate.ts';

export interface Model {
  scenario: Scenario;
  slotCount: number;
  slots: ReadonlyMap<string, number>;
  tSlot: number;
  dtSlot: number;
  monthSlot: number;
  /** calendar month (0–11) at t = 0 */
  startMonth: number;
  /** lever slots, in the scenario's lever order */
  leverSlots: Int32Array;
  constantSlots: Int32Array;
  constantValues: Float64Array;
  stockSlots: Int32Array;
  stockInitial: Compiled[];
  stockMin: Float64Array;
  stockMax: Float64Array;
  /** every flow as (stock index, sign, slot that holds the flow's value) */
  flowStock: Int32Array;
  flowSign: Float64Array;
  flowSlot: Int32Array;
  /** equations that read only levers and constants: evaluated once per simulation */
  staticSlots: Int32Array;
  staticFns: Compiled[];
  /** equations evaluated at every step, in dependency order */
  dynamicSlots: Int32Array;
  dynamicFns: Compiled[];
  /** everything with a time series: stocks, variables, outcomes */
  recordedIds: string[];
  recordedSlots: Int32Array;
  outcomeIds: string[];
  /** direct dependencies of each variable and outcome (for "why" views and the network) */
  dependencies: ReadonlyMap<string, ReadonlySet<string>>;
}

const TIME_FUNCTIONS = new Set(['pulse', 'step', 'ramp']);

function readsTime(expr: Expr): boolean {
  switch (expr.kind) {
    case 'num':
      return false;
    case 'name':
      return expr.name === 't' || expr.name === 'month';
    case 'unary':
      return readsTime(expr.arg);
    case 'binary':
      return readsTime(expr.left) || readsTime(expr.right);
    case 'call':
      return TIME_FUNCTIONS.has(expr.fn) || expr.args.some(readsTime);
  }
}

function substitute(expr: Expr, values: ReadonlyMap<string, number>): Expr {
  switch (expr.kind) {
    case 'num':
      return expr;
    case 'name': {
      const v = values.get(expr.name);
      return v === undefined ? expr : { kind: 'num', value: v };
    }
    case 'unary':
      return { ...expr, arg: substitute(expr.arg, values) };
    case 'binary':
      return { ...expr, left: substitute(expr.left, values), right: substitute(expr.right, values) };
    case 'call':
      return { ...expr, args: expr.args.map((a) => substitute(a, values)) };
  }
}

type Factor = { expr: Expr; op: '*' | '/' | '+' | '-' };

/** Flattens a chain such as a * b / c into its factors (or a + b - c into its terms). */
function chain(e: Expr, ops: readonly ['*', '/'] | readonly ['+', '-'], first: Factor['op'], into: Factor[]): Factor[] {
  if (e.kind === 'binary' && (e.op === ops[0] || e.op === ops[1])) {
    chain(e.left, ops, first, into);
    const flip = first === ops[1];
    const op = e.op === ops[0] ? (flip ? ops[1] : ops[0]) : flip ? ops[0] : ops[1];
    // a - (b - c) = a - b + c; a / (b / c) = a / b * c
    chain(e.right, ops, op, into);
  } else {
    into.push({ expr: e, op: first });
  }
  return into;
}

/**
 * Loop-invariant code motion: every largest sub-expression that reads only levers and constants
 * becomes its own equation, evaluated once per run. Products and sums are regrouped so that
 * x * lever / 100 costs one multiplication per step. (Regrouping can change the last bits of a
 * floating-point result, never more.)
 */
function hoist(e: Expr, isStatic: (e: Expr) => boolean, lift: (e: Expr) => Expr): Expr {
  if (e.kind === 'num' || e.kind === 'name') return e;
  if (isStatic(e)) return lift(e);
  if (e.kind === 'binary' && (e.op === '*' || e.op === '/' || e.op === '+' || e.op === '-')) {
    const mul = e.op === '*' || e.op === '/';
    const ops = mul ? (['*', '/'] as const) : (['+', '-'] as const);
    const parts = chain(e, ops, ops[0], []);
    const fixed = parts.filter((p) => isStatic(p.expr));
    const moving = parts.filter((p) => !isStatic(p.expr)).map((p) => ({ ...p, expr: hoist(p.expr, isStatic, lift) }));
    const join = (list: Factor[], seed: Expr | undefined): Expr | undefined =>
      list.reduce<Expr | undefined>((acc, p) => {
        if (acc === undefined) {
          return p.op === ops[0] ? p.expr : { kind: 'binary', op: p.op, left: { kind: 'num', value: mul ? 1 : 0 }, right: p.expr };
        }
        return { kind: 'binary', op: p.op, left: acc, right: p.expr };
      }, seed);
    const dynamic = join(moving, undefined)!;
    if (fixed.length === 0) return dynamic;
    const constantPart = join(fixed.map((p) => ({ ...p, op: p.op === ops[0] ? ops[0] : ops[1] })), undefined)!;
    return { kind: 'binary', op: ops[0], left: dynamic, right: lift(constantPart) };
  }
  switch (e.kind) {
    case 'unary':
      return { ...e, arg: hoist(e.arg, isStatic, lift) };
    case 'binary':
      return { ...e, left: hoist(e.left, isStatic, lift), right: hoist(e.right, isStatic, lift) };
    case 'call':
      return { ...e, args: e.args.map((a) => hoist(a, isStatic, lift)) };
  }
}

const compiled = new WeakMap<Scenario, Model>();

export function compileScenario(scenario: Scenario): Model {
  const cached = compiled.get(scenario);
  if (cached) return cached;

  const constants = new Map(scenario.constants.map((c) => [c.id, c.value]));
  const leverIds = new Set(scenario.levers.map((l) => l.id));
  const stockIds = new Set(scenario.stocks.map((s) => s.id));

  // Equations (variables, outcomes and flows that are not bare names), parsed once.
  const equations = new Map<string, Expr>();
  for (const v of scenario.variables) equations.set(v.id, parseExpr(v.equation));
  for (const o of scenario.outcomes) equations.set(o.id, parseExpr(o.equation));
  const dependencies = new Map<string, Set<string>>();
  for (const [id, e] of equations) dependencies.set(id, namesIn(e));

  const flows = scenario.stocks.map((s) => ({
    inflows: s.inflows.map((f) => parseExpr(f)),
    outflows: s.outflows.map((f) => parseExpr(f)),
  }));
  let hidden = 0;
  const flowName = (e: Expr): string => {
    if (e.kind === 'name') return e.name;
    const id = `\0flow${hidden++}`;
    equations.set(id, e);
    return id;
  };
  const flowNames = flows.map((f) => ({ inflows: f.inflows.map(flowName), outflows: f.outflows.map(flowName) }));

  // Slots: built-ins, levers, constants, stocks, then equations; a bare-name equation is an alias.
  const slots = new Map<string, number>();
  let slotCount = 0;
  const slotOf = (name: string) => {
    if (!slots.has(name)) slots.set(name, slotCount++);
    return slots.get(name)!;
  };
  const [tSlot, dtSlot, monthSlot] = BUILTIN_NAMES.map(slotOf) as [number, number, number];
  const leverSlots = Int32Array.from(scenario.levers.map((l) => slotOf(l.id)));
  const constantSlots = Int32Array.from(scenario.constants.map((c) => slotOf(c.id)));
  const stockSlots = Int32Array.from(scenario.stocks.map((s) => slotOf(s.id)));
  const allDeps = new Map<string, Set<string>>();
  for (const [id, e] of equations) allDeps.set(id, namesIn(e));
  const order = equationOrder(allDeps);
  const aliasOf = (id: string): string | undefined => {
    const e = equations.get(id)!;
    return e.kind === 'name' && !constants.has(e.name) ? e.name : undefined;
  };
  for (const id of order) {
    const source = aliasOf(id);
    if (source === undefined) slotOf(id);
    else slots.set(id, slotOf(source));
  }

  // Static equations read nothing that changes during a run.
  const isStatic = new Map<string, boolean>();
  for (const id of order) {
    const e = equations.get(id)!;
    isStatic.set(
      id,
      !readsTime(e) &&
        [...allDeps.get(id)!].every(
          (n) => leverIds.has(n) || constants.has(n) || n === 'dt' || (isStatic.get(n) ?? false),
        ) &&
        ![...allDeps.get(id)!].some((n) => stockIds.has(n)),
    );
  }

  const env: CompileEnv = { slots, tSlot, dtSlot };
  const build = (e: Expr) => compileExpr(fold(substitute(e, constants)), env);
  const computed = order.filter((id) => aliasOf(id) === undefined);
  const staticIds = computed.filter((id) => isStatic.get(id));
  const dynamicIds = computed.filter((id) => !isStatic.get(id));

  // Lift the parts of dynamic equations that cannot change during a run.
  const staticExpr = (e: Expr) =>
    !readsTime(e) &&
    [...namesIn(e)].every((n) => leverIds.has(n) || constants.has(n) || n === 'dt' || (isStatic.get(n) ?? false));
  const dynamicExprs = new Map<string, Expr>();
  let lifted = 0;
  const lift = (e: Expr): Expr => {
    const folded = fold(substitute(e, constants));
    if (folded.kind === 'num' || folded.kind === 'name') return folded;
    const id = `\0static${lifted++}`;
    slotOf(id);
    staticIds.push(id);
    equations.set(id, folded);
    return { kind: 'name', name: id };
  };
  for (const id of dynamicIds) dynamicExprs.set(id, hoist(substitute(equations.get(id)!, constants), staticExpr, lift));

  const flowStock: number[] = [];
  const flowSign: number[] = [];
  const flowSlot: number[] = [];
  flowNames.forEach((f, k) => {
    for (const n of f.inflows) flowStock.push(k), flowSign.push(1), flowSlot.push(slots.get(n)!);
    for (const n of f.outflows) flowStock.push(k), flowSign.push(-1), flowSlot.push(slots.get(n)!);
  });

  const recordedIds = [
    ...scenario.stocks.map((s) => s.id),
    ...scenario.variables.map((v) => v.id),
    ...scenario.outcomes.map((o) => o.id),
  ];

  const model: Model = {
    scenario,
    slotCount,
    slots,
    tSlot,
    dtSlot,
    monthSlot,
    startMonth: Number(scenario.time.start.slice(5, 7)) - 1,
    leverSlots,
    constantSlots,
    constantValues: Float64Array.from(scenario.constants.map((c) => c.value)),
    stockSlots,
    stockInitial: scenario.stocks.map((s) => build(parseExpr(s.initial))),
    stockMin: Float64Array.from(scenario.stocks.map((s) => s.bounds?.min ?? -Infinity)),
    stockMax: Float64Array.from(scenario.stocks.map((s) => s.bounds?.max ?? Infinity)),
    flowStock: Int32Array.from(flowStock),
    flowSign: Float64Array.from(flowSign),
    flowSlot: Int32Array.from(flowSlot),
    staticSlots: Int32Array.from(staticIds.map((id) => slots.get(id)!)),
    staticFns: staticIds.map((id) => build(equations.get(id)!)),
    dynamicSlots: Int32Array.from(dynamicIds.map((id) => slots.get(id)!)),
    dynamicFns: dynamicIds.map((id) => build(dynamicExprs.get(id)!)),
    recordedIds,
    recordedSlots: Int32Array.from(recordedIds.map((id) => slots.get(id)!)),
    outcomeIds: scenario.outcomes.map((o) => o.id),
    dependencies,
  };
  compiled.set(scenario, model);
  return model;
}
