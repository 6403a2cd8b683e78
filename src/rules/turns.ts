import type { Roster } from '../domain/agreement';
import { dayOfIsoDate, localDayOfMs, parseIsoMs } from './calendar';

/*
 * Irrigation turns as the warabandi / turnado practice keeps them: a fixed cycle repeated from a start time,
 * turns in roster order from the head of the canal to the tail, each lasting its share of the cycle (in
 * proportion to irrigated area, or a fixed number of hours) plus the holder's filling time, so that tail holders
 * are not short-changed by the time water takes to reach them. A logged swap exchanges two holders' slots in one
 * cycle; in shortage mode every turn is shortened by the same percentage (filling time kept) and the canal stays
 * closed for the rest of the cycle.
 */

const HOUR_MS = 3_600_000;

/** One turn: who holds the water, from which intakes, when (UTC ms and ISO), in which cycle. */
export interface Turn {
  readonly communityId: string;
  readonly intakeIds: readonly string[];
  readonly cycleIndex: number;
  /** Position of the slot on the roster, 0 at the head of the canal. */
  readonly slot: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly start: string;
  readonly end: string;
  /** Part of the turn granted as filling time, ms. */
  readonly fillingMs: number;
  /** True when the holder took this slot by a logged swap. */
  readonly swapped: boolean;
  /** Shortage reduction applied to this cycle, percent. */
  readonly reductionPct: number;
}

/** A roster laid out in time. */
export interface RosterSchedule {
  /** Cycle length, ms. */
  readonly cycleMs: number;
  /** UTC ms at which cycle 0 starts. */
  readonly originMs: number;
  /** The turn running at `timeMs` (UTC ms), or null before the first cycle or while the canal is closed. */
  turnAt(timeMs: number): Turn | null;
  /** Turns overlapping [startMs, endMs), in time order, for a calendar view. */
  turnsBetween(startMs: number, endMs: number): Turn[];
  /** The turns of one holder overlapping [startMs, endMs), in time order. */
  turnsOf(communityId: string, startMs: number, endMs: number): Turn[];
  /** Milliseconds of [startMs, endMs) inside turns of any of `holders` (no allocation; for scanning readings). */
  coveredMs(holders: ReadonlySet<string>, startMs: number, endMs: number): number;
  /** True when one of `holders` holds the water at `timeMs`. */
  isHeldBy(holders: ReadonlySet<string>, timeMs: number): boolean;
}

interface Slot {
  readonly communityId: string;
  readonly intakeIds: readonly string[];
  readonly offsetMs: number;
  readonly durationMs: number;
  readonly fillingMs: number;
  readonly swapped: boolean;
}

interface CycleLayout {
  readonly slots: readonly Slot[];
  readonly reductionPct: number;
}

/**
 * Lays out a roster in time. `utcOffsetMinutes` places shortage dates (local calendar days) on the time line.
 * @example buildRosterSchedule(roster).turnAt(Date.parse('2026-03-02T06:00:00Z'))?.communityId
 */
