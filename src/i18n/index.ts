/** The i18n layer: messages, numbers through Intl, and the writing direction of each language. */
import type { Lang, LocalizedText } from '../model/schema.ts';
import { messages, type MessageKey } from './messages.ts';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'ar'];

export function dir(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? formatValue(lang, params[name]!) : `{${name}}`,
  );
}

export function text(lang: Lang, value: LocalizedText): string {
  return value[lang];
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats a number for a language; Arabic keeps Western digits, as Arabic news media commonly do. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  const key = `${lang}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f.format(value);
}

function formatValue(lang: Lang, v: string | number): string {
  return typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 1) : v;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar month `months` after `start` (YYYY-MM), e.g. "Sep 2025" or "سبتمبر 2025". */
export function monthLabel(
  lang: Lang,
  start: string,
  months: number,
  style: 'tick' | 'short' | 'long' = 'short',
): string {
  const key = `${lang}:${style}`;
  let f = monthFormats.get(key);
  if (!f) {
    // Axis ticks need to be compact: "Aug 25" in English, "8/2025" in Arabic (month names are long there).
    const options: Intl.DateTimeFormatOptions =
      style === 'tick'
        ? lang === 'ar'
          ? { month: 'numeric', year: 'numeric' }
          : { month: 'short', year: '2-digit' }
        : { month: style, year: 'numeric' };
    f = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { ...options, timeZone: 'UTC' });
    monthFormats.set(key, f);
  }
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + Math.floor(months + 1e-9);
  return f.format(new Date(Date.UTC(y, m, 1)));
}

/** A value with a sensible number of decimals for its size. */
export function formatAuto(lang: Lang, value: number): string {
  const a = Math.abs(value);
  return formatNumber(lang, value, a >= 100 || a === 0 ? 0 : a >= 1 ? 1 : 2);
}

/** A change, with its sign (and "0" rather than "-0"). */
export function formatDelta(lang: Lang, value: number, decimals: number): string {
  const text = formatNumber(lang, value, decimals);
  if (Number(value.toFixed(decimals)) === 0) return formatNumber(lang, 0, decimals);
  return value > 0 ? `+${text}` : text;
}
