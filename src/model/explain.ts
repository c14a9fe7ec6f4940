/**
 * What an outcome (or any series) is computed from, for "How this is computed": its own rule, and
 * every lever and constant it depends on, directly or through other equations and stocks.
 */
import { namesIn, parseExpr } from './expr.ts';
import type { Scenario } from './schema.ts';

export interface Inputs {
  /** the equation as the scenario file writes it, or a stock's flows */
  equation: string;
  levers: string[];
  constants: string[];
}

/** The names each equation, stock initial value and stock's flows read. */
function readsOf(scenario: Scenario): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  const names = (e: string | number) => namesIn(parseExpr(e));
  for (const v of [...scenario.variables, ...scenario.outcomes]) reads.set(v.id, names(v.equation));
  for (const s of scenario.stocks) {
    const all = new Set<string>(names(s.initial));
    for (const f of [...s.inflows, ...s.outflows]) for (const n of names(f)) all.add(n);
    reads.set(s.id, all);
  }
  return reads;
}

export function inputsOf(scenario: Scenario, id: string): Inputs {
  const reads = readsOf(scenario);
  const leverIds = new Set(scenario.levers.map((l) => l.id));
  const constantIds = new Set(scenario.constants.map((c) => c.id));
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const m of reads.get(n) ?? []) stack.push(m);
  }
  return {
    equation: equationOf(scenario, id),
    // In the scenario's own order, which groups them by actor and topic.
    levers: scenario.levers.filter((l) => seen.has(l.id) && leverIds.has(l.id)).map((l) => l.id),
    constants: scenario.constants.filter((c) => seen.has(c.id) && constantIds.has(c.id)).map((c) => c.id),
  };
}

/**
 * An equation as the file writes it; an outcome that only names a stock or a variable shows that
 * one's rule too (`releasedSoFar`, on its own, says little).
 */
function equationOf(scenario: Scenario, id: string): string {
  const item =
    scenario.outcomes.find((o) => o.id === id) ??
    scenario.variables.find((v) => v.id === id) ??
    scenario.stocks.find((s) => s.id === id);
  if (!item) return '';
  if ('inflows' in item) {
    const flows = [...item.inflows.map((f) => `+ ${f}`), ...item.outflows.map((f) => `− ${f}`)].join(' ');
    return `${item.id}: starts at ${String(item.initial)}; each step ${flows}`;
  }
  const equation = String(item.equation);
  if (!/^[A-Za-z]\w*$/.test(equation) || equation === id) return equation;
  if (scenario.stocks.some((x) => x.id === equation)) return equationOf(scenario, equation);
  const variable = scenario.variables.find((v) => v.id === equation);
  return variable ? `${equation} = ${String(variable.equation)}` : equation;
}
