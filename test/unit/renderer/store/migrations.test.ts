import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareVersion1, WatershedDatabase } from '../../../../renderer/store/db';
import {
  applyMonthlyDeltas,
  monthlyContributions,
  monthlyDeltasOfWrite,
  monthlyTotalsFrom,
  type WithdrawalForTotals,
} from '../../../../renderer/store/migrations';
import { freshIndexedDb } from './store-fixtures';

function withdrawal(overrides: Partial<WithdrawalForTotals> = {}): WithdrawalForTotals {
  return Object.freeze({
    intakeId: 'intake-1',
    periodStart: '2026-03-01T00:00:00Z',
    periodEnd: '2026-03-02T00:00:00Z',
    volumeM3: 100,
    deleted: false,
    ...overrides,
  });
}

describe('monthlyContributions', () => {
  it('puts a period inside one month wholly in that month', () => {
    expect(monthlyContributions(withdrawal())).toEqual([{ intakeId: 'intake-1', month: '2026-03', volumeM3: 100 }]);
  });

  it('splits a period spanning two months pro rata by duration', () => {
    const spanning = withdrawal({ periodStart: '2026-03-16T00:00:00Z', periodEnd: '2026-04-16T00:00:00Z', volumeM3: 31 });
    expect(monthlyContributions(spanning)).toEqual([
      { intakeId: 'intake-1', month: '2026-03', volumeM3: 16 },
      { intakeId: 'intake-1', month: '2026-04', volumeM3: 15 },
    ]);
  });

  it('crosses the year boundary', () => {
    const spanning = withdrawal({ periodStart: '2025-12-31T00:00:00Z', periodEnd: '2026-01-02T00:00:00Z', volumeM3: 2 });
    expect(monthlyContributions(spanning).map((part) => part.month)).toEqual(['2025-12', '2026-01']);
  });

  it('uses the community’s own calendar: the last evening of March at -05:00 is March, not April', () => {
    const evening = withdrawal({ periodStart: '2026-03-31T20:00:00-05:00', periodEnd: '2026-03-31T23:00:00-05:00' });
    expect(monthlyContributions(evening).map((part) => part.month)).toEqual(['2026-03']);
  });

  it('counts an instantaneous reading in the month it was taken', () => {
    const instant = withdrawal({ periodStart: '2026-05-10T00:00:00Z', periodEnd: '2026-05-10T00:00:00Z', volumeM3: 5 });
    expect(monthlyContributions(instant)).toEqual([{ intakeId: 'intake-1', month: '2026-05', volumeM3: 5 }]);
  });

  it('contributes nothing for a deleted withdrawal', () => {
    expect(monthlyContributions(withdrawal({ deleted: true }))).toEqual([]);
  });
});

describe('monthly totals', () => {
  it('sums volumes and counts per intake and month', () => {
    const totals = monthlyTotalsFrom([
      withdrawal({ volumeM3: 10 }),
      withdrawal({ volumeM3: 20 }),
      withdrawal({ intakeId: 'intake-2', volumeM3: 5 }),
      withdrawal({ periodStart: '2026-04-02T00:00:00Z', periodEnd: '2026-04-03T00:00:00Z', volumeM3: 7 }),
      withdrawal({ deleted: true, volumeM3: 1000 }),
    ]);
    expect(totals).toEqual([
      { intakeId: 'intake-1', month: '2026-03', volumeM3: 30, count: 2 },
      { intakeId: 'intake-1', month: '2026-04', volumeM3: 7, count: 1 },
      { intakeId: 'intake-2', month: '2026-03', volumeM3: 5, count: 1 },
    ]);
  });

  it('applies an edit as the old contribution out and the new one in', () => {
    const deltas = [...monthlyDeltasOfWrite(withdrawal({ volumeM3: 10 }), withdrawal({ volumeM3: 12.5 })).values()];
    const { put, remove } = applyMonthlyDeltas(deltas, [{ intakeId: 'intake-1', month: '2026-03', volumeM3: 30, count: 2 }]);
    expect(put).toEqual([{ intakeId: 'intake-1', month: '2026-03', volumeM3: 32.5, count: 2 }]);
    expect(remove).toEqual([]);
  });

  it('removes a month whose last withdrawal was deleted, without leaving rounding dust', () => {
    const deltas = [...monthlyDeltasOfWrite(withdrawal({ volumeM3: 0.1 }), withdrawal({ volumeM3: 0.1, deleted: true })).values()];
    const { put, remove } = applyMonthlyDeltas(deltas, [{ intakeId: 'intake-1', month: '2026-03', volumeM3: 0.1, count: 1 }]);
    expect(put).toEqual([]);
    expect(remove).toEqual([['intake-1', '2026-03']]);
  });
});

describe('database upgrade from v1', () => {
  it('keeps every record and computes monthly totals from the stored withdrawals', async () => {
    const indexedDb = freshIndexedDb();
    const first = new Dexie('watershed-commons', indexedDb);
    declareVersion1(first);
    const withdrawals = [
      { ...withdrawal({ volumeM3: 40 }), id: 'w1', version: 1 },
      { ...withdrawal({ volumeM3: 60 }), id: 'w2', version: 2 },
      { ...withdrawal({ periodStart: '2026-03-16T00:00:00Z', periodEnd: '2026-04-16T00:00:00Z', volumeM3: 31 }), id: 'w3', version: 1 },
      { ...withdrawal({ volumeM3: 500, deleted: true }), id: 'w4', version: 3 },
    ];
    await first.table('withdrawals').bulkAdd(withdrawals);
    await first.table('communities').add({ id: 'c1', name: 'San Isidro', version: 1 });
    await first.table('versions').add({ kind: 'withdrawals', id: 'w2', version: 1, record: { id: 'w2', version: 1 } });
    await first.table('audit').add({ seq: 1, hash: 'h' });
    await first.table('meta').put({ key: 'sampleLoaded', value: true });
    first.close();

    const upgraded = new WatershedDatabase('watershed-commons', indexedDb);
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    expect(await upgraded.recordTable('withdrawals').orderBy('id').toArray()).toEqual(withdrawals);
    expect(await upgraded.recordTable('communities').count()).toBe(1);
    expect(await upgraded.versions.count()).toBe(1);
    expect(await upgraded.audit.count()).toBe(1);
    expect((await upgraded.meta.get('sampleLoaded'))?.value).toBe(true);
    expect(await upgraded.monthlyTotals.toArray()).toEqual([
      { intakeId: 'intake-1', month: '2026-03', volumeM3: 116, count: 3 },
      { intakeId: 'intake-1', month: '2026-04', volumeM3: 15, count: 1 },
    ]);
    upgraded.close();
  });

  it('opens an empty v1 database and upgrades it with no totals', async () => {
    const indexedDb = freshIndexedDb();
    const first = new Dexie('watershed-commons', indexedDb);
    declareVersion1(first);
    await first.open();
    first.close();
    const upgraded = new WatershedDatabase('watershed-commons', indexedDb);
    expect(await upgraded.monthlyTotals.count()).toBe(0);
    upgraded.close();
  });
});
