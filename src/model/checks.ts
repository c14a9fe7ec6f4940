/**
 * Model checks in the spirit of SDEverywhere's: each scenario file states claims as lever settings
 * and expectations on outcomes; the matrix runs every lever at its extremes. The test suite and
 * `npm run validate` run both.
 */
import type { Model } from './compile.ts';
import type { Check } from './schema.ts';
import { simulate, type SimulationResult } from './simulate.ts';

export interface CheckResult {
  id: string;
  claim: string;
  passed: boolean;
  /** one line for each expectation, saying what was expected and what the model gave */
  lines: string[];
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4).replace(/\.?0+$/, ''));

function valueAt(r: SimulationResult, outcome: string, at: number | undefined): number {
  const series = r.series[outcome]!;
  if (at === undefined) return series[series.length - 1]!;
  const i = Math.min(Math.max(Math.round(at / (r.t[1]! - r.t[0]! || 1)), 0), series.length - 1);
  return series[i]!;
}

function when(at: number | undefined) {
  return at === undefined ? '' : ` at t=${at}`;
}

export function runCheck(model: Model, check: Check): CheckResult {
  const options = check.horizon === undefined ? {} : { horizon: check.horizon };
  const lines: string[] = [];
  let passed = true;
  const line = (ok: boolean, text: string) => {
    passed &&= ok;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  };

  if ('set' in check) {
    const r = simulate(model, check.set, options);
    for (const e of check.expect) {
      const v = valueAt(r, e.outcome, e.at);
      const label = `${e.outcome}${when(e.at)} = ${fmt(v)}`;
      if (e.min !== undefined) line(v >= e.min, `${label}, expected ≥ ${fmt(e.min)}`);
      if (e.max !== undefined) line(v <= e.max, `${label}, expected ≤ ${fmt(e.max)}`);
      if (e.near !== undefined) {
        const target = e.near === 'start' ? r.series[e.outcome]![0]! : e.near;
        const tol = e.within! * Math.abs(target);
        line(Math.abs(v - target) <= tol, `${label}, expected ${fmt(target)} ± ${fmt(e.within! * 100)}%`);
      }
    }
  } else if ('compare' in check) {
    const a = simulate(model, check.compare.a, options);
    const b = simulate(model, check.compare.b, options);
    for (const e of check.expect) {
      const va = valueAt(a, e.outcome, e.at);
      const vb = valueAt(b, e.outcome, e.at);
      const tol = e.tolerance ?? 0;
      const ok = e.relation === 'less' ? va < vb : e.relation === 'greater' ? va > vb : Math.abs(va - vb) <= tol;
      line(ok, `${e.outcome}${when(e.at)}: A = ${fmt(va)}, B = ${fmt(vb)}, expected A ${e.relation} B`);
    }
  } else {
    const runs = check.sweep.values.map((x) =>
      simulate(model, { ...check.sweep.set, [check.sweep.lever]: x }, options),
    );
    for (const e of check.expect) {
      const values = runs.map((r) => valueAt(r, e.outcome, e.at));
      const pairs = values.slice(1).map((v, i) => v - values[i]!);
      const ok = pairs.every((d) => {
        switch (e.trend) {
          case 'increasing':
            return d > 0;
          case 'decreasing':
            return d < 0;
          case 'nondecreasing':
            return d >= 0;
          case 'nonincreasing':
            return d <= 0;
          case 'constant':
            return d === 0;
        }
      });
      line(
        ok,
        `${e.outcome}${when(e.at)} over ${check.sweep.lever} = ${check.sweep.values.join(', ')}: ${values.map(fmt).join(', ')}, expected ${e.trend}`,
      );
    }
  }
  return { id: check.id, claim: check.claim, passed, lines };
}

export function runChecks(model: Model): CheckResult[] {
  return model.scenario.checks.map((c) => runCheck(model, c));
}

/** Lever settings of the matrix: all at default, all at min, all at max, each alone at min and max. */
export function matrixSettings(model: Model): { name: string; levers: Record<string, number> }[] {
  const { levers } = model.scenario;
  const out = [
    { name: 'all levers at default', levers: {} },
    { name: 'all levers at min', levers: Object.fromEntries(levers.map((l) => [l.id, l.min])) },
    { name: 'all levers at max', levers: Object.fromEntries(levers.map((l) => [l.id, l.max])) },
  ];
  for (const l of levers) {
    out.push({ name: `${l.id} at min (${l.min})`, levers: { [l.id]: l.min } });
    out.push({ name: `${l.id} at max (${l.max})`, levers: { [l.id]: l.max } });
  }
  return out;
}

/**
 * Problems with one run: a value that is not finite anywhere in any series, or an outcome that
 * leaves its declared bounds at any time. Empty when the run is sound.
 */
export function boundsProblems(model: Model, result: SimulationResult): string[] {
  const problems: string[] = [];
  for (const [id, series] of Object.entries(result.series)) {
    const i = series.findIndex((x) => !Number.isFinite(x));
    if (i >= 0) problems.push(`${id} is ${series[i]} at t=${result.t[i]}`);
  }
  for (const o of model.scenario.outcomes) {
    const series = result.series[o.id]!;
    for (let i = 0; i < series.length; i++) {
      const x = series[i]!;
      if (x < o.bounds.min || x > o.bounds.max) {
        problems.push(`${o.id} = ${fmt(x)} at t=${result.t[i]} is outside its bounds ${o.bounds.min}..${o.bounds.max}`);
        break;
      }
    }
  }
  return problems;
}

export function runMatrix(model: Model, horizon?: number): CheckResult[] {
  return matrixSettings(model).map(({ name, levers }) => {
    const r = simulate(model, levers, horizon === undefined ? {} : { horizon });
    const problems = boundsProblems(model, r);
    return {
      id: `matrix: ${name}`,
      claim: 'every value stays finite and every outcome inside its bounds',
      passed: problems.length === 0,
      lines: problems.length === 0 ? ['ok   all finite and in bounds'] : problems.map((p) => `FAIL ${p}`),
    };
  });
}
