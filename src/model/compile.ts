/**
 * Compiles a checked Scenario into a Model: every name gets a slot in one state array, equations
 * are put in the order in which they can be evaluated, and each becomes part of a register program
 * (program.ts), the one evaluator of the language. Compiling is done once per scenario; simulating
 * then only runs programs.
 *
 * Work is moved out of the time loop where the result cannot change: equations (and parts of
 * equations) that read only levers and constants run once per simulation (the static program),
 * parts that follow the calendar alone are tabulated once per model, an equation that is a bare
 * name shares its source's slot, and every flow is read from a slot. Constants are inputs of a run
 * like levers (not folded in), so a Monte Carlo draw or a reader's assumption changes them without
 * compiling again.
 */
import { fold, namesIn, parseExpr, TIME_FUNCTIONS, type Expr } from './expr.ts';
import { DT_SLOT, execute, ProgramBuilder, single, T_SLOT } from './program.ts';
import type { Scenario } from './schema.ts';
import { BUILTIN_NAMES, equationOrder } from './graph.ts';

export interface Model {
  scenario: Scenario;
  slotCount: number;
  slots: ReadonlyMap<string, number>;
  tSlot: number;
  dtSlot: number;
  monthSlot: number;
  /** calendar month (0–11) at t = 0 */
  startMonth: number;
  /** whether any per-step equation reads `month` itself (not through a tabulated part) */
  readsMonth: boolean;
  /** lever slots, in the scenario's lever order */
  leverSlots: Int32Array;
  /** constant slots, in the scenario's constant order, and the sourced value of each */
  constantSlots: Int32Array;
  constantValues: Float64Array;
  stockSlots: Int32Array;
  /** slots where the initial program leaves each stock's initial value */
  initialSlots: Int32Array;
  stockMin: Float64Array;
  stockMax: Float64Array;
  /** every flow as (stock index, sign, slot that holds the flow's value) */
  flowStock: Int32Array;
  flowSign: Float64Array;
  flowSlot: Int32Array;
  /** true when a flow reads a stock: then all flows are summed before any stock moves */
  flowsReadStocks: boolean;
  /** indices of the stocks that have a finite bound */
  boundedStocks: Int32Array;
  /** slots that hold the numbers the programs use, and their values */
  numberSlots: Int32Array;
  numberValues: Float64Array;
  /** equations that read only levers and constants: run once per simulation (and again when a
   * scheduled lever changes) */
  staticProgram: Int32Array;
  /** the stocks' initial values, run once per simulation after the static program */
  initialProgram: Int32Array;
  /** equations run at every step, in dependency order */
  dynamicProgram: Int32Array;
  /** calendar-only values, tabulated per step: slot j takes tables[j * (maxSteps + 1) + i] */
  tableSlots: Int32Array;
  tables: Float64Array;
  /** everything with a time series: stocks, variables, outcomes */
  recordedIds: string[];
  recordedSlots: Int32Array;
  /** series written at every step (one per distinct changing slot), as indices into recordedIds */
  liveSeries: Int32Array;
  /** the slot each live series records; they are consecutive, from liveSlots[0] */
  liveSlots: Int32Array;
  /** for each series: the row of the output that holds it (its own, or the one it repeats) */
  seriesRow: Int32Array;
  /** series whose value cannot change during a run, filled once at the end */
  fixedSeries: Int32Array;
  outcomeIds: string[];
}

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
type Invariance = 'static' | 'time' | undefined;

function hoist(e: Expr, kindOf: (e: Expr) => Invariance, lift: (e: Expr, kind: 'static' | 'time') => Expr): Expr {
  if (e.kind === 'num' || e.kind === 'name') return e;
  const kind = kindOf(e);
  if (kind) return lift(e, kind);
  const isStatic = (x: Expr) => kindOf(x) === 'static';
  if (e.kind === 'binary' && (e.op === '*' || e.op === '/' || e.op === '+' || e.op === '-')) {
    const mul = e.op === '*' || e.op === '/';
    const ops = mul ? (['*', '/'] as const) : (['+', '-'] as const);
    const parts = chain(e, ops, ops[0], []);
    const fixed = parts.filter((p) => isStatic(p.expr));
    const moving = parts.filter((p) => !isStatic(p.expr)).map((p) => ({ ...p, expr: hoist(p.expr, kindOf, lift) }));
    const join = (list: Factor[], seed: Expr | undefined): Expr | undefined =>
      list.reduce<Expr | undefined>((acc, p) => {
        if (acc === undefined) {
          return p.op === ops[0]
            ? p.expr
            : { kind: 'binary', op: p.op, left: { kind: 'num', value: mul ? 1 : 0 }, right: p.expr };
        }
        return { kind: 'binary', op: p.op, left: acc, right: p.expr };
      }, seed);
    if (fixed.length === 0) return join(moving, undefined)!;
    // The fixed part becomes one lifted value, and the moving parts apply to it in turn:
    // 1 - x / 20 stays one subtraction, x * lever / 100 one multiplication.
    const constantPart = lift(join(fixed, undefined)!, 'static');
    return join(moving, constantPart)!;
  }
  switch (e.kind) {
    case 'unary':
      return { ...e, arg: hoist(e.arg, kindOf, lift) };
    case 'binary':
      return { ...e, left: hoist(e.left, kindOf, lift), right: hoist(e.right, kindOf, lift) };
    case 'call':
      return { ...e, args: e.args.map((a) => hoist(a, kindOf, lift)) };
  }
}

