import type { Withdrawal } from '../../src/domain/records';
import type { MonthlyTotal } from '../../src/ports/repository';

/*
 * Pure functions behind the database upgrades and the derived tables kept beside the records. The v2 upgrade
 * builds `monthlyTotals` from the withdrawals already stored; every later withdrawal write applies a delta in the
 * same transaction, using the same functions, so the upgrade and the live path cannot disagree.
 *
 * A withdrawal's period may span months (a meter read on the 15th of each month): its volume is split between
 * the months pro rata by duration. Months are calendar months in the time offset the period start was written in,
 * i.e. the community's own calendar, not UTC.
 */

/** The part of a withdrawal that monthly totals depend on. */
export type WithdrawalForTotals = Pick<Withdrawal, 'intakeId' | 'periodStart' | 'periodEnd' | 'volumeM3' | 'deleted'>;

/** A withdrawal's share of one month, m3. */
export interface MonthlyContribution {
  readonly intakeId: string;
  readonly month: string;
  readonly volumeM3: number;
}

const MINUTE_MS = 60_000;

/** Volumes are kept to the millilitre so repeated add/subtract never leaves 1e-13 m3 behind. */
function roundVolume(volumeM3: number): number {
  return Math.round(volumeM3 * 1e6) / 1e6;
}

function offsetMinutes(iso: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (match === null) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3]));
}

function monthKey(year: number, monthIndex: number): string {
  return `${year.toString().padStart(4, '0')}-${(monthIndex + 1).toString().padStart(2, '0')}`;
}

/**
 * How a withdrawal's volume falls into calendar months; empty for a deleted withdrawal.
 * @example monthlyContributions({ intakeId: 'i', periodStart: '2026-03-16T00:00:00Z', periodEnd: '2026-04-16T00:00:00Z',
 *   volumeM3: 31, deleted: false }) // -> [{ month: '2026-03', volumeM3: 16 }, { month: '2026-04', volumeM3: 15 }] (with intakeId)
 */
export function monthlyContributions(withdrawal: WithdrawalForTotals): MonthlyContribution[] {
  if (withdrawal.deleted) return [];
  const shift = offsetMinutes(withdrawal.periodStart) * MINUTE_MS;
  // Work in "local wall-clock as if UTC" milliseconds, so Date.UTC month boundaries are local month boundaries.
  const start = Date.parse(withdrawal.periodStart) + shift;
  const end = Date.parse(withdrawal.periodEnd) + shift;
  const first = new Date(start);
  const firstMonth = monthKey(first.getUTCFullYear(), first.getUTCMonth());
  if (!(end > start)) return [{ intakeId: withdrawal.intakeId, month: firstMonth, volumeM3: roundVolume(withdrawal.volumeM3) }];
  const contributions: MonthlyContribution[] = [];
  let year = first.getUTCFullYear();
  let monthIndex = first.getUTCMonth();
  let cursor = start;
  while (cursor < end) {
    const nextBoundary = Date.UTC(year, monthIndex + 1, 1);
    const sliceEnd = Math.min(end, nextBoundary);
    contributions.push({
      intakeId: withdrawal.intakeId,
      month: monthKey(year, monthIndex),
      volumeM3: roundVolume((withdrawal.volumeM3 * (sliceEnd - cursor)) / (end - start)),
    });
    cursor = sliceEnd;
    monthIndex += 1;
    if (monthIndex === 12) {
      monthIndex = 0;
      year += 1;
    }
  }
  return contributions;
}

/** Key of a monthly total in maps: intakeId and month. */
export function monthlyTotalKey(intakeId: string, month: string): string {
  return `${intakeId}\u0000${month}`;
}

/** A change to apply to one monthly total: volume and count to add (negative to remove). */
export interface MonthlyTotalDelta {
  readonly intakeId: string;
  readonly month: string;
  volumeM3: number;
  count: number;
}

/** Adds (sign 1) or removes (sign -1) a withdrawal's contributions to a map of deltas, by monthlyTotalKey. */
export function accumulateMonthlyDeltas(
  deltas: Map<string, MonthlyTotalDelta>,
  withdrawal: WithdrawalForTotals,
  sign: 1 | -1,
): void {
  for (const contribution of monthlyContributions(withdrawal)) {
    const key = monthlyTotalKey(contribution.intakeId, contribution.month);
    let delta = deltas.get(key);
    if (delta === undefined) {
      delta = { intakeId: contribution.intakeId, month: contribution.month, volumeM3: 0, count: 0 };
      deltas.set(key, delta);
    }
    delta.volumeM3 += sign * contribution.volumeM3;
    delta.count += sign;
  }
}

/** The deltas a write causes: the old version's contributions out, the new one's in (either may be absent). */
export function monthlyDeltasOfWrite(
  before: WithdrawalForTotals | undefined,
  after: WithdrawalForTotals | undefined,
): Map<string, MonthlyTotalDelta> {
  const deltas = new Map<string, MonthlyTotalDelta>();
  if (before !== undefined) accumulateMonthlyDeltas(deltas, before, -1);
  if (after !== undefined) accumulateMonthlyDeltas(deltas, after, 1);
  return deltas;
}

/**
 * Applies deltas to the stored totals (given in the same order as `deltas`, undefined when absent): the totals to
 * put, and the keys ([intakeId, month]) to delete because no withdrawal is left in that month.
 */
export function applyMonthlyDeltas(
  deltas: readonly MonthlyTotalDelta[],
  existing: readonly (MonthlyTotal | undefined)[],
): { put: MonthlyTotal[]; remove: [string, string][] } {
  const put: MonthlyTotal[] = [];
  const remove: [string, string][] = [];
  deltas.forEach((delta, index) => {
    if (delta.count === 0 && delta.volumeM3 === 0) return;
    const stored = existing[index];
    const count = (stored?.count ?? 0) + delta.count;
    const volumeM3 = roundVolume((stored?.volumeM3 ?? 0) + delta.volumeM3);
    if (count <= 0) {
      if (stored !== undefined) remove.push([delta.intakeId, delta.month]);
      return;
    }
    put.push({ intakeId: delta.intakeId, month: delta.month, volumeM3, count });
  });
  return { put, remove };
}

/** Turns deltas accumulated from nothing into totals, in intake then month order. */
export function totalsFromDeltas(deltas: ReadonlyMap<string, MonthlyTotalDelta>): MonthlyTotal[] {
  const list = [...deltas.values()];
  return applyMonthlyDeltas(list, list.map(() => undefined)).put.sort((a, b) =>
    a.intakeId === b.intakeId ? a.month.localeCompare(b.month) : a.intakeId.localeCompare(b.intakeId),
  );
}

/** Monthly totals of a set of withdrawals from scratch (what the v2 upgrade computes), in intake then month order. */
export function monthlyTotalsFrom(withdrawals: Iterable<WithdrawalForTotals>): MonthlyTotal[] {
  const deltas = new Map<string, MonthlyTotalDelta>();
  for (const withdrawal of withdrawals) accumulateMonthlyDeltas(deltas, withdrawal, 1);
  return totalsFromDeltas(deltas);
}
