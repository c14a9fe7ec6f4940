/**
 * Compiles a checked Scenario into a Model: every name gets a slot in one Float64Array, every
 * equation becomes a closure, and equations are put in the order in which they can be evaluated.
 * Compiling is done once per scenario; simulating then only runs closures.
 */
import { compileExpr, fold, namesIn, parseExpr, type Compiled, type CompileEnv } from './expr.ts';
import type { Scenario } from './schema.ts';
import { BUILTIN_NAMES, equationOrder } from './validate.ts';

export interface CompiledStock {
  id: string;
  slot: number;
  initial: Compiled;
  inflows: Compiled[];
  outflows: Compiled[];
  min: number;
  max: number;
}

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
  stocks: CompiledStock[];
  /** equations (variables and outcomes) in evaluation order */
  equationSlots: Int32Array;
  equationFns: Compiled[];
  /** everything with a time series: stocks, variables, outcomes */
  recordedIds: string[];
  recordedSlots: Int32Array;
  outcomeIds: string[];
  /** direct dependencies of each variable and outcome (for "why" views and the network) */
  dependencies: ReadonlyMap<string, ReadonlySet<string>>;
}

const compiled = new WeakMap<Scenario, Model>();

export function compileScenario(scenario: Scenario): Model {
  const cached = compiled.get(scenario);
  if (cached) return cached;

  const slots = new Map<string, number>();
  const slotOf = (name: string) => {
    if (!slots.has(name)) slots.set(name, slots.size);
    return slots.get(name)!;
  };
  const [tSlot, dtSlot, monthSlot] = BUILTIN_NAMES.map(slotOf) as [number, number, number];
  const leverSlots = Int32Array.from(scenario.levers.map((l) => slotOf(l.id)));
  const constantSlots = Int32Array.from(scenario.constants.map((c) => slotOf(c.id)));
  const constantValues = Float64Array.from(scenario.constants.map((c) => c.value));
  for (const s of scenario.stocks) slotOf(s.id);
  for (const v of scenario.variables) slotOf(v.id);
  for (const o of scenario.outcomes) slotOf(o.id);

  const env: CompileEnv = { slots, tSlot, dtSlot };
  const build = (source: string | number) => compileExpr(fold(parseExpr(source)), env);

  const stocks: CompiledStock[] = scenario.stocks.map((s) => ({
    id: s.id,
    slot: slots.get(s.id)!,
    initial: build(s.initial),
    inflows: s.inflows.map(build),
    outflows: s.outflows.map(build),
    min: s.bounds?.min ?? -Infinity,
    max: s.bounds?.max ?? Infinity,
  }));

  const equations = new Map<string, string | number>();
  for (const v of scenario.variables) equations.set(v.id, v.equation);
  for (const o of scenario.outcomes) equations.set(o.id, o.equation);
  const dependencies = new Map<string, Set<string>>();
  for (const [id, eq] of equations) dependencies.set(id, namesIn(parseExpr(eq)));
  const order = equationOrder(dependencies);

  const recordedIds = [
    ...scenario.stocks.map((s) => s.id),
    ...scenario.variables.map((v) => v.id),
    ...scenario.outcomes.map((o) => o.id),
  ];
  const startMonth = Number(scenario.time.start.slice(5, 7)) - 1;

  const model: Model = {
    scenario,
    slotCount: slots.size,
    slots,
    tSlot,
    dtSlot,
    monthSlot,
    startMonth,
    leverSlots,
    constantSlots,
    constantValues,
    stocks,
    equationSlots: Int32Array.from(order.map((id) => slots.get(id)!)),
    equationFns: order.map((id) => build(equations.get(id)!)),
    recordedIds,
    recordedSlots: Int32Array.from(recordedIds.map((id) => slots.get(id)!)),
    outcomeIds: scenario.outcomes.map((o) => o.id),
    dependencies,
  };
  compiled.set(scenario, model);
  return model;
}
