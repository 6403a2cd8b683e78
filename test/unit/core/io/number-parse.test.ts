import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../../src/i18n/format';
import { detectDecimalSeparator, formatPlainNumber, parseLocaleNumber } from '../../../../src/io/number-parse';

describe('parseLocaleNumber', () => {
  it('reads thousands points and a decimal comma', () => {
    expect(parseLocaleNumber('1.234,5', ',')).toEqual({ ok: true, value: 1234.5 });
  });

  it('reads thousands commas and a decimal point', () => {
    expect(parseLocaleNumber('1,234.5', '.')).toEqual({ ok: true, value: 1234.5 });
  });

  it('reads thousands grouped with spaces, including the no-break space Excel writes', () => {
    expect(parseLocaleNumber('1\u00a0234\u00a0567,25', ',')).toEqual({ ok: true, value: 1234567.25 });
  });

  it('reads signs, a bare fraction and an exponent', () => {
    expect(parseLocaleNumber('-0,5', ',')).toEqual({ ok: true, value: -0.5 });
    expect(parseLocaleNumber('\u22123', '.')).toEqual({ ok: true, value: -3 });
    expect(parseLocaleNumber(',75', ',')).toEqual({ ok: true, value: 0.75 });
    expect(parseLocaleNumber('1,5E-3', ',')).toEqual({ ok: true, value: 0.0015 });
  });

  it('takes a grouping-only value in the chosen locale', () => {
    expect(parseLocaleNumber('1.234', ',')).toEqual({ ok: true, value: 1234 });
    expect(parseLocaleNumber('1.234', '.')).toEqual({ ok: true, value: 1.234 });
  });

  it('refuses a value written with the other decimal separator', () => {
    expect(parseLocaleNumber('12.5', ',')).toEqual({ ok: false, code: 'io.number.separatorMismatch' });
    expect(parseLocaleNumber('1.234,5', '.')).toEqual({ ok: false, code: 'io.number.separatorMismatch' });
  });

  it('refuses groups that are not three digits', () => {
    expect(parseLocaleNumber('1.23.456', ',')).toEqual({ ok: false, code: 'io.number.invalid' });
  });

  it('refuses more than one decimal separator', () => {
    expect(parseLocaleNumber('1,2,3', ',')).toEqual({ ok: false, code: 'io.number.invalid' });
  });

  it('tells a unit written in the cell apart from garbage', () => {
    expect(parseLocaleNumber('12,5 m3', ',')).toEqual({ ok: false, code: 'io.number.hasUnit' });
    expect(parseLocaleNumber('doce', ',')).toEqual({ ok: false, code: 'io.number.invalid' });
  });

  it('recognises spreadsheet error values in any language', () => {
    for (const value of ['#N/A', '#¡VALOR!', '#DIV/0!', '#NOME?']) {
      expect(parseLocaleNumber(value, ',')).toEqual({ ok: false, code: 'io.number.spreadsheetError' });
    }
  });

  it('refuses empty cells, NaN and infinity', () => {
    expect(parseLocaleNumber('  ', ',')).toEqual({ ok: false, code: 'io.number.empty' });
    expect(parseLocaleNumber('NaN', '.').ok).toBe(false);
    expect(parseLocaleNumber('Infinity', '.').ok).toBe(false);
    expect(parseLocaleNumber('1e999', '.')).toEqual({ ok: false, code: 'io.number.tooLarge' });
  });
});

describe('detectDecimalSeparator', () => {
  it('finds the decimal comma of a Spanish column', () => {
    expect(detectDecimalSeparator(['1.234', '12,5', '980,25', '', '7']).decimal).toBe(',');
  });

  it('finds the decimal point of an English column', () => {
    expect(detectDecimalSeparator(['1,234.5', '12', '0.75']).decimal).toBe('.');
  });

  it('reads a comma after a lone zero as decimal, never as thousands', () => {
    expect(detectDecimalSeparator(['0,125']).decimal).toBe(',');
  });

  it('says nothing when every sample reads both ways', () => {
    expect(detectDecimalSeparator(['1.234', '5.678'])).toEqual({ decimal: null, commaVotes: 0, pointVotes: 0, ambiguous: 2 });
  });

  it('reads two separators of one kind as thousands', () => {
    expect(detectDecimalSeparator(['1.234.567']).decimal).toBe(',');
  });
});

describe('formatPlainNumber', () => {
  it('writes the locale separator without grouping', () => {
    expect(formatPlainNumber(1234567.5, ',')).toBe('1234567,5');
  });

  it('never writes an exponent', () => {
    expect(formatPlainNumber(1e-7, '.')).toBe('0.0000001');
    expect(formatPlainNumber(1.5e21, ',')).toBe('1500000000000000000000');
  });
});

describe('round trip through a locale', () => {
  const locales = [
    ['es', ','],
    ['pt-BR', ','],
    ['en', '.'],
  ] as const;

  for (const [locale, decimal] of locales) {
    it(`reads back any number Intl formats in ${locale} (grouped, 17 significant digits)`, () => {
      const format = new Intl.NumberFormat(locale, { maximumSignificantDigits: 17 });
      fc.assert(
        fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value) => {
          const parsed = parseLocaleNumber(format.format(value), decimal);
          // Adding 0 turns -0 into 0: the sign of zero is not something a user types.
          expect(parsed.ok ? parsed.value + 0 : parsed.code).toBe(value + 0);
        }),
      );
    });

    it(`reads back the app's own ${locale} formatting of amounts with cents`, () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
          expect(parseLocaleNumber(formatNumber(cents / 100, locale, 2), decimal)).toEqual({ ok: true, value: cents / 100 });
        }),
      );
    });

    it(`reads back formatPlainNumber in ${locale}`, () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
          const parsed = parseLocaleNumber(formatPlainNumber(value, decimal), decimal);
          expect(parsed.ok ? parsed.value + 0 : parsed.code).toBe(value + 0);
        }),
      );
    });
  }
});
