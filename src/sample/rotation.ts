import type { Roster } from '../domain/agreement';
import type { Withdrawal } from '../domain/records';
import { buildRosterSchedule } from '../rules/turns';
import { createPrng } from './prng';
import { firstVersionMeta, isoLocalFromMs, round, SAMPLE_UTC_OFFSET_MINUTES, type SampleMonth } from './records-common';
import { expectedRateLps, type WithdrawalSchedule } from './withdrawals';

const HOUR_MS = 3_600_000;

/** Options of the rotation withdrawals. */
export interface RotationWithdrawalOptions {
  roster: Roster;
  /** Schedules of the roster's intakes, keyed by intake id. */
  schedulesByIntake: ReadonlyMap<string, WithdrawalSchedule>;
  months: readonly SampleMonth[];
  /** Cycles in which a holder opened its gate hours before its turn (breaches of the rotation). */
  earlyOpenings: readonly { communityId: string; cycleIndex: number; hoursEarly: number }[];
  /** No turn ending after this instant (UTC ms) is reported. */
  endMs: number;
  nextId: () => string;
}

/**
 * One withdrawal per turn at the holder's canal gate: the whole canal flow goes to the holder of the turn, from
 * the end of its filling time to a little before the turn ends, except the scripted early openings. Turns come
 * from the rules engine's own roster layout, so swaps and shortage cycles are honoured the same way.
 */
export function rotationWithdrawals(options: RotationWithdrawalOptions): Withdrawal[] {
  const { roster } = options;
  const schedule = buildRosterSchedule(roster, SAMPLE_UTC_OFFSET_MINUTES);
  const prng = createPrng(Math.floor(schedule.originMs / 1000));
  const records: Withdrawal[] = [];
  const monthOf = (milliseconds: number): SampleMonth | undefined => {
    const date = new Date(milliseconds + SAMPLE_UTC_OFFSET_MINUTES * 60_000);
    return options.months.find((month) => month.year === date.getUTCFullYear() && month.month === date.getUTCMonth() + 1);
  };
  for (const turn of schedule.turnsBetween(schedule.originMs, options.endMs)) {
    if (turn.endMs > options.endMs) break;
    const intakeId = turn.intakeIds[0];
    const holder = intakeId === undefined ? undefined : options.schedulesByIntake.get(intakeId);
    const month = monthOf(turn.startMs);
    if (!holder || !month) continue;
    const canalRateLps = [...options.schedulesByIntake.values()].reduce((sum, other) => sum + expectedRateLps(other, month), 0);
    if (canalRateLps <= 0) continue;
    const early = options.earlyOpenings.find((opening) => opening.communityId === turn.communityId && opening.cycleIndex === turn.cycleIndex);
    const openMs = early ? turn.startMs - early.hoursEarly * HOUR_MS : turn.startMs + turn.fillingMs + prng.int(1, 3) * 10 * 60_000;
    const closeMs = Math.floor((turn.endMs - prng.int(1, 3) * 10 * 60_000) / 60_000) * 60_000;
    const seconds = (closeMs - openMs) / 1000;
    const rateLps = canalRateLps * Math.exp(0.06 * prng.normal());
    const volumeM3 = round((rateLps * seconds) / 1000, 1);
    records.push({
      ...firstVersionMeta(options.nextId(), isoLocalFromMs(closeMs + 20 * HOUR_MS), holder.reporter),
      intakeId: holder.intake.record.id,
      periodStart: isoLocalFromMs(Math.ceil(openMs / 60_000) * 60_000),
      periodEnd: isoLocalFromMs(closeMs),
      volumeM3,
      entered: { quantity: 'volume', value: volumeM3, unit: 'm3' },
      method: 'meter',
      reporter: holder.reporter,
    });
  }
  return records;
}
