import type { IoCode } from './issues';

/*
 * Dates as committees type them: dd/mm/yyyy or dd-mm-yyyy (the day always first, as in every Spanish- and
 * Portuguese-speaking country), yyyy-mm-dd, and ISO date-times, with an optional time (hh:mm, hh:mm:ss, a.m./p.m.).
 * A time without a zone is a wall-clock time at the committee's offset, passed in: src/ never reads the clock
 * or the machine's time zone.
 */

/** Why a text is not a date. */
export type DateParseCode = Extract<
  IoCode,
  | 'io.date.empty'
  | 'io.date.invalid'
  | 'io.date.noSuchDay'
  | 'io.date.monthFirst'
  | 'io.date.twoDigitYear'
  | 'io.date.yearOutOfRange'
  | 'io.date.spreadsheetSerial'
  | 'io.date.badTime'
  | 'io.date.unexpectedTime'
>;

/** Options of the date parsers. */
export interface DateParseOptions {
  /**
   * Offset from UTC, in minutes east, of times written without a zone: -300 for Colombia, Peru and Ecuador
   * (UTC-05:00), -180 for most of Brazil. Default 0 (the text is read as UTC).
   */
  readonly offsetMinutes?: number;
}

/** A calendar date as ISO 'yyyy-mm-dd', or the reason the text is not one. */
export type DateParse = { readonly ok: true; readonly isoDate: string } | { readonly ok: false; readonly code: DateParseCode };

/** An instant as ISO UTC 'yyyy-mm-ddThh:mm:ss.sssZ' with its epoch milliseconds, or the reason the text is not one. */
export type DateTimeParse =
  | { readonly ok: true; readonly iso: string; readonly epochMs: number }
  | { readonly ok: false; readonly code: DateParseCode };

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC written in the text (Z, +02:00), or null when the text has none. */
  zoneMinutes: number | null;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([aApP])\.?\s?[mM]\.?)?`;
const ZONE = String.raw`(Z|z|[+-]\d{2}(?::?\d{2})?)`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:(?:\s+|T)${TIME})?(?:\s*${ZONE})?$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)${TIME})?(?:\s*${ZONE})?$`);
const TWO_DIGIT_YEAR = /^\d{1,2}([/-])\d{1,2}\1\d{2}(?:\s.*)?$/;
const SERIAL = /^\d{5}(?:[.,]\d+)?$/;

type Failure = { ok: false; code: DateParseCode };

function zoneMinutesOf(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function readParts(text: string): Parts | Failure {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, code: 'io.date.empty' };
  const dayFirst = DAY_FIRST.exec(trimmed);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(trimmed);
  const match = dayFirst ?? yearFirst;
  if (!match) {
    if (TWO_DIGIT_YEAR.test(trimmed)) return { ok: false, code: 'io.date.twoDigitYear' };
    if (SERIAL.test(trimmed)) return { ok: false, code: 'io.date.spreadsheetSerial' };
    return { ok: false, code: 'io.date.invalid' };
  }
  const [, first = '', , second = '', third = '', hourText, minuteText, secondText, fractionText, meridiem, zone] = match;
  const year = Number(dayFirst ? third : first);
  const month = Number(second);
  const day = Number(dayFirst ? first : third);
  if (year < 1900 || year > 2100) return { ok: false, code: 'io.date.yearOutOfRange' };
  if (month < 1 || month > 12) {
    // 03/15/2024: the month sits first, as in the United States.
    return { ok: false, code: dayFirst && month > 12 && month <= 31 && day >= 1 && day <= 12 ? 'io.date.monthFirst' : 'io.date.noSuchDay' };
  }
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, code: 'io.date.noSuchDay' };
  let hour = hourText === undefined ? 0 : Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second_ = secondText === undefined ? 0 : Number(secondText);
  const millisecond = fractionText === undefined ? 0 : Math.round(Number(`0.${fractionText}`) * 1000);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, code: 'io.date.badTime' };
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second_ > 59) return { ok: false, code: 'io.date.badTime' };
  return {
    year,
    month,
    day,
    hour,
    minute,
    second: second_,
    millisecond: Math.min(millisecond, 999),
    zoneMinutes: zoneMinutesOf(zone),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * Parses a calendar date (dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd); a midnight time such as Excel's '00:00' is
 * accepted, any other time is refused since the field holds a day. Never throws.
 * @example parseDateText('05/03/2026') // { ok: true, isoDate: '2026-03-05' }
 */
export function parseDateText(text: string): DateParse {
  const parts = readParts(text);
  if ('ok' in parts) return parts;
  if (parts.hour !== 0 || parts.minute !== 0 || parts.second !== 0 || parts.millisecond !== 0) {
    return { ok: false, code: 'io.date.unexpectedTime' };
  }
  return { ok: true, isoDate: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}` };
}

/**
 * Parses a date with an optional time into a UTC instant. A text without a zone is a wall-clock time at
 * `offsetMinutes` east of UTC; a date alone is midnight there. Never throws.
 * @example parseDateTimeText('05/03/2026 08:30', { offsetMinutes: -300 }) // iso '2026-03-05T13:30:00.000Z'
 */
export function parseDateTimeText(text: string, options: DateParseOptions = {}): DateTimeParse {
  const parts = readParts(text);
  if ('ok' in parts) return parts;
  const offsetMinutes = parts.zoneMinutes ?? options.offsetMinutes ?? 0;
  const wallClockMs = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  const epochMs = wallClockMs - offsetMinutes * 60_000;
  return { ok: true, iso: new Date(epochMs).toISOString(), epochMs };
}
