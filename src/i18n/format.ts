import type { Locale } from './define';

/*
 * Locale-aware formatting through Intl, which every Electron and browser build ships with full ICU data.
 * Spanish and Portuguese use a decimal comma and a point (es: a point from 10 000 on) for thousands.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a number for the locale with at most `maxFractionDigits` decimals.
 * @example formatNumber(1240.5, 'es') === '1240,5'; formatNumber(12400.5, 'pt-BR') === '12.400,5'
 */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2, minFractionDigits = 0): string {
  const key = `${locale}|${maxFractionDigits}|${minFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      maximumFractionDigits: maxFractionDigits,
      minimumFractionDigits: minFractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** The decimal separator of a locale: ',' for es and pt-BR, '.' for en. */
export function decimalSeparatorOf(locale: Locale): ',' | '.' {
  return formatNumber(1.5, locale, 1) === '1,5' ? ',' : '.';
}

/**
 * Formats an ISO date or date-time as a calendar date in the locale, in UTC unless a time zone is given.
 * @example formatDate('2026-03-05T10:00:00Z', 'es') === '5/3/2026'
 */
export function formatDate(
  iso: string,
  locale: Locale,
  style: 'short' | 'medium' | 'long' = 'short',
  timeZone = 'UTC',
): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return dateFormat(
    `${locale}|${style}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone }),
  ).format(date);
}

/** Formats an ISO date-time as date and time in the locale. */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  return dateFormat(
    `${locale}|time|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }),
  ).format(new Date(iso));
}

// Building an Intl.DateTimeFormat costs far more than using one (a table of 100,000 dates took over a minute).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    format = make();
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Formats a month of a year, e.g. for findings' periods.
 * @example formatMonth('2026-03', 'es') === 'marzo de 2026'
 */
export function formatMonth(yearMonth: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${yearMonth}-01T00:00:00Z`),
  );
}

/** Units the app shows, with their symbol (the same in every shipped language). */
export const UNIT_SYMBOLS = {
  m3: 'm³',
  lps: 'L/s',
  m3s: 'm³/s',
  ha: 'ha',
  km: 'km',
  m: 'm',
  km2: 'km²',
  mgl: 'mg/L',
  pct: '%',
  h: 'h',
} as const;
/** A unit key of UNIT_SYMBOLS. */
export type UnitKey = keyof typeof UNIT_SYMBOLS;

/**
 * Formats a quantity with its unit, with a non-breaking space between.
 * @example formatQuantity(1240, 'm3', 'es') === '1240 m³'
 */
export function formatQuantity(value: number, unit: UnitKey, locale: Locale, maxFractionDigits = 2): string {
  return `${formatNumber(value, locale, maxFractionDigits)}\u00a0${UNIT_SYMBOLS[unit]}`;
}
