import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberIntl, hasQuickPath, quickFormat } from '../../src/i18n/index.ts';

describe('number formatting', () => {
  it('gives exactly what Intl gives, for any number, in both languages, at 0 to 3 decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.double({ min: -1e7, max: 1e7 }),
          fc.integer().map((n) => n / 1000),
        ),
        fc.constantFrom('en' as const, 'ar' as const),
        fc.integer({ min: 0, max: 3 }),
        (value, lang, decimals) => {
          expect(formatNumber(lang, value, decimals)).toBe(formatNumberIntl(lang, value, decimals));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('has a quick path that matches Intl by itself, not by falling back to it', () => {
    const minus = { en: '-', ar: '\u200e-' };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true }),
          fc.integer().map((n) => n / 100),
        ),
        fc.constantFrom('en' as const, 'ar' as const),
        fc.integer({ min: 0, max: 3 }),
        (value, lang, decimals) => {
          const quick = quickFormat(value, decimals, minus[lang], ',', '.');
          // It declines only numbers that String writes with an exponent, and infinities.
          if (quick === undefined) expect(String(value).includes('e') || !Number.isFinite(value)).toBe(true);
          else expect(quick).toBe(formatNumberIntl(lang, value, decimals));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('uses the quick path in both languages at 0 to 3 decimals, as Intl agrees with it there', () => {
    for (const lang of ['en', 'ar'] as const)
      for (const decimals of [0, 1, 2, 3]) expect(hasQuickPath(lang, decimals), `${lang}, ${decimals}`).toBe(true);
  });

  it('rounds halves away from zero and keeps the sign of a negative zero, as Intl does', () => {
    for (const [value, decimals] of [
      [2.5, 0],
      [-2.5, 0],
      [0.125, 2],
      [1.005, 2],
      [-0, 0],
      [-0.0001, 2],
      [999999.5, 0],
      [999.995, 2],
      [9.9999, 3],
    ] as const) {
      for (const lang of ['en', 'ar'] as const)
        expect(formatNumber(lang, value, decimals)).toBe(formatNumberIntl(lang, value, decimals));
    }
    expect(formatNumber('en', -1234567.891, 1)).toBe('-1,234,567.9');
    expect(formatNumber('ar', -1234.5, 0)).toBe('\u200e-1,235');
  });
});
