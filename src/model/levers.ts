/**
 * Lever values from the outside world (command line, share links, tests) are checked here: unknown
 * levers are reported, values that are not numbers fall back to the default, and values out of
 * range are clamped. Nothing is used silently.
 */
import type { Lever, Scenario } from './schema.ts';

export type LeverNotice =
  | { kind: 'unknown-lever'; lever: string; valid: string[] }
  | { kind: 'not-a-number'; lever: string; given: unknown; used: number }
  | { kind: 'clamped'; lever: string; given: number; used: number; min: number; max: number };

export interface ResolvedLevers {
  /** every lever of the scenario, in its order */
  values: Record<string, number>;
  notices: LeverNotice[];
}

export function defaultLevers(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(scenario.levers.map((l) => [l.id, l.default]));
}

/** Each scenario's defaults and levers by id, built once: a slider step resolves its levers. */
const indexes = new WeakMap<
  Scenario,
  { defaults: Record<string, number>; byId: Map<string, Scenario['levers'][number]> }
>();

function indexOf(scenario: Scenario) {
  let index = indexes.get(scenario);
  if (!index) {
    index = { defaults: defaultLevers(scenario), byId: new Map(scenario.levers.map((l) => [l.id, l])) };
    indexes.set(scenario, index);
  }
  return index;
}

export function resolveLevers(scenario: Scenario, input: Readonly<Record<string, unknown>> = {}): ResolvedLevers {
  const notices: LeverNotice[] = [];
  const { defaults, byId } = indexOf(scenario);
  const values = { ...defaults };
  for (const [id, raw] of Object.entries(input)) {
    const lever = byId.get(id);
    if (!lever) {
      notices.push({ kind: 'unknown-lever', lever: id, valid: [...byId.keys()] });
      continue;
    }
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) {
      notices.push({ kind: 'not-a-number', lever: id, given: raw, used: lever.default });
      continue;
    }
    const used = Math.min(Math.max(n, lever.min), lever.max);
    if (used !== n) notices.push({ kind: 'clamped', lever: id, given: n, used, min: lever.min, max: lever.max });
    values[id] = used;
  }
  return { values, notices };
}

/** Decimals a step needs when written out: 0.5 → 1, 0.0005 → 4. */
export function decimalsOf(step: number): number {
  const text = String(step);
  const e = text.indexOf('e-');
  if (e >= 0) return Number(text.slice(e + 2)) + Math.max(0, e - (text.includes('.') ? 2 : 1));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A grid: a lever's range and step, or a constant's (see constantGrid). */
export type Grid = Pick<Lever, 'min' | 'max' | 'step'>;

/** The nearest value on the lever's grid of steps, inside its range. */
export function snapToStep(lever: Grid, value: number): number {
  const clamped = Math.min(Math.max(value, lever.min), lever.max);
  const steps = Math.round((clamped - lever.min) / lever.step);
  const snapped = Math.min(lever.min + steps * lever.step, lever.max);
  return Number(snapped.toFixed(decimalsOf(lever.step)));
}
