import type { PeriodUnit, Season } from '../domain/agreement';

/*
 * Calendar arithmetic on day numbers (days since 1970-01-01 in the basin's local calendar) and UTC milliseconds.
 * Periods are half-open day ranges [startDay, endDay); the basin's fixed UTC offset turns a local day into the
 * UTC instant it starts at. ISO strings are parsed by hand because the scale basin has two million of them and
 * Date.parse is several times slower.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Day number of a proleptic Gregorian date (days since 1970-01-01).
 * @example daysFromCivil(1970, 1, 2) === 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Year, month (1-12) and day of a day number.
 * @example civilFromDays(59) // { year: 1970, month: 3, day: 1 }
 */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

const isoDates = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (each made once: tens of thousands of findings name the same few thousand days). */
export function isoDateOfDay(dayNumber: number): string {
  let iso = isoDates.get(dayNumber);
  if (iso === undefined) {
    const { year, month, day } = civilFromDays(dayNumber);
    iso = `${year}-${pad2(month)}-${pad2(day)}`;
    if (isoDates.size < 100_000) isoDates.set(dayNumber, iso);
  }
  return iso;
}

const digit = (text: string, index: number): number => text.charCodeAt(index) - 48;
const twoDigits = (text: string, index: number): number => digit(text, index) * 10 + digit(text, index + 1);

const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
/** Day number of the first of each month from 1900 to 2199: two million dates parse with one lookup each. */
const MONTH_START_DAY = Int32Array.from({ length: TABLE_YEARS * 12 }, (_, k) =>
  daysFromCivil(TABLE_FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1),
);

/** Day number of an ISO calendar date 'YYYY-MM-DD'. */
export function dayOfIsoDate(iso: string): number {
  const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const slot = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (month >= 1 && month <= 12 && slot >= 0 && slot < MONTH_START_DAY.length) return MONTH_START_DAY[slot]! + day - 1;
  return daysFromCivil(year, month, day);
}

/**
 * UTC milliseconds of an ISO date-time with offset ('2026-03-01T10:00:00-05:00', 'Z', optional seconds and
 * fraction); a bare date is taken as local midnight at `utcOffsetMinutes`.
 * @example parseIsoMs('1970-01-02T00:00:00Z') === 86400000
 */
export function parseIsoMs(iso: string, utcOffsetMinutes = 0): number {
  return dayOfIsoDate(iso) * DAY_MS + isoTimeOfDayMs(iso, utcOffsetMinutes);
}

/**
 * The part of `parseIsoMs` after the date's midnight UTC: time of day minus the string's offset, ms. It is a small
 * integer, which V8 returns without allocating, so the index of a million withdrawals adds `dayOfIsoDate(iso) *
 * DAY_MS` itself instead of calling `parseIsoMs`, whose result would be boxed on every call.
 */
export function isoTimeOfDayMs(iso: string, utcOffsetMinutes = 0): number {
  if (iso.length === 10) return -utcOffsetMinutes * 60_000;
  let ms = twoDigits(iso, 11) * 3_600_000 + twoDigits(iso, 14) * 60_000;
  let index = 16;
  if (iso.charCodeAt(index) === 58) {
    ms += twoDigits(iso, 17) * 1000;
    index = 19;
    if (iso.charCodeAt(index) === 46) {
      let scale = 100;
      index += 1;
      while (index < iso.length && iso.charCodeAt(index) >= 48 && iso.charCodeAt(index) <= 57) {
        ms += digit(iso, index) * scale;
        scale /= 10;
        index += 1;
      }
      ms = Math.round(ms);
    }
  }
  const sign = iso.charCodeAt(index);
  if (sign === 43 || sign === 45) {
    const offsetMs = twoDigits(iso, index + 1) * 3_600_000 + twoDigits(iso, index + 4) * 60_000;
    ms += sign === 43 ? -offsetMs : offsetMs;
  }
  return ms;
}

/** Local day number of a UTC instant at the basin's offset. */
export function localDayOfMs(ms: number, utcOffsetMinutes: number): number {
  return Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
}

/** UTC milliseconds at which local day `dayNumber` starts. */
export function msOfLocalDay(dayNumber: number, utcOffsetMinutes: number): number {
  return dayNumber * DAY_MS - utcOffsetMinutes * 60_000;
}

/** A calendar period as a half-open range of local days, with its stable key. */
export interface CalendarPeriod {
  readonly startDay: number;
  readonly endDay: number;
  readonly key: string;
}

