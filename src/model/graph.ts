/** Names and ordering shared by validation and compilation (kept apart so the app need not load the schema). */

/** Names every equation may read besides the scenario's own. */
export const BUILTIN_NAMES = ['t', 'dt', 'month'] as const;

/** Topological order of equations (variables and outcomes): each comes after what it reads. */
export function equationOrder(deps: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (n: string) => {
    if (done.has(n)) return;
    done.add(n);
    for (const m of deps.get(n) ?? []) if (deps.has(m)) visit(m);
    order.push(n);
  };
  for (const n of deps.keys()) visit(n);
  return order;
}
