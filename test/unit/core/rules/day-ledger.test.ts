import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, msOfLocalDay } from '../../../../src/rules/calendar';
import { RecordIndex, toMillilitre, WithdrawalSeries } from '../../../../src/rules/record-index';
import {
  createBaseRecords,
  createIntake,
  createNetwork,
  createWithdrawal,
  monthlyQuota,
  run,
  single,
} from './factories';

/*
 * The day ledger answers period volumes and reading counts for every quota, ban and reporting duty. It must give
 * what summing the readings one by one gives, at any UTC offset, after any insert or removal.
 */

const OFFSETS = [0, -300, 330, -570] as const;
const FIRST_MS = Date.UTC(2026, 0, 1);

const reading = fc.record({
  startMinute: fc.integer({ min: 0, max: 60 * 24 * 90 }),
  // Instantaneous readings, a few hours, and readings spanning weeks.
  minutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 60 * 24 * 40 })),
  volumeM3: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 5000, noNaN: true })),
});

function seriesOf(readings: readonly { startMinute: number; minutes: number; volumeM3: number }[]): WithdrawalSeries {
  const series = new WithdrawalSeries(readings.length);
  readings.forEach((item, k) => {
    const startMs = FIRST_MS + item.startMinute * 60_000;
    series.push(`w${k}`, startMs, startMs + item.minutes * 60_000, item.volumeM3);
  });
  series.sortByStart();
  return series;
}

describe('day ledger of an intake', () => {
  it('gives the volume and reading count of any run of local days as the readings one by one do', () => {
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 60 }),
        fc.constantFrom(...OFFSETS),
        fc.integer({ min: -5, max: 130 }),
        fc.integer({ min: 0, max: 60 }),
        (readings, offset, fromIndex, length) => {
          const series = seriesOf(readings);
          const firstDay = Math.floor(FIRST_MS / DAY_MS);
          const fromDay = firstDay + fromIndex;
          const toDay = fromDay + length;
          const expected = series.volumeBetween(msOfLocalDay(fromDay, offset), msOfLocalDay(toDay, offset));
          expect(series.countOnDays(fromDay, toDay, offset)).toBe(length === 0 ? 0 : expected.count);
          expect(series.volumeOnDays(fromDay, toDay, offset)).toBeCloseTo(length === 0 ? 0 : expected.volumeM3, 5);
        },
      ),
    );
  });

  it('follows inserts and removals', () => {
    const series = seriesOf([{ startMinute: 60, minutes: 60, volumeM3: 100 }]);
    const day = Math.floor(FIRST_MS / DAY_MS);
    expect(series.volumeOnDays(day, day + 1, 0)).toBe(100);
    series.insert('late', FIRST_MS + 3 * DAY_MS, FIRST_MS + 3 * DAY_MS + 3_600_000, 50);
    expect(series.volumeOnDays(day, day + 10, 0)).toBe(150);
    expect(series.countOnDays(day, day + 10, 0)).toBe(2);
    expect(series.remove('w0', FIRST_MS + 3_600_000)).toBe(true);
    expect(series.volumeOnDays(day, day + 10, 0)).toBe(50);
    expect(series.countOnDays(day, day + 1, 0)).toBe(0);
  });

  it('still answers for readings decades apart, without a ledger that long', () => {
    const series = new WithdrawalSeries(2);
    series.push('old', Date.UTC(1950, 0, 1), Date.UTC(1950, 0, 2), 10);
    series.push('new', Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), 20);
    const day1950 = Math.floor(Date.UTC(1950, 0, 1) / DAY_MS);
    const day2026 = Math.floor(Date.UTC(2026, 0, 1) / DAY_MS);
    expect(series.volumeOnDays(day1950, day2026 + 1, 0)).toBe(30);
    expect(series.countOnDays(day2026, day2026 + 1, 0)).toBe(1);
  });

  it('judges volumes to the millilitre, so readings that add up to the limit are at it, not over', () => {
    expect(0.2 + 2.2 + 0.6).toBeGreaterThan(3); // what floating point says
    expect(toMillilitre(0.2 + 2.2 + 0.6)).toBe(3);
    const quota = single(monthlyQuota(3));
    const day = (d: number, volumeM3: number, id: string) =>
      createWithdrawal(
        id,
        'i-alta',
        `2026-03-${String(d).padStart(2, '0')}T06:00:00Z`,
        `2026-03-${String(d).padStart(2, '0')}T18:00:00Z`,
        volumeM3,
      );
    const atLimit = [day(1, 0.2, 'a'), day(2, 2.2, 'b'), day(3, 0.6, 'c')];
    expect(run(quota, createBaseRecords({ withdrawals: atLimit }))).toHaveLength(0);
    const over = [...atLimit, day(4, 0.001, 'd')];
    expect(run(quota, createBaseRecords({ withdrawals: over }))[0]?.conditions[0]?.observed).toBe(3.001);
  });
});

describe('a group of intakes read as one', () => {
  it('gives what adding its intakes one by one gives, with members that have no readings or no ledger', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(reading, { maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom(...OFFSETS),
        (readingsOfIntakes, withDecadesApart, offset) => {
          const intakes = readingsOfIntakes.map((_, n) => createIntake(`i${n}`));
          const withdrawals = readingsOfIntakes.flatMap((readings, n) =>
            readings.map((item, k) => {
              const startMs = FIRST_MS + item.startMinute * 60_000;
              const endMs = startMs + item.minutes * 60_000;
              return createWithdrawal(
                `w${n}-${k}`,
                `i${n}`,
                new Date(startMs).toISOString(),
                new Date(endMs).toISOString(),
                item.volumeM3,
              );
            }),
          );
          if (withDecadesApart)
            withdrawals.push(createWithdrawal('old', 'i0', '1950-01-01T00:00:00Z', '1950-01-02T00:00:00Z', 7));
          const index = new RecordIndex(createBaseRecords({ intakes, withdrawals }), createNetwork());
          const members = intakes.map((intake) => index.intakeIndex.get(intake.id)!);
          const firstDay = Math.floor(FIRST_MS / DAY_MS);
          const fromDays = Int32Array.from({ length: 20 }, (_, k) => firstDay - 3 + 7 * k);
          const toDays = Int32Array.from(fromDays, (day, k) => day + 1 + (k % 9));
          const group = new Float64Array(20);
          index.groupSource(members, offset).volumesOnDays(fromDays, toDays, offset, group);
          const one = new Float64Array(20);
          const sum = new Float64Array(20);
          for (const i of members) {
            index.series[i]!.volumesOnDays(fromDays, toDays, offset, one);
            one.forEach((value, k) => (sum[k]! += value));
          }
          sum.forEach((value, k) => expect(group[k]).toBeCloseTo(value, 5));
        },
      ),
    );
  });
});
