import type { RecordMeta, ReviewState } from '../domain/records';

/*
 * Shared helpers for the sample's records: fixed authorship, UUID-shaped deterministic ids and calendar
 * arithmetic in UTC (no clock is ever read: every timestamp comes from the calendar of the sample).
 */

/** Device name stamped on every sample record. */
export const SAMPLE_DEVICE = 'muestra-cuenca-aguaclara';

/** Makes UUID-shaped ids for one record kind: an 8-hex-digit kind prefix and a counter. */
export function idFactory(kindHex: string): () => string {
  const head = kindHex.padEnd(8, '0').slice(0, 8);
  let counter = 0;
  return () => {
    counter += 1;
    return `${head}-5a3b-4c1d-8e2f-${counter.toString(16).padStart(12, '0')}`;
  };
}

/** Meta fields of a first version of a record created at `createdAt` by `author`. */
export function firstVersionMeta(id: string, createdAt: string, author: string, reviewState: ReviewState = 'approved'): RecordMeta {
  return { id, version: 1, createdAt, updatedAt: createdAt, author, device: SAMPLE_DEVICE, deleted: false, reviewState };
}

function pad(value: number, width = 2): string {
  return value.toString().padStart(width, '0');
}

/** Offset of the sample basin's local time (Colombia, no daylight saving) from UTC, minutes. */
export const SAMPLE_UTC_OFFSET_MINUTES = -300;

const OFFSET_SUFFIX = '-05:00';

/**
 * ISO 8601 timestamp in the basin's local time (UTC-5) for a local calendar time; months are 1-based and
 * overflow normalises.
 * @example isoLocal(2024, 13, 1) === '2025-01-01T00:00:00-05:00'
 */
export function isoLocal(year: number, month: number, day: number, hour = 0, minute = 0): string {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00${OFFSET_SUFFIX}`;
}

/**
 * The basin-local ISO 8601 timestamp (to the minute) of an instant given in UTC milliseconds.
 * @example isoLocalFromMs(Date.UTC(2024, 0, 1, 5)) === '2024-01-01T00:00:00-05:00'
 */
export function isoLocalFromMs(milliseconds: number): string {
  const local = new Date(milliseconds + SAMPLE_UTC_OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 16)}:00${OFFSET_SUFFIX}`;
}

/**
 * ISO 8601 calendar date for a calendar day; months are 1-based and overflow normalises.
 * @example isoDate(2024, 2, 30) === '2024-03-01'
 */
export function isoDate(year: number, month: number, day: number): string {
  return isoLocal(year, month, day).slice(0, 10);
}

/** A calendar month of the sample period. */
export interface SampleMonth {
  year: number;
  /** 1..12. */
  month: number;
  daysInMonth: number;
  /** Index of the month from the start of the sample period. */
  index: number;
}

/** The consecutive months starting at `firstYear`-`firstMonth` (1-based), `count` of them. */
export function monthsFrom(firstYear: number, firstMonth: number, count: number): SampleMonth[] {
  const months: SampleMonth[] = [];
  for (let index = 0; index < count; index += 1) {
    const zeroBased = firstMonth - 1 + index;
    const year = firstYear + Math.floor(zeroBased / 12);
    const month = (zeroBased % 12) + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    months.push({ year, month, daysInMonth, index });
  }
  return months;
}

/** Day of year (1..366) of a UTC calendar date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** Rounds to `digits` decimals, so serialized numbers stay short and stable. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
