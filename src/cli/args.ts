/** Turns command-line and share-link inputs into lever settings, refusing what is not valid. */
import type { Model } from '../model/compile.ts';

export class UsageError extends Error {}

/** Query keys of a share link that are view state, not levers (see the URL codec). */
export const VIEW_KEYS = new Set(['scenario', 'v', 'lang', 'view', 'step', 'baseline']);

function leverList(model: Model): string {
  return model.scenario.levers.map((l) => `${l.id} (${l.min}..${l.max})`).join(', ');
}

/** Checks one lever assignment strictly: the lever must exist and the value be a number in range. */
export function checkedLever(model: Model, id: string, raw: string): [string, number] {
  const lever = model.scenario.levers.find((l) => l.id === id);
  if (!lever) throw new UsageError(`unknown lever "${id}". Valid levers: ${leverList(model)}`);
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) {
    throw new UsageError(`"${raw}" is not a number for ${id}; give a number from ${lever.min} to ${lever.max}`);
  }
  if (value < lever.min || value > lever.max) {
    throw new UsageError(`${id}=${raw} is out of range; ${id} takes ${lever.min} to ${lever.max} (${lever.unit.en})`);
  }
  return [id, value];
}

/** Parses `id=value`. */
export function parseAssignment(model: Model, text: string): [string, number] {
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
