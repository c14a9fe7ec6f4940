/**
 * What a run reads besides the model, checked like levers are (levers.ts): constants that depart
 * from their sourced values (a reader's assumption, a Monte Carlo draw) and levers that change at
 * dates (a preset's schedule). Unknown ids are reported, values out of range are clamped, and
 * nothing is used silently.
 */
import { decimalsOf, snapToStep, type Grid } from './levers.ts';
import type { Constant, Scenario } from './schema.ts';
import { timeOfDate } from './time.ts';

/**
 * A constant's grid for the Assumptions panel and share links: its own step, or a round number
 * near a hundredth of its range, fine enough that the sourced value lies on the grid.
 */
export function constantGrid(c: Constant): Grid {
  if (c.step !== undefined) return { min: c.low, max: c.high, step: c.step };
  const range = c.high - c.low;
  if (range <= 0) return { min: c.low, max: c.high, step: 1 };
  const power = 10 ** Math.floor(Math.log10(range / 100));
  let step = [1, 2, 5, 10].map((k) => k * power).find((x) => x >= range / 100)!;
  for (let i = 0; i < 6; i++) {
    const k = (c.value - c.low) / step;
    if (Math.abs(k - Math.round(k)) < 1e-6) break;
    step /= 10;
  }
  return { min: c.low, max: c.high, step: Number(step.toPrecision(6)) };
}

/** The nearest value on a constant's grid, within its range. */
export function snapConstant(c: Constant, value: number): number {
  return snapToStep(constantGrid(c), value);
}

export { decimalsOf };

export type ConstantNotice =
  | { kind: 'unknown-constant'; constant: string; valid: string[] }
  | { kind: 'constant-not-a-number'; constant: string; given: unknown }
  | { kind: 'constant-clamped'; constant: string; given: number; used: number; low: number; high: number };

/** Every constant's value, in the scenario's order: the sourced value unless `input` departs from it. */
export function resolveConstants(
  scenario: Scenario,
  input: Readonly<Record<string, unknown>> = {},
): { values: Record<string, number>; notices: ConstantNotice[] } {
  const values = Object.fromEntries(scenario.constants.map((c) => [c.id, c.value]));
  const notices: ConstantNotice[] = [];
  for (const [id, raw] of Object.entries(input)) {
    const c = scenario.constants.find((x) => x.id === id);
    if (!c) {
      notices.push({ kind: 'unknown-constant', constant: id, valid: scenario.constants.map((x) => x.id) });
      continue;
    }
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) {
      notices.push({ kind: 'constant-not-a-number', constant: id, given: raw });
      continue;
    }
    const used = Math.min(Math.max(n, c.low), c.high);
    if (used !== n) notices.push({ kind: 'constant-clamped', constant: id, given: n, used, low: c.low, high: c.high });
    values[id] = used;
  }
  return { values, notices };
}

/** A lever's values over time: from time `at` (in the scenario's units) on, it is `value`. */
export type LeverSchedule = Readonly<Record<string, readonly { at: number; value: number }[]>>;

/** A preset's schedule on the scenario's time axis. */
export function scheduleOf(scenario: Scenario, presetId: string | undefined): LeverSchedule {
  const preset = presetId === undefined ? undefined : scenario.presets.find((p) => p.id === presetId);
  if (!preset?.schedule) return {};
  return Object.fromEntries(
    Object.entries(preset.schedule).map(([lever, entries]) => [
      lever,
      entries.map((e) => ({ at: timeOfDate(scenario.time, e.from), value: e.value })),
    ]),
  );
}

/**
 * The schedule of levers that follow a preset's dated events: lever id → the preset whose
 * schedule it follows (as a share link says `usRelief=asItHappened`).
 */
export function leverSchedules(scenario: Scenario, follows: Readonly<Record<string, string>>): LeverSchedule {
  const out: Record<string, { at: number; value: number }[]> = {};
  for (const [lever, presetId] of Object.entries(follows)) {
    const entries = scheduleOf(scenario, presetId)[lever];
    if (entries) out[lever] = [...entries];
  }
  return out;
}

/** Whether a preset has a schedule for a lever. */
export function hasSchedule(scenario: Scenario, presetId: string, lever: string): boolean {
  return scenario.presets.some((p) => p.id === presetId && p.schedule?.[lever] !== undefined);
}
