/** Turns command-line and share-link inputs into lever settings, refusing what is not valid. */
import type { Model } from '../model/compile.ts';
import { hasSchedule } from '../model/inputs.ts';
import { snapToStep } from '../model/levers.ts';
import type { Lever } from '../model/schema.ts';

export class UsageError extends Error {}

/** Query keys of a share link that are view state, not levers (see the URL codec). */
export const VIEW_KEYS = new Set(['scenario', 'v', 'lang', 'view', 'step', 'baseline', 'seed', 'draws']);

export interface LeverSetting {
  id: string;
  value: number;
  /** the preset whose dated schedule the lever follows instead of a fixed value */
  follows?: string;
  /** what was done to the value given, for stderr */
  notes: string[];
}

function leverList(model: Model): string {
  return model.scenario.levers.map((l) => `${l.id} (${l.min}..${l.max})`).join(', ');
}

/** The value on the lever's grid, as the app and its share links use it, and a note if it moved. */
export function snapped(lever: Lever, given: number, from = ''): { value: number; notes: string[] } {
  const value = snapToStep(lever, given);
  const note = `note: ${lever.id}=${given}${from} rounded to ${value} (step ${lever.step}), as a share link would`;
  return { value, notes: value === given ? [] : [note] };
}

/**
 * Checks one lever assignment strictly: the lever must exist and the value be a number in range,
 * or the id of a preset, which stands for that preset's value of the lever (as a link may say).
 */
export function checkedLever(model: Model, id: string, raw: string): LeverSetting {
  const lever = model.scenario.levers.find((l) => l.id === id);
  if (!lever) throw new UsageError(`unknown lever "${id}". Valid levers: ${leverList(model)}`);
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) {
    const preset = model.scenario.presets.find((p) => p.id === raw.trim());
    if (preset && hasSchedule(model.scenario, preset.id, id)) {
      const first = preset.values[id] ?? lever.default;
      return {
        id,
        value: first,
        follows: preset.id,
        notes: [`note: ${id} follows the dated schedule of preset ${preset.id}`],
      };
    }
    if (preset) {
      const given = preset.values[id];
      const note =
        given === undefined
          ? `note: ${id}=${preset.id} uses the default, ${lever.default}, as that preset does not set ${id}`
          : `note: ${id}=${preset.id} uses that preset's value, ${given}`;
      const result = snapped(lever, given ?? lever.default, ` (preset ${preset.id})`);
      return { id, value: result.value, notes: [note, ...result.notes] };
    }
    const presets = model.scenario.presets.map((p) => p.id).join(', ');
    throw new UsageError(
      `"${raw}" is not a number for ${id}; give a number from ${lever.min} to ${lever.max}` +
        (presets ? `, or a preset: ${presets}` : ''),
    );
  }
  if (value < lever.min || value > lever.max) {
    throw new UsageError(`${id}=${raw} is out of range; ${id} takes ${lever.min} to ${lever.max} (${lever.unit.en})`);
  }
  return { id, ...snapped(lever, value) };
}

/**
 * Checks one assumption: the constant must exist and the value be a number within its plausible
 * range (a value outside it is not an assumption the model's sources allow).
 */
export function checkedConstant(model: Model, id: string, raw: string): { id: string; value: number } {
  const c = model.scenario.constants.find((x) => x.id === id);
  if (!c) {
    const list = model.scenario.constants
      .filter((x) => x.high > x.low)
      .map((x) => x.id)
      .join(', ');
    throw new UsageError(`unknown constant "${id}". Constants with a range: ${list}`);
  }
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || value < c.low || value > c.high) {
    throw new UsageError(
      `${id}=${raw} is outside its plausible range; ${id} takes ${c.low} to ${c.high} (${c.unit.en}), sourced value ${c.value}`,
    );
  }
  return { id, value };
}

/** Parses `id=value` for --assume. */
export function parseAssumption(model: Model, text: string): { id: string; value: number } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--assume takes constant=value, got "${text}"`);
  return checkedConstant(model, text.slice(0, eq).trim(), text.slice(eq + 1));
}

/** Parses `id=value`. */
export function parseAssignment(model: Model, text: string): LeverSetting {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set takes lever=value, got "${text}". Valid levers: ${leverList(model)}`);
  return checkedLever(model, text.slice(0, eq).trim(), text.slice(eq + 1));
}

/** The query part of a share link, a bare query string, or `a=1&b=2`. */
export function queryOf(link: string): URLSearchParams {
  const q = link.indexOf('?');
  const hash = link.indexOf('#');
  const query = q >= 0 ? link.slice(q + 1, hash > q ? hash : undefined) : link.includes('=') ? link : '';
  return new URLSearchParams(query);
}
