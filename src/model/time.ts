/** Dates and the scenario's time axis: time t counts the scenario's units (months or weeks) from its start. */
import type { Scenario } from './schema.ts';

type TimeAxis = Scenario['time'];

const DAYS_PER_MONTH = 365.25 / 12;

/** Months from the scenario's start month to `date` (YYYY-MM is the start of that month; a day adds its share). */
function monthsFromStart(time: TimeAxis, date: string): number {
  const [y0, m0] = time.start.split('-').map(Number) as [number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
  return (y - y0) * 12 + (m - m0) + (d === undefined ? 0 : (d - 1) / DAYS_PER_MONTH);
}

/** The time t of a date, in the scenario's units. */
export function timeOfDate(time: TimeAxis, date: string): number {
  const months = monthsFromStart(time, date);
  return time.unit === 'month' ? months : (months * DAYS_PER_MONTH) / 7;
}

/**
 * The index of the time point a check or a summary reads: a number counts steps from the start; a
 * date is the state at the start of the step that holds it (YYYY-MM: the start of that month).
 * Clamped to the points that exist.
 */
export function pointOf(time: TimeAxis, when: number | string, points: number): number {
  const i = typeof when === 'number' ? Math.round(when) : Math.floor(timeOfDate(time, when) / time.step + 1e-9);
  return Math.min(Math.max(i, 0), points - 1);
}

/** The calendar label (YYYY-MM) of time t: the month that t falls in. */
export function dateAt(time: TimeAxis, t: number): string {
  const [y, m] = time.start.split('-').map(Number) as [number, number];
  const months = time.unit === 'month' ? t : (t * 7) / DAYS_PER_MONTH;
  const index = y * 12 + (m - 1) + Math.floor(months + 1e-9);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
