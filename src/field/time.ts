/*
 * Times as the field forms take them: a date-time input gives 'YYYY-MM-DDTHH:mm' on the basin's clock, stored as
 * ISO 8601 with the basin's UTC offset (e.g. -05:00 in Colombia), so what was typed is what is read back.
 */

function pad(value: number): string {
  return String(Math.floor(Math.abs(value))).padStart(2, '0');
}

/**
 * The UTC offset as ISO 8601 writes it.
 * @example offsetText(-300) === '-05:00'
 */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMinutes);
  return `${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/**
 * A moment as a date-time input value on the basin's clock ('YYYY-MM-DDTHH:mm').
 * @example localInputOf(new Date('2026-03-01T15:30:00Z'), -300) === '2026-03-01T10:30'
 */
export function localInputOf(moment: Date, offsetMinutes: number): string {
  return new Date(moment.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/**
 * A date-time input value on the basin's clock as ISO 8601 with the basin's offset; null when it is not a date-time.
 * @example isoOfLocalInput('2026-03-01T10:30', -300) === '2026-03-01T10:30:00-05:00'
 */
export function isoOfLocalInput(value: string, offsetMinutes: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  if (Number.isNaN(Date.parse(`${value}:00Z`))) return null;
  return `${value}:00${offsetText(offsetMinutes)}`;
}

/**
 * The calendar day of an ISO date or date-time as written (its own offset), for the shared period filter.
 * @example dayOf('2026-03-01T23:30:00-05:00') === '2026-03-01'
 */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Whether an ISO date or date-time falls in an inclusive day range ('YYYY-MM-DD').
 * @example inPeriod('2026-03-01T10:00:00-05:00', { start: '2026-03-01', end: '2026-03-31' }) === true
 */
export function inPeriod(iso: string, period: { readonly start: string; readonly end: string }): boolean {
  const day = dayOf(iso);
  return day >= period.start && day <= period.end;
}
