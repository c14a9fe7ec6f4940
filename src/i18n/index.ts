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

interface NumberFormatter {
  intl: Intl.NumberFormat;
  /** the sign Intl puts before a negative number ("-", or "\u200e-" in Arabic) */
  minus: string;
  /** whether the quick path agreed with Intl on the probe numbers */
  quick: boolean;
}

/** Per language, by number of decimals. */
const formatters: Record<Lang, NumberFormatter[]> = { en: [], ar: [] };

/**
 * Intl's output without Intl, several times faster (a lever step formats a dozen numbers). Like
 * ICU, it rounds the shortest decimal that reads back as the same double (what String gives),
 * half away from zero; then groups of three and Intl's minus sign. Undefined where String would
 * use an exponent, and for what is not a finite number: Intl handles those.
 */
export function quickFormat(
  value: number,
  decimals: number,
  minus: string,
  group: string,
  point: string,
): string | undefined {
  const text = String(Math.abs(value));
  if (!Number.isFinite(value) || text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length > decimals) {
    const up = frac.charCodeAt(decimals) >= 53; // '5' or more
    frac = frac.slice(0, decimals);
    if (up) {
      const digits = (whole + frac).split('');
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') digits[i--] = '0';
      if (i >= 0) digits[i] = String(Number(digits[i]) + 1);
      else digits.unshift('1');
      whole = digits.slice(0, digits.length - decimals).join('');
      frac = digits.slice(digits.length - decimals).join('');
    }
  }
  frac = frac.padEnd(decimals, '0');
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += group + whole.slice(i, i + 3);
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? minus : ''}${grouped}${decimals > 0 ? point + frac : ''}`;
}

/** Numbers that exercise grouping, rounding and the sign, to check the quick path against Intl. */
const PROBES = [-1234567.891, 1234.5, 0.125, -0.001, 999.995, 1.005, 99.5, 12, 0];

function formatterFor(lang: Lang, decimals: number): NumberFormatter {
  let f = formatters[lang][decimals];
  if (!f) {
    const intl = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    // What comes before the digit: "-1.0" with one decimal gives "-".
    const one = intl.format(-1);
    const minus = one.slice(0, one.indexOf('1'));
    // The quick path is used only where it gives exactly what this engine's Intl gives.
    const quick = PROBES.every((x) => quickFormat(x, decimals, minus, ',', '.') === intl.format(x));
    f = { intl, minus, quick };
    formatters[lang][decimals] = f;
  }
  return f;
}

/** Whether `formatNumber` formats without Intl in this language at this many decimals. */
export function hasQuickPath(lang: Lang, decimals: number): boolean {
  return formatterFor(lang, decimals).quick;
}

/** Formats a number for a language; Arabic keeps Western digits, as Arabic news media commonly do. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  const f = formatterFor(lang, decimals);
  return (f.quick ? quickFormat(value, decimals, f.minus, ',', '.') : undefined) ?? f.intl.format(value);
}

/** Intl's own output, the reference for `formatNumber`. */
export function formatNumberIntl(lang: Lang, value: number, decimals = 0): string {
  return formatterFor(lang, decimals).intl.format(value);
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

/** A change, with its sign (and "0" rather than "-0"). */
export function formatDelta(lang: Lang, value: number, decimals: number): string {
  const text = formatNumber(lang, value, decimals);
  if (Number(value.toFixed(decimals)) === 0) return formatNumber(lang, 0, decimals);
  return value > 0 ? `+${text}` : text;
}
