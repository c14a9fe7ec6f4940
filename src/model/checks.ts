/**
 * Model checks in the spirit of SDEverywhere's: each scenario file states claims as settings and
 * expectations on outcomes, and names a counter-setting under which the claim must fail, so every
 * check is shown to be able to fail. The matrix runs every lever at its extremes. The test suite
 * and `npm run validate` run all of them.
 */
import type { Model } from './compile.ts';
import { scheduleOf } from './inputs.ts';
import type { Check } from './schema.ts';
import { simulate, type SimulationResult } from './simulate.ts';
import { pointOf } from './time.ts';

export interface CheckRun {
  passed: boolean;
  /** one line for each expectation, saying what was expected and what the model gave */
  lines: string[];
}

export interface CheckResult extends CheckRun {
  id: string;
  claim: string;
  /** the same check under its counter-setting, which must fail; absent for the matrix */
  counter?: CheckRun & { setting: string };
}

const fmt = (x: number) => {
  if (Number.isInteger(x)) return String(x);
  const s = x.toPrecision(4);
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
};

/** The value an expectation reads: at a time, or the outcome as its card summarises it. */
function valueAt(r: SimulationResult, outcome: string, at: number | string | undefined, model: Model): number {
  const series = r.series[outcome]!;
  if (at === undefined) return r.outcomes[outcome] ?? series[series.length - 1]!;
  return series[pointOf(model.scenario.time, at, series.length)]!;
}

function when(at: number | string | undefined) {
  return at === undefined ? '' : ` at ${typeof at === 'number' ? `t=${at}` : at}`;
}

interface Setting {
  preset?: string | undefined;
  set?: Readonly<Record<string, number>> | undefined;
  assume?: Readonly<Record<string, number>> | undefined;
}

/** A setting written out for a person: `usRelief=8, sentenceMonths=30 (assumed)`. */
export function describeSetting(s: Setting): string {
  const parts = [
    ...(s.preset ? [`preset ${s.preset}`] : []),
    ...Object.entries(s.set ?? {}).map(([k, v]) => `${k}=${v}`),
    ...Object.entries(s.assume ?? {}).map(([k, v]) => `${k}=${v} (assumed)`),
  ];
  return parts.length ? parts.join(', ') : 'the defaults';
}

/** Runs one check's expectations, with `over` applied on top of every run (the counter-setting). */
function evaluate(model: Model, check: Check, over: Setting): CheckRun {
  const options = check.horizon === undefined ? {} : { horizon: check.horizon };
  const preset = over.preset ?? check.preset;
  const presetValues = preset ? (model.scenario.presets.find((p) => p.id === preset)?.values ?? {}) : {};
  const sim = (levers: Readonly<Record<string, number>>) =>
    simulate(
      model,
      { ...presetValues, ...levers, ...over.set },
      {
        ...options,
        schedule: scheduleOf(model.scenario, preset),
        constants: { ...check.assume, ...over.assume },
      },
    );
  const lines: string[] = [];
  let passed = true;
  const line = (ok: boolean, text: string) => {
    passed &&= ok;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  };
  const observed = (id: string) => model.scenario.observations.find((o) => o.id === id);

  if ('set' in check) {
    const r = sim(check.set);
    for (const e of check.expect) {
      const v = valueAt(r, e.outcome, e.at, model);
      const label = `${e.outcome}${when(e.at)} = ${fmt(v)}`;
      if (e.min !== undefined) line(v >= e.min, `${label}, expected ≥ ${fmt(e.min)}`);
      if (e.max !== undefined) line(v <= e.max, `${label}, expected ≤ ${fmt(e.max)}`);
      if (e.near !== undefined) {
        const obs = typeof e.near === 'string' && e.near !== 'start' ? observed(e.near) : undefined;
        const target = e.near === 'start' ? r.series[e.outcome]![0]! : obs ? obs.value : Number(e.near);
        const what = obs ? ` (${obs.id}, ${obs.date})` : '';
        const tol = e.within! * Math.abs(target);
        line(Math.abs(v - target) <= tol, `${label}, expected ${fmt(target)}${what} ± ${fmt(e.within! * 100)}%`);
      }
    }
  } else if ('compare' in check) {
    const a = sim(check.compare.a);
    const b = sim(check.compare.b);
    for (const e of check.expect) {
      const va = valueAt(a, e.outcome, e.at, model);
      const vb = valueAt(b, e.outcome, e.at, model);
      const name = `${e.outcome}${when(e.at)}: A = ${fmt(va)}, B = ${fmt(vb)}`;
      if (e.relation) {
        const tol = e.tolerance ?? 0;
        const ok = e.relation === 'less' ? va < vb : e.relation === 'greater' ? va > vb : Math.abs(va - vb) <= tol;
        line(ok, `${name}, expected A ${e.relation} B`);
      }
      if (e.difference) {
        const d = va - vb;
        const { min, max } = e.difference;
        const ok = (min === undefined || d >= min) && (max === undefined || d <= max);
        const range = `${min === undefined ? '' : `≥ ${fmt(min)}`}${min !== undefined && max !== undefined ? ' and ' : ''}${max === undefined ? '' : `≤ ${fmt(max)}`}`;
        line(ok, `${name}, A − B = ${fmt(d)}, expected ${range}`);
      }
    }
  } else {
    const runs = check.sweep.values.map((x) => sim({ ...check.sweep.set, [check.sweep.lever]: x }));
    for (const e of check.expect) {
      const values = runs.map((r) => valueAt(r, e.outcome, e.at, model));
      const steps = values.slice(1).map((v, i) => v - values[i]!);
      const ok = steps.every((d) => {
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
  return { passed, lines };
}

/**
 * Runs a check as written, then under its counter-setting. It holds when it passes as written and
 * fails under the counter-setting: a check that cannot fail tests nothing.
 */
export function runCheck(model: Model, check: Check): CheckResult {
  const result = evaluate(model, check, {});
  const counter = evaluate(model, check, check.counter);
  return {
    id: check.id,
    claim: check.claim,
    ...result,
    counter: { ...counter, setting: describeSetting(check.counter) },
  };
}

/** A check holds: it passes as written and fails under its counter-setting. */
export function holds(result: CheckResult): boolean {
  return result.passed && (result.counter === undefined || !result.counter.passed);
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

/**
 * The extreme-value matrix, with the constants at their sourced values and, to catch a range that
 * breaks the model, with every constant at its low and at its high end.
 */
export function runMatrix(model: Model, horizon?: number): CheckResult[] {
  const { constants } = model.scenario;
  const ends = [
    { label: '', values: {} },
    { label: ', constants at their lows', values: Object.fromEntries(constants.map((c) => [c.id, c.low])) },
    { label: ', constants at their highs', values: Object.fromEntries(constants.map((c) => [c.id, c.high])) },
  ];
  return ends.flatMap(({ label, values }) =>
    matrixSettings(model).map(({ name, levers }) => {
      const r = simulate(model, levers, { ...(horizon === undefined ? {} : { horizon }), constants: values });
      const problems = boundsProblems(model, r);
      return {
        id: `matrix: ${name}${label}`,
        claim: 'every value stays finite and every outcome inside its bounds',
        passed: problems.length === 0,
        lines: problems.length === 0 ? ['ok   all finite and in bounds'] : problems.map((p) => `FAIL ${p}`),
      };
    }),
  );
}
