/** The command line's own words in each language (scenario texts come from the scenario file). */
import type { Lang } from '../model/schema.ts';

const WORDS = {
  en: {
    lever: 'Lever',
    value: 'Value',
    unit: 'Unit',
    default: 'Default',
    outcomeAt: 'Outcome at {date}',
    vsDefault: 'vs default',
    verdict: 'Verdict',
    differs: '* differs from the default.',
    span: '{start} → {end}, {count}',
    follows: 'follows {preset}',
    assumed: 'Assumed (not the sourced values): {list}',
    sourced: 'sourced',
    range: 'p10 – p90',
    bandsNote: 'p10 – p90: the middle 80% of {draws} runs with the constants drawn within their ranges (seed {seed}).',
    peak: 'peak, {date}',
    total: 'total',
    atDate: 'at {date}',
  },
  ar: {
    lever: 'أداة الضغط',
    value: 'القيمة',
    unit: 'الوحدة',
    default: 'الافتراضي',
    outcomeAt: 'النتيجة في {date}',
    vsDefault: 'مقارنة بالافتراضي',
    verdict: 'التقييم',
    differs: '* تختلف عن القيمة الافتراضية.',
    span: 'من {start} إلى {end}، {count}',
    follows: 'تتبع {preset}',
    assumed: 'قيم مفترضة (لا القيم الموثقة): {list}',
    sourced: 'الموثقة',
    range: 'المئين 10 – المئين 90',
    bandsNote: 'المئين 10 – المئين 90: الـ80% الوسطى من {draws} تشغيلة سُحبت فيها الثوابت ضمن نطاقاتها (البذرة {seed}).',
    peak: 'الذروة، {date}',
    total: 'المجموع',
    atDate: 'في {date}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type Word = keyof (typeof WORDS)['en'];

/**
 * A count of time units by plural category: Arabic's noun changes with the number (one, two,
 * 3–10, 11–99, and hundreds), which Intl.PluralRules tells apart.
 */
const UNITS: Record<Lang, Record<'month' | 'week', Partial<Record<Intl.LDMLPluralRule, string>>>> = {
  en: {
    month: { one: '{n} month', other: '{n} months' },
    week: { one: '{n} week', other: '{n} weeks' },
  },
  ar: {
    month: { one: 'شهر واحد', two: 'شهران', few: '{n} أشهر', many: '{n} شهرًا', other: '{n} شهر' },
    week: { one: 'أسبوع واحد', two: 'أسبوعان', few: '{n} أسابيع', many: '{n} أسبوعًا', other: '{n} أسبوع' },
  },
};

export function word(lang: Lang, key: Word, params: Record<string, string> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

export function countOf(lang: Lang, n: number, unit: 'month' | 'week'): string {
  const forms = UNITS[lang][unit];
  const form = forms[new Intl.PluralRules(lang).select(n)] ?? forms.other!;
  return form.replace('{n}', String(n));
}
