import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dir, formatAuto, formatDelta, formatNumber, monthLabel, t } from '../../src/i18n/index.ts';

const LRM = '\u200e';

describe('number formatting', () => {
  it('groups thousands with commas and writes the decimals asked for, in both languages', () => {
    for (const lang of ['en', 'ar'] as const) {
      expect(formatNumber(lang, 1234567.891, 2)).toBe('1,234,567.89');
      expect(formatNumber(lang, 1234567.891, 0)).toBe('1,234,568');
      expect(formatNumber(lang, 999, 0)).toBe('999');
      expect(formatNumber(lang, 12, 1)).toBe('12.0');
      expect(formatNumber(lang, 0.125, 3)).toBe('0.125');
    }
    expect(formatNumber('en', -1234567.891, 1)).toBe('-1,234,567.9');
  });

  it('rounds halves away from zero', () => {
    expect(formatNumber('en', 2.5)).toBe('3');
    expect(formatNumber('en', -2.5)).toBe('-3');
    expect(formatNumber('en', 0.125, 2)).toBe('0.13');
    expect(formatNumber('en', 999.995, 2)).toBe('1,000.00');
  });

  it('writes Western digits in Arabic, with a left-to-right mark before the minus so that it stays before the digits', () => {
    expect(formatNumber('ar', 1234.5, 1)).toBe('1,234.5');
    expect(formatNumber('ar', -1234.5, 0)).toBe(`${LRM}-1,235`);
  });

  it('never writes "-0": a negative zero, or a negative number that rounds to zero, reads as 0', () => {
    for (const lang of ['en', 'ar'] as const) {
      expect(formatNumber(lang, -0)).toBe('0');
      expect(formatNumber(lang, -0.4)).toBe('0');
      expect(formatNumber(lang, -0.001, 2)).toBe('0.00');
      expect(formatAuto(lang, -0)).toBe('0');
    }
  });

  it('writes only digits, commas, a point and a leading minus for any finite number, and never a minus before zero', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom('en' as const, 'ar' as const),
        fc.integer({ min: 0, max: 3 }),
        (value, lang, decimals) => {
          const text = formatNumber(lang, value, decimals);
          const pattern =
            decimals === 0 ? /^-?\d{1,3}(,\d{3})*$/ : new RegExp(`^-?\\d{1,3}(,\\d{3})*\\.\\d{${decimals}}$`);
          expect(text.replace(LRM, '')).toMatch(pattern);
          expect(text.replace(LRM, '')).not.toMatch(/^-0(\.0*)?$/);
          expect(Number(text.replace(LRM, '').replaceAll(',', ''))).toBeCloseTo(value, decimals - 1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('chooses the decimals by the size of the number', () => {
    expect(formatAuto('en', 1234.56)).toBe('1,235');
    expect(formatAuto('en', 12.34)).toBe('12.3');
    expect(formatAuto('en', 0.1234)).toBe('0.12');
    expect(formatAuto('en', 0)).toBe('0');
  });

  it('writes a change with its sign, and a change that rounds to zero with none', () => {
    expect(formatDelta('en', 1.25, 1)).toBe('+1.3');
    expect(formatDelta('en', -1.25, 1)).toBe('-1.3');
    expect(formatDelta('en', 0.04, 1)).toBe('0.0');
    expect(formatDelta('en', -0.04, 1)).toBe('0.0');
    expect(formatDelta('ar', 1234, 0)).toBe('+1,234');
    expect(formatDelta('ar', -3, 0)).toBe(`${LRM}-3`);
  });

  it('fills numbers into messages as whole numbers or with one decimal', () => {
    expect(t('en', 'defaultValue', { value: 1234, unit: 'people' })).toBe('default 1,234 people');
    expect(t('en', 'defaultValue', { value: 2.25, unit: 'points' })).toBe('default 2.3 points');
  });
});

describe('month labels', () => {
  it('names the month a number of months after the start, in both languages', () => {
    expect(monthLabel('en', '2025-08', 0)).toBe('Aug 2025');
    expect(monthLabel('en', '2025-08', 5)).toBe('Jan 2026');
    expect(monthLabel('en', '2025-08', 2.5)).toBe('Oct 2025');
    expect(monthLabel('en', '2025-08', 5, 'long')).toBe('January 2026');
    expect(monthLabel('ar', '2025-08', 5, 'long')).toBe('يناير 2026');
  });

  it('writes compact axis ticks, in Arabic as month/year with no direction marks', () => {
    expect(monthLabel('en', '2025-08', 5, 'tick')).toBe('Jan 26');
    expect(monthLabel('ar', '2025-08', 2, 'tick')).toBe('10/2025');
  });
});

describe('writing direction', () => {
  it('is right to left in Arabic and left to right in English', () => {
    expect(dir('ar')).toBe('rtl');
    expect(dir('en')).toBe('ltr');
  });
});
