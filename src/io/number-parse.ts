import type { IoCode } from './issues';

/*
 * Numbers typed in a spreadsheet in the file's locale. The decimal separator is always chosen explicitly (the
 * user picks it, helped by detectDecimalSeparator), because '1.234' is 1234 in Bogotá and 1.234 in Lima's
 * English-locale laptops, and no single value can tell which.
 */

/** The character that separates the integer part from the fraction. */
export type DecimalSeparator = ',' | '.';

/** Why a text is not a number. */
export type NumberParseCode = Extract<
  IoCode,
  'io.number.empty' | 'io.number.invalid' | 'io.number.separatorMismatch' | 'io.number.hasUnit' | 'io.number.spreadsheetError' | 'io.number.tooLarge'
>;

/** A parsed number, or the reason the text is not one. */
export type NumberParse = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly code: NumberParseCode };

// Spaces of every width Excel and LibreOffice put between thousands.
const SPACES = '[ \\u00a0\\u202f]';

function numberPattern(decimal: DecimalSeparator): RegExp {
  const group = decimal === ',' ? '\\.' : ',';
  const point = decimal === ',' ? ',' : '\\.';
  // Grouped integers need one consistent separator and groups of exactly three digits.
  const integer = `(\\d{1,3}(?:${group}\\d{3})+|\\d{1,3}(?:${SPACES}\\d{3})+|\\d+)`;
  return new RegExp(`^${integer}?(?:${point}(\\d*))?(?:[eE]([+-]?\\d{1,3}))?$`);
}

const PATTERNS: Readonly<Record<DecimalSeparator, RegExp>> = { ',': numberPattern(','), '.': numberPattern('.') };
// A number followed by anything else, such as '12,5 m3' or '30%': the unit belongs in the column's setting.
const WITH_UNIT = /^[+\-\u2212]?\d[\d.,\s\u00a0\u202f]*[^\d.,\s\u00a0\u202f+-]/u;

function parseUnsigned(body: string, decimal: DecimalSeparator): number | null {
  const match = PATTERNS[decimal].exec(body);
  if (!match) return null;
  const integer = (match[1] ?? '').replace(/[^\d]/g, '');
  const fraction = match[2] ?? '';
  if (integer === '' && fraction === '') return null;
  const exponent = match[3] === undefined ? '' : `e${match[3]}`;
  return Number(`${integer === '' ? '0' : integer}.${fraction === '' ? '0' : fraction}${exponent}`);
}

/**
 * Parses a number written with `decimal` as decimal separator; thousands may be grouped with the other
 * separator or with spaces. Leading sign and exponent allowed. Never throws.
 * @example parseLocaleNumber('1.234,5', ',') // { ok: true, value: 1234.5 }
 * @example parseLocaleNumber('1.5', ',') // { ok: false, code: 'io.number.separatorMismatch' }
 */
export function parseLocaleNumber(text: string, decimal: DecimalSeparator): NumberParse {
  const trimmed = text.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (trimmed === '') return { ok: false, code: 'io.number.empty' };
  if (trimmed.startsWith('#')) return { ok: false, code: 'io.number.spreadsheetError' };
  const signMatch = /^[+\-\u2212]/.exec(trimmed);
  const negative = signMatch !== null && signMatch[0] !== '+';
  const body = signMatch ? trimmed.slice(1) : trimmed;
  const magnitude = parseUnsigned(body, decimal);
  if (magnitude === null) {
    if (parseUnsigned(body, decimal === ',' ? '.' : ',') !== null) return { ok: false, code: 'io.number.separatorMismatch' };
    if (WITH_UNIT.test(trimmed)) return { ok: false, code: 'io.number.hasUnit' };
    return { ok: false, code: 'io.number.invalid' };
  }
  if (!Number.isFinite(magnitude)) return { ok: false, code: 'io.number.tooLarge' };
  return { ok: true, value: negative ? -magnitude : magnitude };
}

/** What a set of sample values says about their decimal separator. */
export interface DecimalDetection {
  /** The separator most samples prove, or null when none proves either (or as many prove each). */
  readonly decimal: DecimalSeparator | null;
  /** Samples that can only be read with a decimal comma (e.g. '12,5', '1.234,5'). */
  readonly commaVotes: number;
  /** Samples that can only be read with a decimal point (e.g. '12.5', '1,234.5'). */
  readonly pointVotes: number;
  /** Samples readable either way, such as '1.234' or '1,234'. */
  readonly ambiguous: number;
}

function voteOf(sample: string): DecimalSeparator | 'ambiguous' | null {
  const body = sample.trim().replace(/^[+\-\u2212]/, '').replace(/[eE][+-]?\d+$/, '');
  const lastComma = body.lastIndexOf(',');
  const lastPoint = body.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? ',' : '.';
  const separator = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : null;
  if (separator === null) return null;
  const other: DecimalSeparator = separator === ',' ? '.' : ',';
  const parts = body.split(separator);
  if (parts.length > 2) return other;
  const before = (parts[0] ?? '').replace(/[\s\u00a0\u202f]/g, '');
  const after = parts[1] ?? '';
  if (!/^\d*$/.test(before) || !/^\d*$/.test(after)) return null;
  // Only '1,234'-like samples (1-3 leading digits, not a lone 0, then exactly three) could be grouping.
  if (after.length !== 3 || before === '' || before.length > 3 || /^0+$/.test(before)) return separator;
  return 'ambiguous';
}

/**
 * Guesses the decimal separator of a column from sample cell texts; the UI shows the guess and lets the user
 * change it. Empty and integer samples say nothing.
 * @example detectDecimalSeparator(['1.234', '12,5']).decimal === ','
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalDetection {
  let commaVotes = 0;
  let pointVotes = 0;
  let ambiguous = 0;
  for (const sample of samples) {
    const vote = voteOf(sample);
    if (vote === ',') commaVotes += 1;
    else if (vote === '.') pointVotes += 1;
    else if (vote === 'ambiguous') ambiguous += 1;
  }
  const decimal = commaVotes > pointVotes ? ',' : pointVotes > commaVotes ? '.' : null;
  return { decimal, commaVotes, pointVotes, ambiguous };
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponentText);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * Writes a number with `decimal` as separator, without grouping or exponent, in the fewest digits that read
 * back as the same number (for CSV files a spreadsheet of that locale opens as numbers).
 * @example formatPlainNumber(1234.5, ',') === '1234,5'
 * @example formatPlainNumber(1e-7, '.') === '0.0000001'
 */
export function formatPlainNumber(value: number, decimal: DecimalSeparator): string {
  if (!Number.isFinite(value)) return '';
  const text = expandExponent(String(value));
  return decimal === ',' ? text.replace('.', ',') : text;
}
