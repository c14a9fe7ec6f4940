/** The i18n layer: messages, numbers through Intl, and the writing direction of each language. */
import type { Lang, LocalizedText } from '../model/schema.ts';
import { messages, type MessageKey } from './messages.ts';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'ar'];

export function dir(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Each message split once at its {placeholders}: odd items are the names. */
const templates: Record<Lang, Map<MessageKey, string[]>> = { en: new Map(), ar: new Map() };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  let parts = templates[lang].get(key);
  if (!parts) {
    parts = messages[lang][key].split(/\{(\w+)\}/);
    templates[lang].set(key, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? formatValue(lang, params[name]!) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

export function text(lang: Lang, value: LocalizedText): string {
  return value[lang];
}

/** Arabic keeps Western digits, as Arabic news media commonly do. */
function locale(lang: Lang): string {
  return lang === 'ar' ? 'ar-u-nu-latn' : 'en';
}

/**
 * One Intl.NumberFormat per language and number of decimals, made on first use: making one costs
 * far more than formatting with it. `signDisplay: 'negative'` writes no minus before a zero, so
 * -0 and -0.001 at two decimals read "0" and "0.00".
 */
const numberFormats: Record<Lang, Intl.NumberFormat[]> = { en: [], ar: [] };

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  let f = numberFormats[lang][decimals];
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    numberFormats[lang][decimals] = f;
  }
  return f;
}

/** Formats a number for a language, grouped in thousands, with `decimals` decimals. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  return numberFormat(lang, decimals).format(value);
}

function formatValue(lang: Lang, v: string | number): string {
  return typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 1) : v;
}

/** One Intl.DateTimeFormat per language and style, made on first use. */
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
  const label = f.format(new Date(Date.UTC(y, m, 1)));
  // Intl writes "8\u200f/2025" in Arabic; inside the chart's right-to-left SVG text that right-to-left
  // mark splits the label and Chromium draws "82025/". Without it, "8/2025" reads as one number.
  return style === 'tick' ? label.replace(/[\u200e\u200f]/g, '') : label;
}

/** A value with a sensible number of decimals for its size. */
export function formatAuto(lang: Lang, value: number): string {
  const a = Math.abs(value);
  return formatNumber(lang, value, a >= 100 || a === 0 ? 0 : a >= 1 ? 1 : 2);
}

/** A change, with its sign: "+1.5", "-1.5", and no sign for a change that rounds to zero. */
export function formatDelta(lang: Lang, value: number, decimals: number): string {
  const text = formatNumber(lang, value, decimals);
  return value > 0 && text !== formatNumber(lang, 0, decimals) ? `+${text}` : text;
}