export function buildRosterSchedule(roster: Roster, utcOffsetMinutes = 0): RosterSchedule {
  const cycleMs = roster.cycleHours * HOUR_MS;
  const originMs = parseIsoMs(roster.startAt);
  const fillingTotalMs = roster.entries.reduce((sum, entry) => sum + entry.fillingHours * HOUR_MS, 0);
  const areaTotalHa = roster.entries.reduce((sum, entry) => sum + (entry.irrigatedAreaHa ?? 0), 0);
  const baseMs = roster.entries.map((entry) =>
    roster.durationMode === 'fixed'
      ? (entry.fixedHours ?? 0) * HOUR_MS
      : areaTotalHa > 0
        ? ((cycleMs - fillingTotalMs) * (entry.irrigatedAreaHa ?? 0)) / areaTotalHa
        : 0,
  );
  const shortages = roster.shortages.map((shortage) => ({
    fromDay: dayOfIsoDate(shortage.fromDate),
    toDay: dayOfIsoDate(shortage.toDate),
    reductionPct: shortage.reductionPct,
  }));
  const swapsByCycle = new Map<number, { a: string; b: string }[]>();
  for (const swap of roster.swaps) {
    const list = swapsByCycle.get(swap.cycleIndex) ?? [];
    list.push({ a: swap.communityA, b: swap.communityB });
    swapsByCycle.set(swap.cycleIndex, list);
  }

  const layouts = new Map<number, CycleLayout>();
  const layoutOf = (cycleIndex: number): CycleLayout => {
    const cached = layouts.get(cycleIndex);
    if (cached) return cached;
    const startDay = localDayOfMs(originMs + cycleIndex * cycleMs, utcOffsetMinutes);
    // The last matching shortage wins, so a later, stricter entry in the log overrides an earlier one.
    let reductionPct = 0;
    for (const shortage of shortages)
      if (startDay >= shortage.fromDay && startDay <= shortage.toDay) reductionPct = shortage.reductionPct;
    const holders = roster.entries.map((entry) => ({
      communityId: entry.communityId,
      intakeIds: entry.intakeIds,
      swapped: false,
    }));
    for (const swap of swapsByCycle.get(cycleIndex) ?? []) {
      const indexA = holders.findIndex((holder) => holder.communityId === swap.a);
      const indexB = holders.findIndex((holder) => holder.communityId === swap.b);
      const holderA = holders[indexA];
      const holderB = holders[indexB];
      if (!holderA || !holderB || indexA === indexB) continue;
      holders[indexA] = { communityId: holderB.communityId, intakeIds: holderB.intakeIds, swapped: true };
      holders[indexB] = { communityId: holderA.communityId, intakeIds: holderA.intakeIds, swapped: true };
    }
    let offsetMs = 0;
    const slots: Slot[] = roster.entries.map((entry, index) => {
      const fillingMs = entry.fillingHours * HOUR_MS;
      const durationMs = fillingMs + (baseMs[index] ?? 0) * (1 - reductionPct / 100);
      const holder = holders[index]!;
      // A plain literal, not a spread: every withdrawal of a rotation clause reads these slots.
      const slot: Slot = {
        communityId: holder.communityId,
        intakeIds: holder.intakeIds,
        swapped: holder.swapped,
        offsetMs,
        durationMs,
        fillingMs,
      };
      offsetMs += durationMs;
      return slot;
    });
    const layout = { slots, reductionPct };
    if (layouts.size < 4096) layouts.set(cycleIndex, layout);
    return layout;
  };

  const turnOf = (cycleIndex: number, slotIndex: number, layout: CycleLayout): Turn => {
    const slot = layout.slots[slotIndex]!;
    const startMs = originMs + cycleIndex * cycleMs + slot.offsetMs;
    const endMs = startMs + slot.durationMs;
    return {
      communityId: slot.communityId,
      intakeIds: slot.intakeIds,
      cycleIndex,
      slot: slotIndex,
      startMs,
      endMs,
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      fillingMs: slot.fillingMs,
      swapped: slot.swapped,
      reductionPct: layout.reductionPct,
    };
  };

  const turnsBetween = (startMs: number, endMs: number, communityId: string | null): Turn[] => {
    const turns: Turn[] = [];
    if (endMs <= startMs) return turns;
    const firstCycle = Math.max(0, Math.floor((startMs - originMs) / cycleMs));
    const lastCycle = Math.floor((endMs - originMs) / cycleMs);
    for (let cycleIndex = firstCycle; cycleIndex <= lastCycle; cycleIndex++) {
      const layout = layoutOf(cycleIndex);
      const cycleStartMs = originMs + cycleIndex * cycleMs;
      for (let slotIndex = 0; slotIndex < layout.slots.length; slotIndex++) {
        const slot = layout.slots[slotIndex]!;
        if (communityId !== null && slot.communityId !== communityId) continue;
        const slotStartMs = cycleStartMs + slot.offsetMs;
        if (slot.durationMs <= 0 || slotStartMs >= endMs || slotStartMs + slot.durationMs <= startMs) continue;
        turns.push(turnOf(cycleIndex, slotIndex, layout));
      }
    }
    return turns;
  };

  const coveredMs = (holders: ReadonlySet<string>, startMs: number, endMs: number): number => {
    let covered = 0;
    if (endMs <= startMs) return covered;
    const firstCycle = Math.max(0, Math.floor((startMs - originMs) / cycleMs));
    const lastCycle = Math.floor((endMs - originMs) / cycleMs);
    for (let cycleIndex = firstCycle; cycleIndex <= lastCycle; cycleIndex++) {
      const cycleStartMs = originMs + cycleIndex * cycleMs;
      for (const slot of layoutOf(cycleIndex).slots) {
        if (!holders.has(slot.communityId)) continue;
        const from = Math.max(startMs, cycleStartMs + slot.offsetMs);
        const to = Math.min(endMs, cycleStartMs + slot.offsetMs + slot.durationMs);
        if (to > from) covered += to - from;
      }
    }
    return covered;
  };

  return {
    cycleMs,
    originMs,
    coveredMs,
    isHeldBy(holders, timeMs) {
      if (timeMs < originMs) return false;
      const cycleIndex = Math.floor((timeMs - originMs) / cycleMs);
      const offsetMs = timeMs - originMs - cycleIndex * cycleMs;
      return layoutOf(cycleIndex).slots.some(
        (slot) =>
          holders.has(slot.communityId) && offsetMs >= slot.offsetMs && offsetMs < slot.offsetMs + slot.durationMs,
      );
    },
    turnAt(timeMs) {
      if (timeMs < originMs) return null;
      const cycleIndex = Math.floor((timeMs - originMs) / cycleMs);
      const layout = layoutOf(cycleIndex);
      const offsetMs = timeMs - originMs - cycleIndex * cycleMs;
      const slotIndex = layout.slots.findIndex(
        (slot) => offsetMs >= slot.offsetMs && offsetMs < slot.offsetMs + slot.durationMs,
      );
      return slotIndex < 0 ? null : turnOf(cycleIndex, slotIndex, layout);
    },
    turnsBetween: (startMs, endMs) => turnsBetween(startMs, endMs, null),
    turnsOf: (communityId, startMs, endMs) => turnsBetween(startMs, endMs, communityId),
  };
}

/**
 * Milliseconds of [startMs, endMs) not covered by `turns` (sorted, non-overlapping), e.g. the part of a
 * withdrawal taken outside the holder's turns.
 * @example uncoveredMs(0, 10, [{ startMs: 2, endMs: 5 }]) === 7
 */
export function uncoveredMs(
  startMs: number,
  endMs: number,
  turns: readonly { startMs: number; endMs: number }[],
): number {
  let covered = 0;
  for (const turn of turns) {
    const from = Math.max(startMs, turn.startMs);
    const to = Math.min(endMs, turn.endMs);
    if (to > from) covered += to - from;
  }
  return endMs - startMs - covered;
}
