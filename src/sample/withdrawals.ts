import type { Withdrawal } from '../domain/records';
import { seasonalFlowFactor } from './measurements';
import { createPrng } from './prng';
import { dayOfYear, firstVersionMeta, isoLocal, round, type SampleMonth } from './records-common';
import type { SampleIntakePlan } from './intakes';

/** How one intake reports its withdrawals over the sample period. */
export interface WithdrawalSchedule {
  intake: SampleIntakePlan;
  /** Seed of this intake's own random stream, so each intake's readings do not depend on the others. */
  seed: number;
  /** 'meter' for most intakes; livestock troughs and some small intakes only estimate. */
  method: 'meter' | 'estimate';
  /** Reads a rate in L/s instead of a volume (the reporter's own habit). */
  entersRate: boolean;
  /** Multiplier of irrigation demand in the dry months (over 1: the community takes more than agreed). */
  dryMonthOveruse: number;
  /** Months (index) with zero withdrawal for this intake (a seasonal ban it respects). */
  idleMonths: ReadonlySet<number>;
  /** Index of the last month with a reading; later months have none (a reporting gap). */
  lastReportedMonthIndex: number;
  /** Months (index) whose reading is missing. */
  missingMonths: ReadonlySet<number>;
  reporter: string;
}

/** Demand of a use in a month relative to its base rate (irrigation peaks in the dry months). */
export function demandFactor(use: SampleIntakePlan['record']['use'], year: number, month: number): number {
  const seasonal = seasonalFlowFactor(dayOfYear(year, month, 15));
  switch (use) {
    case 'irrigation':
      return Math.min(1.1, Math.max(0.25, 1.45 - 0.85 * seasonal));
    case 'domestic':
      return seasonal < 0.8 ? 1.08 : 1;
    default:
      return 1;
  }
}

/** True in the dry months of the bimodal regime (December-March and July-August). */
export function isDryMonth(month: number): boolean {
  return month === 12 || month <= 3 || month === 7 || month === 8;
}

/** Mean rate an intake is expected to draw in a month, L/s, before noise. */
export function expectedRateLps(schedule: WithdrawalSchedule, monthInfo: SampleMonth): number {
  const { record, baseRateLps } = schedule.intake;
  if (schedule.idleMonths.has(monthInfo.index)) return 0;
  let rate = baseRateLps * demandFactor(record.use, monthInfo.year, monthInfo.month);
  if (record.use === 'irrigation' && isDryMonth(monthInfo.month)) rate *= schedule.dryMonthOveruse;
  return rate;
}

function withdrawalRecord(
  schedule: WithdrawalSchedule,
  id: string,
  periodStart: string,
  periodEnd: string,
  seconds: number,
  rateLps: number,
  createdAt: string,
): Withdrawal {
  const volumeM3 = round((rateLps * seconds) / 1000, 1);
  const entered: Withdrawal['entered'] = schedule.entersRate
    ? { quantity: 'rate', value: round(rateLps, 2), unit: 'L/s' }
    : { quantity: 'volume', value: volumeM3, unit: 'm3' };
  return {
    ...firstVersionMeta(id, createdAt, schedule.reporter, schedule.method === 'estimate' ? 'received' : 'approved'),
    intakeId: schedule.intake.record.id,
    periodStart,
    periodEnd,
    volumeM3: schedule.entersRate ? round((round(rateLps, 2) * seconds) / 1000, 1) : volumeM3,
    entered,
    method: schedule.method,
    reporter: schedule.reporter,
  };
}

/** Monthly readings of one intake, each reported a few days after the month ends. */
export function* monthlyWithdrawals(schedule: WithdrawalSchedule, months: readonly SampleMonth[], nextId: () => string): Generator<Withdrawal> {
  const prng = createPrng(schedule.seed);
  for (const monthInfo of months) {
    const noise = Math.exp((schedule.method === 'estimate' ? 0.15 : 0.07) * prng.normal());
    const reportDelayDays = prng.int(1, 9);
    if (monthInfo.index > schedule.lastReportedMonthIndex || schedule.missingMonths.has(monthInfo.index)) continue;
    const rateLps = expectedRateLps(schedule, monthInfo) * noise;
    const start = isoLocal(monthInfo.year, monthInfo.month, 1);
    const end = isoLocal(monthInfo.year, monthInfo.month + 1, 1);
    const createdAt = isoLocal(monthInfo.year, monthInfo.month + 1, reportDelayDays, 14);
    yield withdrawalRecord(schedule, nextId(), start, end, monthInfo.daysInMonth * 86_400, rateLps, createdAt);
  }
}

interface CalendarDay {
  monthInfo: SampleMonth;
  start: string;
  end: string;
  reportedAt: string;
}

const calendars = new Map<string, CalendarDay[]>();

/** The days of a daily series with their timestamps, built once per series and shared by every intake. */
function dailyCalendar(firstDay: { year: number; month: number; day: number }, days: number): CalendarDay[] {
  const key = `${firstDay.year}-${firstDay.month}-${firstDay.day}-${days}`;
  const known = calendars.get(key);
  if (known) return known;
  const calendar: CalendarDay[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = new Date(Date.UTC(firstDay.year, firstDay.month - 1, firstDay.day + offset));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    calendar.push({
      monthInfo: { year, month, daysInMonth: 30, index: -1 },
      start: isoLocal(year, month, day),
      end: isoLocal(year, month, day + 1),
      reportedAt: isoLocal(year, month, day + 1, 13),
    });
  }
  calendars.set(key, calendar);
  return calendar;
}

/** Daily readings of one intake over `days` days from `firstDay` (scale basin), reported the next day. */
export function* dailyWithdrawals(
  schedule: WithdrawalSchedule,
  firstDay: { year: number; month: number; day: number },
  days: number,
  nextId: () => string,
): Generator<Withdrawal> {
  const prng = createPrng(schedule.seed);
  const calendar = dailyCalendar(firstDay, days);
  for (const entry of calendar) {
    const noise = Math.exp(0.1 * prng.normal());
    const rateLps = expectedRateLps(schedule, entry.monthInfo) * noise;
    yield withdrawalRecord(schedule, nextId(), entry.start, entry.end, 86_400, rateLps, entry.reportedAt);
  }
}