/** The values of a calendar-only expression at every step up to `steps`, from its own small program. */
function tabulate(scenario: Scenario, e: Expr, steps: number): Float64Array {
  const { program, v, slots, result } = single(e, ['month']);
  const monthSlot = slots.get('month')!;
  const dt = scenario.time.step;
  const startMonth = Number(scenario.time.start.slice(5, 7)) - 1;
  const table = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) {
    v[T_SLOT] = i * dt;
    v[DT_SLOT] = dt;
    v[monthSlot] = calendarMonth(startMonth, scenario.time.unit, i * dt);
    execute(program, v, T_SLOT, DT_SLOT);
    table[i] = v[result]!;
  }
  return table;
}

/** Calendar month (1–12) at time t from a start month (0–11). */
export function calendarMonth(startMonth: number, unit: 'month' | 'week', t: number): number {
  const months = unit === 'month' ? t : (t * 7) / 30.4375;
  return ((startMonth + Math.floor(months + 1e-9)) % 12) + 1;
}

const compiled = new WeakMap<Scenario, Model>();

export function compileScenario(scenario: Scenario): Model {
  const cached = compiled.get(scenario);
  if (cached) return cached;

  const constants = new Set(scenario.constants.map((c) => c.id));
  const leverIds = new Set(scenario.levers.map((l) => l.id));
  const stockIds = new Set(scenario.stocks.map((s) => s.id));

  // Equations (variables, outcomes and flows that are not bare names), parsed once.
  const equations = new Map<string, Expr>();
  for (const v of scenario.variables) equations.set(v.id, parseExpr(v.equation));
  for (const o of scenario.outcomes) equations.set(o.id, parseExpr(o.equation));

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
    return e.kind === 'name' ? e.name : undefined;
  };
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
  // The values recorded at every step (stocks, then changing variables and outcomes) sit side by
  // side in the state array, so that recording a step is one sequential copy.
  for (const id of [...scenario.variables, ...scenario.outcomes].map((x) => x.id)) {
    if (aliasOf(id) === undefined && !isStatic.get(id)) slotOf(id);
  }
  for (const id of order) {
    const source = aliasOf(id);
    if (source === undefined) slotOf(id);
    else slots.set(id, slotOf(source));
  }

  const computed = order.filter((id) => aliasOf(id) === undefined);
  const staticIds = computed.filter((id) => isStatic.get(id));
  const dynamicIds = computed.filter((id) => !isStatic.get(id));

  // Lift the parts of dynamic equations that cannot change during a run (evaluated once per run),
  // and the parts that follow the calendar alone (tabulated once per model, looked up each step).
  const maxSteps = Math.round(scenario.time.maxHorizon / scenario.time.step);
  const kindOf = (e: Expr): Invariance => {
    const names = [...namesIn(e)];
    if (!readsTime(e)) {
      const fixed = names.every((n) => leverIds.has(n) || constants.has(n) || n === 'dt' || (isStatic.get(n) ?? false));
      return fixed ? 'static' : undefined;
    }
    // Only numbers and the calendar: a table cannot follow constants, which change between runs.
    return names.every((n) => n === 't' || n === 'month' || n === 'dt') ? 'time' : undefined;
  };
  const dynamicExprs = new Map<string, Expr>();
  const tableSlots: number[] = [];
  const tables: Float64Array[] = [];
  let lifted = 0;
  const lift = (e: Expr, kind: 'static' | 'time'): Expr => {
    const folded = fold(e);
    if (folded.kind === 'num' || folded.kind === 'name') return folded;
    const id = `\0${kind}${lifted++}`;
    const slot = slotOf(id);
    if (kind === 'static') {
      staticIds.push(id);
      equations.set(id, folded);
    } else {
      tableSlots.push(slot);
      tables.push(tabulate(scenario, folded, maxSteps));
    }
    return { kind: 'name', name: id };
  };
  for (const id of dynamicIds) dynamicExprs.set(id, hoist(equations.get(id)!, kindOf, lift));

  const flowStock: number[] = [];
  const flowSign: number[] = [];
  const flowSlot: number[] = [];
  flowNames.forEach((f, k) => {
    const add = (n: string, sign: number) => {
      flowStock.push(k);
      flowSign.push(sign);
      flowSlot.push(slots.get(n)!);
    };
    for (const n of f.inflows) add(n, 1);
    for (const n of f.outflows) add(n, -1);
  });

  const recordedIds = [
    ...scenario.stocks.map((s) => s.id),
    ...scenario.variables.map((v) => v.id),
    ...scenario.outcomes.map((o) => o.id),
  ];

  const builder = new ProgramBuilder(slots, slotCount);
  for (const id of staticIds) builder.into(fold(equations.get(id)!), slots.get(id)!);
  const staticProgram = builder.take();
  // Initial values read levers and constants only (validation sees to it).
  const initialSlots = Int32Array.from(scenario.stocks, (s) => {
    const e = fold(parseExpr(s.initial));
    if (e.kind === 'name') return slots.get(e.name)!;
    const slot = builder.allocate();
    builder.into(e, slot);
    return slot;
  });
  const initialProgram = builder.take();
  for (const id of dynamicIds) builder.into(fold(dynamicExprs.get(id)!), slots.get(id)!);
  const dynamicProgram = builder.take();

  const recordedSlots = Int32Array.from(recordedIds.map((id) => slots.get(id)!));
  const fixedSlots = new Set([...leverSlots, ...constantSlots, ...staticIds.map((id) => slots.get(id)!)]);
  const firstWithSlot = new Map<number, number>();
  const liveSeries: number[] = [];
  const fixedSeries: number[] = [];
  const sameAs = recordedIds.map((_, k) => {
    const slot = recordedSlots[k]!;
    if (fixedSlots.has(slot)) {
      fixedSeries.push(k);
      return -1;
    }
    const first = firstWithSlot.get(slot);
    if (first !== undefined) return first;
    firstWithSlot.set(slot, k);
    liveSeries.push(k);
    return -1;
  });

  if (liveSeries.some((k, j) => recordedSlots[k] !== recordedSlots[liveSeries[0]!]! + j)) {
    throw new Error('internal: the recorded slots are not consecutive');
  }

  const stockLow = scenario.stocks.map((s) => s.bounds?.min ?? -Infinity);
  const stockHigh = scenario.stocks.map((s) => s.bounds?.max ?? Infinity);
  const model: Model = {
    scenario,
    slotCount: builder.slotCount,
    slots,
    tSlot,
    dtSlot,
    monthSlot,
    startMonth: Number(scenario.time.start.slice(5, 7)) - 1,
    readsMonth: [...dynamicExprs.values()].some((e) => namesIn(e).has('month')),
    leverSlots,
    constantSlots,
    constantValues: Float64Array.from(scenario.constants, (c) => c.value),
    stockSlots,
    initialSlots,
    stockMin: Float64Array.from(stockLow),
    stockMax: Float64Array.from(stockHigh),
    flowStock: Int32Array.from(flowStock),
    flowSign: Float64Array.from(flowSign),
    flowSlot: Int32Array.from(flowSlot),
    flowsReadStocks: flowSlot.some((slot) => stockSlots.includes(slot)),
    boundedStocks: Int32Array.from(
      scenario.stocks.flatMap((s, k) => (s.bounds?.min !== undefined || s.bounds?.max !== undefined ? [k] : [])),
    ),
    numberSlots: Int32Array.from(builder.constantSlots),
    numberValues: Float64Array.from(builder.constantValues),
    staticProgram,
    initialProgram,
    dynamicProgram,
    tableSlots: Int32Array.from(tableSlots),
    tables: Float64Array.from(tables.flatMap((t) => [...t])),
    recordedIds,
    recordedSlots,
    liveSeries: Int32Array.from(liveSeries),
    liveSlots: Int32Array.from(liveSeries, (k) => recordedSlots[k]!),
    seriesRow: Int32Array.from(sameAs, (from, k) => (from >= 0 ? from : k)),
    fixedSeries: Int32Array.from(fixedSeries),
    outcomeIds: scenario.outcomes.map((o) => o.id),
  };
  compiled.set(scenario, model);
  return model;
}