function monthDayOf(monthDay: string): { month: number; day: number } {
  return { month: Number(monthDay.slice(0, 2)), day: Number(monthDay.slice(3, 5)) };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day number of 'MM-DD' in `year`; 02-29 falls on 02-28 in common years. */
export function dayOfMonthDay(year: number, monthDay: string): number {
  const { month, day } = monthDayOf(monthDay);
  return daysFromCivil(year, month, month === 2 && day === 29 && !isLeapYear(year) ? 28 : day);
}

/**
 * The occurrence of a season that starts in `year`, as a half-open day range (end inclusive day + 1).
 * @example seasonOccurrence({ startMonthDay: '12-01', endMonthDay: '02-28' }, 2025) // 2025-12-01 .. 2026-03-01
 */
export function seasonOccurrence(season: Season, year: number): CalendarPeriod {
  const startDay = dayOfMonthDay(year, season.startMonthDay);
  const wraps = season.endMonthDay < season.startMonthDay;
  const endDay = dayOfMonthDay(wraps ? year + 1 : year, season.endMonthDay) + 1;
  return { startDay, endDay, key: `${isoDateOfDay(startDay)}/${isoDateOfDay(endDay - 1)}` };
}

/** Occurrences of a season overlapping [fromDay, toDay), in order. */
export function seasonOccurrencesBetween(season: Season, fromDay: number, toDay: number): CalendarPeriod[] {
  const firstYear = civilFromDays(fromDay).year - 1;
  const lastYear = civilFromDays(Math.max(fromDay, toDay - 1)).year;
  const occurrences: CalendarPeriod[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const occurrence = seasonOccurrence(season, year);
    if (occurrence.startDay < toDay && occurrence.endDay > fromDay) occurrences.push(occurrence);
  }
  return occurrences;
}

/** A season's month-days parsed once per season object (isDayInSeason runs for every event of every clause). */
const seasonParts = new WeakMap<
  Season,
  { start: { month: number; day: number }; end: { month: number; day: number }; wraps: boolean }
>();

function dayOfParsedMonthDay(year: number, { month, day }: { month: number; day: number }): number {
  return daysFromCivil(year, month, month === 2 && day === 29 && !isLeapYear(year) ? 28 : day);
}

/** True when local day `dayNumber` lies inside the season. */
export function isDayInSeason(season: Season, dayNumber: number): boolean {
  let parts = seasonParts.get(season);
  if (!parts) {
    parts = {
      start: monthDayOf(season.startMonthDay),
      end: monthDayOf(season.endMonthDay),
      wraps: season.endMonthDay < season.startMonthDay,
    };
    seasonParts.set(season, parts);
  }
  const { year } = civilFromDays(dayNumber);
  // The occurrences starting last year and this year, as seasonOccurrence gives them, without their keys.
  for (let candidate = year - 1; candidate <= year; candidate++) {
    const startDay = dayOfParsedMonthDay(candidate, parts.start);
    const endDay = dayOfParsedMonthDay(parts.wraps ? candidate + 1 : candidate, parts.end) + 1;
    if (dayNumber >= startDay && dayNumber < endDay) return true;
  }
  return false;
}

function isoWeekKey(mondayDay: number): string {
  const thursday = civilFromDays(mondayDay + 3);
  const firstThursdayMonday = (() => {
    const jan4 = daysFromCivil(thursday.year, 1, 4);
    return jan4 - ((((jan4 + 3) % 7) + 7) % 7);
  })();
  const week = Math.floor((mondayDay - firstThursdayMonday) / 7) + 1;
  return `${thursday.year}-W${pad2(week)}`;
}

/**
 * The calendar periods of `unit` overlapping [fromDay, toDay): days 'YYYY-MM-DD', ISO weeks 'YYYY-Www' (Monday
 * first), months 'YYYY-MM', years 'YYYY' (starting at `yearStartMonthDay`, keyed by the year they start in), and
 * season occurrences 'start/end' (`season` required).
 * @example periodsBetween('month', dayOfIsoDate('2026-01-15'), dayOfIsoDate('2026-03-01')).map((p) => p.key) // ['2026-01', '2026-02']
 */
export function periodsBetween(
  unit: PeriodUnit,
  fromDay: number,
  toDay: number,
  options: { season?: Season | null; yearStartMonthDay?: string } = {},
): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  if (toDay <= fromDay) return periods;
  switch (unit) {
    case 'day':
      for (let day = fromDay; day < toDay; day++)
        periods.push({ startDay: day, endDay: day + 1, key: isoDateOfDay(day) });
      return periods;
    case 'week': {
      // Day 0 (1970-01-01) was a Thursday, so Mondays are days = 4 (mod 7).
      let monday = fromDay - ((((fromDay - 4) % 7) + 7) % 7);
      for (; monday < toDay; monday += 7)
        periods.push({ startDay: monday, endDay: monday + 7, key: isoWeekKey(monday) });
      return periods;
    }
    case 'month': {
      let { year, month } = civilFromDays(fromDay);
      for (;;) {
        const startDay = daysFromCivil(year, month, 1);
        if (startDay >= toDay) return periods;
        const nextYear = month === 12 ? year + 1 : year;
        const nextMonth = month === 12 ? 1 : month + 1;
        periods.push({ startDay, endDay: daysFromCivil(nextYear, nextMonth, 1), key: `${year}-${pad2(month)}` });
        year = nextYear;
        month = nextMonth;
      }
    }
    case 'year': {
      const startMonthDay = options.yearStartMonthDay ?? '01-01';
      for (let year = civilFromDays(fromDay).year - 1; ; year++) {
        const startDay = dayOfMonthDay(year, startMonthDay);
        if (startDay >= toDay) return periods;
        const endDay = dayOfMonthDay(year + 1, startMonthDay);
        if (endDay > fromDay) periods.push({ startDay, endDay, key: String(year) });
      }
    }
    case 'season': {
      if (!options.season) return periods;
      return seasonOccurrencesBetween(options.season, fromDay, toDay);
    }
  }
}
