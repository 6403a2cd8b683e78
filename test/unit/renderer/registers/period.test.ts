import { describe, expect, it } from 'vitest';
import {
  complementSeason,
  DEFAULT_DRY_SEASON,
  drySeasonOf,
  isSeasonOccurrence,
  monthPeriod,
  seasonPeriod,
  spanOverlapsPeriod,
  stepPeriod,
  yearPeriod,
} from '../../../../renderer/features/registers/period';

describe('period filter', () => {
  it('gives the month and the year of a day, ends inclusive', () => {
    expect(monthPeriod('2024-02-10')).toEqual({ preset: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(yearPeriod('2026-11-01')).toEqual({ preset: 'year', start: '2026-01-01', end: '2026-12-31' });
  });

  it('finds the dry season across new year that contains a day, or the last one before it', () => {
    expect(seasonPeriod('2026-02-10', DEFAULT_DRY_SEASON)).toEqual({
      preset: 'season',
      start: '2025-12-01',
      end: '2026-03-31',
    });
    expect(seasonPeriod('2026-12-05', DEFAULT_DRY_SEASON)).toMatchObject({ start: '2026-12-01', end: '2027-03-31' });
    expect(seasonPeriod('2026-07-01', DEFAULT_DRY_SEASON)).toMatchObject({ start: '2025-12-01', end: '2026-03-31' });
  });

  it('makes the wet season the rest of the year', () => {
    const wet = complementSeason(DEFAULT_DRY_SEASON);
    expect(wet).toEqual({ startMonthDay: '04-01', endMonthDay: '11-30' });
    expect(seasonPeriod('2026-07-01', wet)).toMatchObject({ start: '2026-04-01', end: '2026-11-30' });
  });

  it('steps seasons alternately dry and wet, and months across the year end', () => {
    const dry = seasonPeriod('2026-02-10', DEFAULT_DRY_SEASON);
    const wet = stepPeriod(dry, 1, DEFAULT_DRY_SEASON);
    expect(wet).toMatchObject({ start: '2026-04-01', end: '2026-11-30' });
    expect(isSeasonOccurrence(wet, DEFAULT_DRY_SEASON)).toBe(false);
    expect(stepPeriod(wet, 1, DEFAULT_DRY_SEASON)).toMatchObject({ start: '2026-12-01', end: '2027-03-31' });
    expect(stepPeriod(dry, -1, DEFAULT_DRY_SEASON)).toMatchObject({ start: '2025-04-01', end: '2025-11-30' });
    expect(stepPeriod(monthPeriod('2026-01-15'), -1, DEFAULT_DRY_SEASON)).toMatchObject({
      start: '2025-12-01',
      end: '2025-12-31',
    });
  });

  it('takes the dry season from the agreement’s seasonal quota, else December to March', () => {
    const agreement = {
      versions: [
        {
          clauses: [
            {
              params: {
                kind: 'withdrawal-quota',
                periodUnit: 'season',
                season: { startMonthDay: '06-15', endMonthDay: '09-15' },
              },
            },
          ],
        },
      ],
    };
    expect(drySeasonOf(agreement)).toEqual({ startMonthDay: '06-15', endMonthDay: '09-15' });
    expect(drySeasonOf({ versions: [{ clauses: [{ params: { kind: 'rotation' } }] }] })).toEqual(DEFAULT_DRY_SEASON);
    expect(drySeasonOf(undefined)).toEqual(DEFAULT_DRY_SEASON);
  });

  it('counts a withdrawal in a period when any day of it falls inside', () => {
    const march = monthPeriod('2026-03-01');
    expect(spanOverlapsPeriod('2026-02-27T00:00:00-05:00', '2026-03-02T23:59:00-05:00', march)).toBe(true);
    expect(spanOverlapsPeriod('2026-02-20T00:00:00-05:00', '2026-02-28T23:59:00-05:00', march)).toBe(false);
  });
});
