/** The i18n layer: messages, numbers through Intl, and the writing direction of each language. */
import type { Lang, LocalizedText } from '../model/schema.ts';
import { messages, type MessageKey } from './messages.ts';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'ar'];

export function isLang(x: unknown): x is Lang {
  return x === 'en' || x === 'ar';
}

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
