import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayOfIsoDate, isoDateOfDay, parseIsoMs } from '../../../../src/rules/calendar';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

describe('calendar arithmetic', () => {
  it('reads any ISO date to the same day number as Date.UTC, inside and outside the fast table years', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 1, max: 9999 })),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          // setUTCFullYear, because Date.UTC reads years 0-99 as 1900-1999.
          const utc = new Date(0);
          utc.setUTCFullYear(year, month - 1, day);
          expect(dayOfIsoDate(iso)).toBe(utc.getTime() / DAY_MS);
          if (year >= 1000) expect(isoDateOfDay(dayOfIsoDate(iso))).toBe(iso);
        },
      ),
    );
  });

  it('parses date-times with offsets, seconds and fractions as Date.parse does', () => {
    for (const iso of [
      '2026-03-01T10:00:00-05:00',
      '2026-03-01T10:00Z',
      '2024-02-29T23:59:59.250Z',
      '1999-12-31T23:00:00+02:30',
    ]) {
      expect(parseIsoMs(iso)).toBe(Date.parse(iso));
    }
    expect(parseIsoMs('2026-03-01', -300)).toBe(Date.parse('2026-03-01T00:00:00-05:00'));
  });
});
