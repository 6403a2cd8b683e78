import type { PeriodFilter } from '../../state/ui-store';

/*
 * The shared period filter: month, season (dry or wet), year, a custom range, or everything. Dates are calendar
 * days, inclusive, 'YYYY-MM-DD'. The dry season is the one the agreement names for its seasonal quota (the sample:
 * 1 December to 31 March); without one, December to March, the long dry "verano" of the Andean valleys. The wet
 * season is the rest of the year.
 */

/** A season as month-day bounds, inclusive; it may cross the new year (12-01 to 03-31). */
export interface SeasonBounds {
  readonly startMonthDay: string;
  readonly endMonthDay: string;
}

/** The dry season when the agreement names none: 1 December to 31 March. */
export const DEFAULT_DRY_SEASON: SeasonBounds = { startMonthDay: '12-01', endMonthDay: '03-31' };

/** The whole range: every record passes. */
export const ALL_PERIOD: PeriodFilter = { preset: 'all', start: '1900-01-01', end: '2999-12-31' };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function shiftDay(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** Last day of a month, 'YYYY-MM-DD'. */
export function monthEnd(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

/** The month containing `day`. */
export function monthPeriod(day: string): PeriodFilter {
  const yearMonth = day.slice(0, 7);
  return { preset: 'month', start: `${yearMonth}-01`, end: monthEnd(yearMonth) };
}

/** The calendar year containing `day`. */
export function yearPeriod(day: string): PeriodFilter {
  const year = day.slice(0, 4);
  return { preset: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The complement of a season within the year: the day after it ends to the day before it starts. */
export function complementSeason(season: SeasonBounds): SeasonBounds {
  // A fixed non-leap year is enough: the bounds are month-days, and 02-29 is folded onto 02-28/03-01 by Date.
  const start = shiftDay(`2001-${season.endMonthDay}`, 1).slice(5);
  const end = shiftDay(`2001-${season.startMonthDay}`, -1).slice(5);
  return { startMonthDay: start, endMonthDay: end };
}

/**
 * The occurrence of a season that contains `day`, or, when `day` is outside it, the last one that ended before.
 * @example seasonPeriod('2026-02-10', { startMonthDay: '12-01', endMonthDay: '03-31' }) // 2025-12-01 .. 2026-03-31
 */
export function seasonPeriod(day: string, season: SeasonBounds): PeriodFilter {
  const year = Number(day.slice(0, 4));
  const crosses = season.startMonthDay > season.endMonthDay;
  const occurrences: { start: string; end: string }[] = [];
  for (let startYear = year - 2; startYear <= year; startYear += 1) {
    const start = `${startYear}-${season.startMonthDay}`;
    const end = `${crosses ? startYear + 1 : startYear}-${season.endMonthDay}`;
    occurrences.push({ start, end });
  }
  const containing = occurrences.find((occurrence) => occurrence.start <= day && day <= occurrence.end);
  const chosen = containing ?? [...occurrences].reverse().find((occurrence) => occurrence.end < day) ?? occurrences[0]!;
  return { preset: 'season', start: chosen.start, end: chosen.end };
}

/** True when a period is one occurrence of the season (so the bar can tell dry from wet). */
export function isSeasonOccurrence(period: PeriodFilter, season: SeasonBounds): boolean {
  return period.start.slice(5) === season.startMonthDay && period.end.slice(5) === season.endMonthDay;
}

/** Moves a month, season or year period one step back (-1) or forward (+1). */
export function stepPeriod(period: PeriodFilter, step: -1 | 1, dry: SeasonBounds): PeriodFilter {
  switch (period.preset) {
    case 'month': {
      const date = new Date(`${period.start}T00:00:00Z`);
      date.setUTCMonth(date.getUTCMonth() + step);
      return monthPeriod(isoDay(date));
    }
    case 'year':
      return yearPeriod(`${Number(period.start.slice(0, 4)) + step}-01-01`);
    case 'season': {
      const wet = complementSeason(dry);
      // Seasons alternate: the neighbour of a dry season is a wet one and the other way round.
      const current = isSeasonOccurrence(period, dry) ? dry : wet;
      const other = current === dry ? wet : dry;
      const pivot = step === 1 ? shiftDay(period.end, 1) : shiftDay(period.start, -1);
      return seasonPeriod(pivot, other);
    }
    default:
      return period;
  }
}

/** True when a calendar day (or the date part of a date-time) falls in the period. */
export function dayInPeriod(iso: string, period: PeriodFilter): boolean {
  const day = iso.slice(0, 10);
  return period.start <= day && day <= period.end;
}

/** True when the span [startIso, endIso] overlaps the period (a withdrawal's period counts if any day of it does). */
export function spanOverlapsPeriod(startIso: string, endIso: string, period: PeriodFilter): boolean {
  return startIso.slice(0, 10) <= period.end && endIso.slice(0, 10) >= period.start;
}

/** The dry season an agreement's clauses name (a seasonal withdrawal quota), or the default. */
export function drySeasonOf(agreement: unknown): SeasonBounds {
  const versions = (agreement as { versions?: unknown } | undefined)?.versions;
  if (!Array.isArray(versions) || versions.length === 0) return DEFAULT_DRY_SEASON;
  const latest = versions[versions.length - 1] as { clauses?: unknown };
  const clauses = Array.isArray(latest.clauses) ? latest.clauses : [];
  for (const clause of clauses as { params?: { kind?: string; periodUnit?: string; season?: SeasonBounds | null } }[]) {
    const params = clause.params;
    if (params?.kind === 'withdrawal-quota' && params.periodUnit === 'season' && params.season) return params.season;
  }
  return DEFAULT_DRY_SEASON;
}
