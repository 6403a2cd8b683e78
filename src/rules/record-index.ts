import type {
  Community,
  ContaminationEvent,
  Intake,
  Measurement,
  MonitoringPoint,
  RestorationSite,
  Withdrawal,
} from '../domain/records';
import { DAY_MS, dayOfIsoDate, isoTimeOfDayMs, localDayOfMs, msOfLocalDay, parseIsoMs } from './calendar';
import type { AffectedCommunity } from './finding';
import { flowsThrough, type NetworkPosition, type NetworkView } from './network-view';

/*
 * The records the rules read, indexed once: withdrawals per intake in typed arrays sorted by start, each intake
 * with a ledger of running totals per local day (so the volume of any period that starts and ends at local
 * midnight is two reads and a subtraction, whatever its length), measurements per point and parameter in time
 * order, and downstream communities per network position. Clause kinds walk only their groups; nothing scans
 * records x clauses. The index is mutable so the incremental evaluator can apply one change in place.
 */

/** The records the rules engine reads; deleted versions are ignored. */
export interface RuleRecords {
  readonly communities: readonly Community[];
  readonly intakes: readonly Intake[];
  readonly withdrawals: readonly Withdrawal[];
  readonly monitoringPoints: readonly MonitoringPoint[];
  readonly measurements: readonly Measurement[];
  readonly contaminationEvents: readonly ContaminationEvent[];
  readonly restorationSites: readonly RestorationSite[];
  /** A snapped point of each community's territory, for communities downstream that have no intake. */
  readonly communityPositions?: Readonly<Record<string, NetworkPosition>>;
}

/**
 * Volumes are judged to the millilitre: sums of readings in floating point then compare as people add them up
 * (0.2 + 2.2 + 0.6 m3 is a quota of 3 m3 exactly, although floating point makes it 3.0000000000000004).
 */
export function toMillilitre(volumeM3: number): number {
  return Math.round(volumeM3 * 1e6) / 1e6;
}

/** A ledger longer than this (40 years of days) is not built; such an intake is summed reading by reading. */
const MAX_LEDGER_DAYS = 14_610;

/**
 * Running totals of readings over local days, from its first reading's day: `volumeM3[k]` is the
 * volume before day first + k (a reading spanning several days counted pro rata to each), `started[k]` the
 * readings that start before it and `ended[k]` those whose last day is before it. A reading overlaps days
 * [a, b) when it starts before b and does not end before a, so the count is `started[b] - ended[a]`.
 */
export interface DayLedger {
  readonly utcOffsetMinutes: number;
  readonly firstDay: number;
  readonly days: number;
  readonly volumeM3: Float64Array;
  readonly started: Int32Array;
  readonly ended: Int32Array;
}

let scratchBuffer = new Float64Array(1024);

function sortScratch(length: number): Float64Array {
  if (scratchBuffer.length < length) scratchBuffer = new Float64Array(Math.max(length, 2 * scratchBuffer.length));
  return scratchBuffer;
}

/** Volumes over runs of local days [fromDays[k], toDays[k]) from a ledger into `out[k]`, m3 to the millilitre. */
function readVolumes(
  ledger: Pick<DayLedger, 'firstDay' | 'days' | 'volumeM3'>,
  fromDays: Int32Array,
  toDays: Int32Array,
  out: Float64Array,
): void {
  const { firstDay, days, volumeM3 } = ledger;
  for (let k = 0; k < fromDays.length; k++) {
    const from = Math.min(Math.max(fromDays[k]! - firstDay, 0), days);
    const to = Math.min(Math.max(toDays[k]! - firstDay, 0), days);
    out[k] = to > from ? toMillilitre(volumeM3[to]! - volumeM3[from]!) : 0;
  }
}

/** Something whose volumes over runs of local days can be read: one intake, or a group of them. */
export interface VolumeSource {
  volumesOnDays(fromDays: Int32Array, toDays: Int32Array, utcOffsetMinutes: number, out: Float64Array): void;
}

/**
 * The intakes of a group (a community's, under a clause's uses) read as one: their day ledgers added day by day,
 * so a community quota reads two numbers per period instead of two per intake and period.
 */
class GroupLedger implements VolumeSource {
  private readonly ledger: Pick<DayLedger, 'firstDay' | 'days' | 'volumeM3'>;

  constructor(members: readonly DayLedger[]) {
    const firstDay = Math.min(...members.map((member) => member.firstDay));
    const endDay = Math.max(...members.map((member) => member.firstDay + member.days));
    const days = endDay - firstDay;
    const volumeM3 = new Float64Array(days + 1);
    for (const member of members) {
      const shift = member.firstDay - firstDay;
      for (let k = 1; k <= member.days; k++) volumeM3[shift + k]! += member.volumeM3[k]! - member.volumeM3[k - 1]!;
    }
    for (let k = 1; k <= days; k++) volumeM3[k]! += volumeM3[k - 1]!;
    this.ledger = { firstDay, days, volumeM3 };
  }

  volumesOnDays(fromDays: Int32Array, toDays: Int32Array, _utcOffsetMinutes: number, out: Float64Array): void {
    readVolumes(this.ledger, fromDays, toDays, out);
  }
}

/** A group read intake by intake, when some member has no ledger (readings decades apart). */
class GroupOfSeries implements VolumeSource {
  constructor(private readonly members: readonly WithdrawalSeries[]) {}

  volumesOnDays(fromDays: Int32Array, toDays: Int32Array, utcOffsetMinutes: number, out: Float64Array): void {
    out.fill(0);
    const one = new Float64Array(fromDays.length);
    for (const member of this.members) {
      member.volumesOnDays(fromDays, toDays, utcOffsetMinutes, one);
      for (let k = 0; k < fromDays.length; k++) out[k]! += one[k]!;
    }
    for (let k = 0; k < fromDays.length; k++) out[k] = toMillilitre(out[k]!);
  }
}

/** Withdrawals of one intake, sorted by start, in parallel typed arrays (UTC ms and m3). */
export class WithdrawalSeries implements VolumeSource {
  startMs: Float64Array;
  endMs: Float64Array;
  volumeM3: Float64Array;
  ids: string[];
  length = 0;
  /** Longest withdrawal period seen, ms; an upper bound after removals, which only widens the walks. */
  maxDurationMs = 0;
  /** Built on first use for the basin's offset; any change drops it (one intake's rebuild is microseconds). */
  private ledger: DayLedger | null = null;

  constructor(capacity: number) {
    this.startMs = new Float64Array(Math.max(4, capacity));
    this.endMs = new Float64Array(Math.max(4, capacity));
    this.volumeM3 = new Float64Array(Math.max(4, capacity));
    // Sized once, as growing by push copies a daily intake's array several times over (V8 keeps arrays made
    // this way fast up to some tens of thousands of slots; beyond that it would make a slow dictionary).
    this.ids = capacity <= 16_384 ? new Array<string>(capacity) : [];
  }

  /** Appends without keeping order; call `sortByStart` after bulk appends. */
  push(id: string, startMs: number, endMs: number, volumeM3: number): void {
    if (this.length === this.startMs.length) this.grow();
    const index = this.length++;
    this.ledger = null;
    this.startMs[index] = startMs;
    this.endMs[index] = endMs;
    this.volumeM3[index] = volumeM3;
    this.ids[index] = id;
    if (endMs - startMs > this.maxDurationMs) this.maxDurationMs = endMs - startMs;
  }

  /** Sorts by start time (then id, so the order never depends on input order). */
  sortByStart(): void {
    const { startMs, ids } = this;
    const before = (i: number, j: number): number =>
      startMs[i]! - startMs[j]! || (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0);
    // The sorted prefix, comparing ids only between equal starts (a million readings pass through here).
    let prefix = 1;
    while (
      prefix < this.length &&
      (startMs[prefix - 1]! < startMs[prefix]! ||
        (startMs[prefix - 1] === startMs[prefix] && before(prefix - 1, prefix) <= 0))
    )
      prefix++;
    if (prefix >= this.length) return;
    // Readings mostly arrive in time order with a few late ones: sort only the tail, then merge it in.
    const tail = Array.from({ length: this.length - prefix }, (_, k) => prefix + k).sort(before);
    const order = new Int32Array(this.length);
    let head = 0;
    let next = 0;
    for (let k = 0; k < this.length; k++) {
      if (next >= tail.length || (head < prefix && before(head, tail[next]!) <= 0)) order[k] = head++;
      else order[k] = tail[next++]!;
    }
    // Permute in place through one scratch copy shared by every series (a million readings would otherwise
    // allocate 24 MB of new arrays on every index build).
    const scratch = sortScratch(this.length);
    for (const column of [this.startMs, this.endMs, this.volumeM3]) {
      scratch.set(column.subarray(0, this.length));
      for (let to = 0; to < this.length; to++) column[to] = scratch[order[to]!]!;
    }
    const newIds: string[] = new Array<string>(this.length);
    for (let to = 0; to < this.length; to++) newIds[to] = ids[order[to]!]!;
    this.ids = newIds;
    this.ledger = null;
  }

  /** Inserts in order. */
  insert(id: string, startMs: number, endMs: number, volumeM3: number): void {
    if (this.length === this.startMs.length) this.grow();
    let index = this.lowerBound(startMs);
    while (index < this.length && this.startMs[index] === startMs && this.ids[index]! < id) index++;
    this.startMs.copyWithin(index + 1, index, this.length);
    this.endMs.copyWithin(index + 1, index, this.length);
    this.volumeM3.copyWithin(index + 1, index, this.length);
    this.ids.splice(index, 0, id);
    this.ledger = null;
    this.startMs[index] = startMs;
    this.endMs[index] = endMs;
    this.volumeM3[index] = volumeM3;
    this.length++;
    if (endMs - startMs > this.maxDurationMs) this.maxDurationMs = endMs - startMs;
  }

  /** Removes the withdrawal `id` that starts at `startMs`; false when absent. */
  remove(id: string, startMs: number): boolean {
    let index = this.lowerBound(startMs);
    while (index < this.length && this.startMs[index] === startMs && this.ids[index] !== id) index++;
    if (index >= this.length || this.ids[index] !== id) return false;
    this.startMs.copyWithin(index, index + 1, this.length);
    this.endMs.copyWithin(index, index + 1, this.length);
    this.volumeM3.copyWithin(index, index + 1, this.length);
    this.ids.splice(index, 1);
    this.length--;
    this.ledger = null;
    return true;
  }

  /** First index whose start is >= `timeMs`. */
  lowerBound(timeMs: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.startMs[middle]! < timeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Volume in [fromMs, toMs), each withdrawal counted pro rata to the part of its period inside the range (an
   * instantaneous reading counts whole where it falls), and how many readings overlap the range.
   */
  volumeBetween(fromMs: number, toMs: number): { volumeM3: number; count: number } {
    let volumeM3 = 0;
    let count = 0;
    const { startMs, endMs, volumeM3: volumes } = this;
    for (let i = this.lowerBound(fromMs - this.maxDurationMs); i < this.length; i++) {
      const start = startMs[i]!;
      if (start >= toMs) break;
      const end = endMs[i]!;
      if (end <= start) {
        if (start >= fromMs) {
          volumeM3 += volumes[i]!;
          count++;
        }
        continue;
      }
      if (end <= fromMs) continue;
      count++;
      if (start >= fromMs && end <= toMs) volumeM3 += volumes[i]!;
      else volumeM3 += (volumes[i]! * (Math.min(end, toMs) - Math.max(start, fromMs))) / (end - start);
    }
    return { volumeM3, count };
  }

  /**
   * Volumes over runs of local days [fromDays[k], toDays[k]) into `out[k]`, m3 to the millilitre: what
   * `volumeBetween` gives over the same instants, read from the day ledger (a clause asks this for every period
   * of every intake, so it is one tight loop per intake rather than a call per period).
   */
  volumesOnDays(fromDays: Int32Array, toDays: Int32Array, utcOffsetMinutes: number, out: Float64Array): void {
    const ledger = this.ledgerAt(utcOffsetMinutes);
    if (ledger === null) return this.walkRuns(fromDays, toDays, utcOffsetMinutes, out, null);
    readVolumes(ledger, fromDays, toDays, out);
  }

  /** Without a ledger: each run's volume and reading count from the readings themselves. */
  private walkRuns(
    fromDays: Int32Array,
    toDays: Int32Array,
    utcOffsetMinutes: number,
    volumes: Float64Array | null,
    counts: Int32Array | null,
  ): void {
    for (let k = 0; k < fromDays.length; k++) {
      const fromMs = msOfLocalDay(fromDays[k]!, utcOffsetMinutes);
      const toMs = msOfLocalDay(toDays[k]!, utcOffsetMinutes);
      const found = toMs > fromMs ? this.volumeBetween(fromMs, toMs) : { volumeM3: 0, count: 0 };
      if (volumes) volumes[k] = toMillilitre(found.volumeM3);
      if (counts) counts[k] = found.count;
    }
  }

  /** Readings overlapping each run of local days [fromDays[k], toDays[k]), into `out[k]`. */
  countsOnDays(fromDays: Int32Array, toDays: Int32Array, utcOffsetMinutes: number, out: Int32Array): void {
    const ledger = this.ledgerAt(utcOffsetMinutes);
    if (ledger === null) return this.walkRuns(fromDays, toDays, utcOffsetMinutes, null, out);
    const { firstDay, days, started, ended } = ledger;
    for (let k = 0; k < fromDays.length; k++) {
      const from = Math.min(Math.max(fromDays[k]! - firstDay, 0), days);
      const to = Math.min(Math.max(toDays[k]! - firstDay, 0), days);
      out[k] = toDays[k]! > fromDays[k]! ? started[to]! - ended[from]! : 0;
    }
  }

  /** Volume over local days [fromDay, toDay), m3 to the millilitre (one run of `volumesOnDays`). */
  volumeOnDays(fromDay: number, toDay: number, utcOffsetMinutes: number): number {
    if (toDay <= fromDay) return 0;
    const ledger = this.ledgerAt(utcOffsetMinutes);
    if (ledger === null) {
      const fromMs = msOfLocalDay(fromDay, utcOffsetMinutes);
      return toMillilitre(this.volumeBetween(fromMs, msOfLocalDay(toDay, utcOffsetMinutes)).volumeM3);
    }
    const from = Math.min(Math.max(fromDay - ledger.firstDay, 0), ledger.days);
    const to = Math.min(Math.max(toDay - ledger.firstDay, 0), ledger.days);
    return to > from ? toMillilitre(ledger.volumeM3[to]! - ledger.volumeM3[from]!) : 0;
  }

  /** Readings overlapping local days [fromDay, toDay) (one run of `countsOnDays`). */
  countOnDays(fromDay: number, toDay: number, utcOffsetMinutes: number): number {
    if (toDay <= fromDay) return 0;
    const ledger = this.ledgerAt(utcOffsetMinutes);
    if (ledger === null) {
      const fromMs = msOfLocalDay(fromDay, utcOffsetMinutes);
      return this.volumeBetween(fromMs, msOfLocalDay(toDay, utcOffsetMinutes)).count;
    }
    const from = Math.min(Math.max(fromDay - ledger.firstDay, 0), ledger.days);
    const to = Math.min(Math.max(toDay - ledger.firstDay, 0), ledger.days);
    return ledger.started[to]! - ledger.ended[from]!;
  }

  /** The intake's day ledger at the basin's offset, built on first use; null when its readings span too long. */
  ledgerAt(utcOffsetMinutes: number): DayLedger | null {
    const known = this.ledger;
    if (known !== null && known.utcOffsetMinutes === utcOffsetMinutes) return known;
    if (this.length === 0) return null;
    const offsetMs = utcOffsetMinutes * 60_000;
    const { startMs, endMs, volumeM3: volumes } = this;
    const lastDayOf = (i: number): number => {
      const start = startMs[i]!;
      const end = endMs[i]!;
      return Math.floor(((end > start ? end - 1 : start) + offsetMs) / DAY_MS);
    };
    const firstDay = Math.floor((startMs[0]! + offsetMs) / DAY_MS);
    let lastDay = firstDay;
    for (let i = 0; i < this.length; i++) lastDay = Math.max(lastDay, lastDayOf(i));
    const days = lastDay - firstDay + 1;
    if (days > MAX_LEDGER_DAYS) return null;
    // Per-day amounts at k + 1, then running sums in place.
    const volumeM3 = new Float64Array(days + 1);
    const started = new Int32Array(days + 1);
    const ended = new Int32Array(days + 1);
    for (let i = 0; i < this.length; i++) {
      const start = startMs[i]!;
      const end = endMs[i]!;
      const first = Math.floor((start + offsetMs) / DAY_MS);
      const last = lastDayOf(i);
      started[first - firstDay + 1]!++;
      ended[last - firstDay + 1]!++;
      if (first === last) {
        volumeM3[first - firstDay + 1]! += volumes[i]!;
        continue;
      }
      const perMs = volumes[i]! / (end - start);
      for (let day = first; day <= last; day++) {
        const dayStart = day * DAY_MS - offsetMs;
        volumeM3[day - firstDay + 1]! += perMs * (Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart));
      }
    }
    for (let k = 1; k <= days; k++) {
      volumeM3[k]! += volumeM3[k - 1]!;
      started[k]! += started[k - 1]!;
      ended[k]! += ended[k - 1]!;
    }
    this.ledger = { utcOffsetMinutes, firstDay, days, volumeM3, started, ended };
    return this.ledger;
  }

  /** Indexes of the withdrawals overlapping [fromMs, toMs), in start order. */
  indexesBetween(fromMs: number, toMs: number): number[] {
    const indexes: number[] = [];
    for (let i = this.lowerBound(fromMs - this.maxDurationMs); i < this.length; i++) {
      const start = this.startMs[i]!;
      if (start >= toMs) break;
      const end = this.endMs[i]!;
      if (end > fromMs || (end <= start && start >= fromMs)) indexes.push(i);
    }
    return indexes;
  }

  private grow(): void {
    const capacity = this.startMs.length * 2;
    const start = new Float64Array(capacity);
    const end = new Float64Array(capacity);
    const volume = new Float64Array(capacity);
    start.set(this.startMs);
    end.set(this.endMs);
    volume.set(this.volumeM3);
    this.startMs = start;
    this.endMs = end;
    this.volumeM3 = volume;
  }
}

/** A measurement with its time parsed. */
export interface IndexedMeasurement {
  readonly record: Measurement;
  readonly timeMs: number;
}

/** A contamination event with its times parsed (UTC ms). */
export interface IndexedEvent {
  readonly record: ContaminationEvent;
  readonly observedMs: number;
  readonly closedMs: number | null;
  /** The first warning sent to each community (UTC ms), read once rather than for every clause that asks. */
  readonly firstWarnedMs: ReadonlyMap<string, number>;
}

/** An event with the basin-local day number it was observed on. */
export interface DatedEvent {
  readonly id: string;
  readonly day: number;
  /** Position in the time order of all events. */
  readonly rank: number;
  readonly entry: IndexedEvent;
}

const positionKey = (position: NetworkPosition): string => `${position.reachId}|${position.fraction}`;

/** An intake or community point that a downstream search can reach, with its distance to the outlet once known. */
interface DownstreamTarget {
  readonly communityId: string;
  readonly community: number;
  readonly position: NetworkPosition;
  kmToOutlet: number | undefined;
}

function compareAffected(a: AffectedCommunity, b: AffectedCommunity): number {
  return a.distanceKm - b.distanceKm || (a.communityId < b.communityId ? -1 : a.communityId > b.communityId ? 1 : 0);
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isInTimeOrder(list: readonly IndexedMeasurement[]): boolean {
  for (let k = 1; k < list.length; k++) if (byTime(list[k - 1]!, list[k]!) > 0) return false;
  return true;
}

function byTime(a: IndexedMeasurement, b: IndexedMeasurement): number {
  return a.timeMs - b.timeMs || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}

/** The indexed records plus the network, shared by every clause kind during one evaluation. */
export class RecordIndex {
  readonly communities = new Map<string, Community>();
  readonly intakes: Intake[] = [];
  readonly intakeIndex = new Map<string, number>();
  readonly series: WithdrawalSeries[] = [];
  readonly intakesOfCommunity = new Map<string, number[]>();
  readonly points = new Map<string, MonitoringPoint>();
  /** Measurements by `${pointId}|${parameter}`, in time order. */
  readonly measurements = new Map<string, IndexedMeasurement[]>();
  /** Parameters measured at each point. */
  readonly parametersOfPoint = new Map<string, Set<string>>();
  readonly events = new Map<string, IndexedEvent>();
  private eventOrder: IndexedEvent[] | null = null;
  readonly sitesOfCommunity = new Map<string, RestorationSite[]>();
  readonly communityPositions: Readonly<Record<string, NetworkPosition>>;
  private readonly downstreamCache = new Map<string, AffectedCommunity[]>();
  /** The same answers by position object, which saves building the string key for every event of every clause. */
  private readonly downstreamByPosition = new WeakMap<NetworkPosition, AffectedCommunity[]>();
  private readonly communityDownstreamCache = new Map<string, AffectedCommunity[]>();
  private readonly upstreamCache = new Map<string, Int32Array>();
  private readonly upstreamByPosition = new WeakMap<NetworkPosition, Int32Array>();

  constructor(
    records: RuleRecords,
    readonly network: NetworkView,
  ) {
    this.communityPositions = records.communityPositions ?? {};
    for (const community of records.communities) if (!community.deleted) this.communities.set(community.id, community);
    const liveIntakes = records.intakes
      .filter((intake) => !intake.deleted)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const intake of liveIntakes) {
      const index = this.intakes.length;
      this.intakes.push(intake);
      this.intakeIndex.set(intake.id, index);
      const list = this.intakesOfCommunity.get(intake.communityId) ?? [];
      list.push(index);
      this.intakesOfCommunity.set(intake.communityId, list);
    }
    // Indexed loops over the million withdrawals: a for-of here runs before the constructor is optimised and
    // allocates an iterator result per record. The intake of each withdrawal is looked up once.
    const withdrawals = records.withdrawals;
    const intakeOf = new Int32Array(withdrawals.length);
    const counts = new Int32Array(this.intakes.length);
    // Readings usually come grouped by intake (the store's order), so the previous lookup mostly answers.
    let lastIntakeId = '';
    let lastIndex: number | undefined;
    for (let k = 0; k < withdrawals.length; k++) {
      const withdrawal = withdrawals[k]!;
      if (withdrawal.intakeId !== lastIntakeId) {
        lastIntakeId = withdrawal.intakeId;
        lastIndex = this.intakeIndex.get(lastIntakeId);
      }
      const index = withdrawal.deleted ? undefined : lastIndex;
      intakeOf[k] = index ?? -1;
      if (index !== undefined) counts[index]!++;
    }
    for (let i = 0; i < this.intakes.length; i++) this.series.push(new WithdrawalSeries(counts[i]!));
    for (let k = 0; k < withdrawals.length; k++) {
      const index = intakeOf[k]!;
      if (index < 0) continue;
      const withdrawal = withdrawals[k]!;
      // Parsed by parts: parseIsoMs's result would be boxed on each of two million calls.
      const start = withdrawal.periodStart;
      const end = withdrawal.periodEnd;
      const startMs = dayOfIsoDate(start) * DAY_MS + isoTimeOfDayMs(start);
      const endMs = dayOfIsoDate(end) * DAY_MS + isoTimeOfDayMs(end);
      this.series[index]!.push(withdrawal.id, startMs, endMs, withdrawal.volumeM3);
    }
    for (const series of this.series) series.sortByStart();
    for (const point of records.monitoringPoints) if (!point.deleted) this.points.set(point.id, point);
    const measurements = records.measurements;
    for (let k = 0; k < measurements.length; k++)
      if (!measurements[k]!.deleted) this.addMeasurementUnsorted(measurements[k]!);
    for (const list of this.measurements.values()) if (!isInTimeOrder(list)) list.sort(byTime);
    for (const event of records.contaminationEvents) if (!event.deleted) this.putEvent(event);
    for (const site of records.restorationSites) if (!site.deleted) this.putSite(site, false);
    for (const list of this.sitesOfCommunity.values()) list.sort(byId);
  }

  /** Position of an intake on the network, or null when it is not snapped. */
  intakePosition(index: number): NetworkPosition | null {
    return this.intakes[index]?.snap ?? null;
  }

  /**
   * Volume of intake `index` over [fromMs, toMs), m3 to the millilitre, each reading counted pro rata to the part
   * of its period inside the range. Ranges from local midnight to local midnight read the intake's day ledger.
   */
  volumeOf(index: number, fromMs: number, toMs: number, utcOffsetMinutes: number): number {
    const series = this.series[index]!;
    const fromDay = localDayOfMs(fromMs, utcOffsetMinutes);
    const toDay = localDayOfMs(toMs, utcOffsetMinutes);
    if (msOfLocalDay(fromDay, utcOffsetMinutes) === fromMs && msOfLocalDay(toDay, utcOffsetMinutes) === toMs) {
      return series.volumeOnDays(fromDay, toDay, utcOffsetMinutes);
    }
    return toMillilitre(series.volumeBetween(fromMs, toMs).volumeM3);
  }

  /**
   * Readings of every intake overlapping each run of local days, row by intake: `counts[i * runs + k]`. Shared by
   * every clause that asks for the same runs (reporting duties mostly ask for the same months), until a withdrawal
   * changes.
   */
  readingCountsOnDays(fromDays: Int32Array, toDays: Int32Array, utcOffsetMinutes: number): Int32Array {
    const key = `${utcOffsetMinutes}|${fromDays.join(',')}|${toDays.join(',')}`;
    const known = this.countsCache.get(key);
    if (known) return known;
    const runs = fromDays.length;
    const counts = new Int32Array(this.series.length * runs);
    const row = new Int32Array(runs);
    for (let i = 0; i < this.series.length; i++) {
      this.series[i]!.countsOnDays(fromDays, toDays, utcOffsetMinutes, row);
      counts.set(row, i * runs);
    }
    this.countsCache.set(key, counts);
    return counts;
  }

  private readonly countsCache = new Map<string, Int32Array>();

  /** The intakes `indexes` read as one volume source (cached until a withdrawal changes). */
  groupSource(indexes: readonly number[], utcOffsetMinutes: number): VolumeSource {
    const key = `${utcOffsetMinutes}|${indexes.join(',')}`;
    let source = this.groupCache.get(key);
    if (!source) {
      // Intakes without readings add nothing; a member without a ledger makes the group read intake by intake.
      const members = indexes.map((i) => this.series[i]!).filter((member) => member.length > 0);
      const ledgers = members.map((member) => member.ledgerAt(utcOffsetMinutes));
      const complete = ledgers.filter((ledger): ledger is DayLedger => ledger !== null);
      source =
        members.length > 0 && complete.length === members.length
          ? new GroupLedger(complete)
          : new GroupOfSeries(members);
      this.groupCache.set(key, source);
    }
    return source;
  }

  private readonly groupCache = new Map<string, VolumeSource>();

  /** Adds or removes a withdrawal (the intake's day ledger is rebuilt on its next use). */
  applyWithdrawal(withdrawal: Withdrawal, present: boolean): void {
    const index = this.intakeIndex.get(withdrawal.intakeId);
    if (index === undefined) return;
    const series = this.series[index]!;
    this.countsCache.clear();
    this.groupCache.clear();
    const startMs = parseIsoMs(withdrawal.periodStart);
    if (present) series.insert(withdrawal.id, startMs, parseIsoMs(withdrawal.periodEnd), withdrawal.volumeM3);
    else series.remove(withdrawal.id, startMs);
  }

  /** Adds or removes a measurement. */
  applyMeasurement(measurement: Measurement, present: boolean): void {
    const key = `${measurement.pointId}|${measurement.parameter}`;
    const list = this.measurements.get(key) ?? [];
    const existing = list.findIndex((item) => item.record.id === measurement.id);
    if (existing >= 0) list.splice(existing, 1);
    if (present) {
      const item = { record: measurement, timeMs: parseIsoMs(measurement.time) };
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (byTime(list[middle]!, item) < 0) low = middle + 1;
        else high = middle;
      }
      list.splice(low, 0, item);
      this.parametersOf(measurement.pointId).add(measurement.parameter);
    }
    this.measurements.set(key, list);
  }

  /**
   * Every event ordered by observation time, then id, each with the basin-local day it was observed on (a day
   * number); shared by every event clause of an evaluation.
   */
  eventDaysInTimeOrder(utcOffsetMinutes: number): readonly DatedEvent[] {
    return this.datedEventsAt(utcOffsetMinutes).all;
  }

  /** The same list for the given pollutant classes only, still in time order (each event once). */
  eventDaysOfClasses(utcOffsetMinutes: number, classes: readonly string[]): readonly DatedEvent[] {
    const { byClass } = this.datedEventsAt(utcOffsetMinutes);
    const unique = [...new Set(classes)];
    if (unique.length === 1) return byClass.get(unique[0]!) ?? [];
    const found: DatedEvent[] = [];
    for (const pollutantClass of unique) for (const dated of byClass.get(pollutantClass) ?? []) found.push(dated);
    return found.sort((a, b) => a.rank - b.rank);
  }

  private datedEventsAt(utcOffsetMinutes: number): { all: DatedEvent[]; byClass: Map<string, DatedEvent[]> } {
    if (this.datedEvents === null || this.datedEventsOffset !== utcOffsetMinutes) {
      const all = this.eventsInTimeOrder().map((entry, rank) => ({
        id: entry.record.id,
        day: localDayOfMs(entry.observedMs, utcOffsetMinutes),
        rank,
        entry,
      }));
      const byClass = new Map<string, DatedEvent[]>();
      for (const dated of all) {
        const list = byClass.get(dated.entry.record.pollutantClass);
        if (list) list.push(dated);
        else byClass.set(dated.entry.record.pollutantClass, [dated]);
      }
      this.datedEvents = { all, byClass };
      this.datedEventsOffset = utcOffsetMinutes;
    }
    return this.datedEvents;
  }

  private datedEvents: { all: DatedEvent[]; byClass: Map<string, DatedEvent[]> } | null = null;
  private datedEventsOffset = 0;

  /** Every event ordered by observation time, then id. */
  eventsInTimeOrder(): readonly IndexedEvent[] {
    this.eventOrder ??= [...this.events.values()].sort(
      (a, b) => a.observedMs - b.observedMs || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
    );
    return this.eventOrder;
  }

  /** Adds, replaces or removes a contamination event. */
  applyEvent(event: ContaminationEvent, present: boolean): void {
    this.eventOrder = null;
    this.datedEvents = null;
    if (present && !event.deleted) this.putEvent(event);
    else this.events.delete(event.id);
  }

  /** Adds, replaces or removes a restoration site. */
  applySite(site: RestorationSite, present: boolean): void {
    for (const [communityId, list] of this.sitesOfCommunity) {
      const index = list.findIndex((item) => item.id === site.id);
      if (index >= 0) {
        list.splice(index, 1);
        if (list.length === 0) this.sitesOfCommunity.delete(communityId);
      }
    }
    if (present && !site.deleted) this.putSite(site);
  }

  /** Measurements of `parameter` at `pointId` in [fromMs, toMs), in time order. */
  measurementsBetween(pointId: string, parameter: string, fromMs: number, toMs: number): IndexedMeasurement[] {
    const list = this.measurements.get(`${pointId}|${parameter}`);
    if (!list) return [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.timeMs < fromMs) low = middle + 1;
      else high = middle;
    }
    const found: IndexedMeasurement[] = [];
    for (let i = low; i < list.length && list[i]!.timeMs < toMs; i++) found.push(list[i]!);
    return found;
  }

  /** Communities with an intake (or territory point) downstream of `position`, nearest first. */
  downstreamOf(position: NetworkPosition): AffectedCommunity[] {
    const known = this.downstreamByPosition.get(position);
    if (known) return known;
    const key = positionKey(position);
    const cached = this.downstreamCache.get(key);
    if (cached) {
      this.downstreamByPosition.set(position, cached);
      return cached;
    }
    // The nearest distance per community, in a scratch array reused by every call (thousands of events each ask).
    const { best, touched } = this.scratchOfCommunities();
    let touchedCount = 0;
    const keep = (community: number, distanceKm: number): void => {
      if (best[community]! === Infinity) touched[touchedCount++] = community;
      if (distanceKm < best[community]!) best[community] = distanceKm;
    };
    const network = this.network;
    if (network.downstreamReaches && network.distanceToOutletKm) {
      // Walk the main path to the outlet and pick up what sits on each reach: a few dozen reaches instead of
      // every intake of the basin.
      const originKm = network.distanceToOutletKm(position);
      for (const target of this.targetsOnReach().get(position.reachId) ?? []) {
        if (target.position.fraction < position.fraction) continue;
        target.kmToOutlet ??= network.distanceToOutletKm(target.position);
        keep(target.community, Math.max(0, originKm - target.kmToOutlet));
      }
      for (const target of this.targetsBelow(position.reachId)) {
        target.kmToOutlet ??= network.distanceToOutletKm(target.position);
        keep(target.community, Math.max(0, originKm - target.kmToOutlet));
      }
    } else {
      for (const targets of this.targetsOnReach().values()) {
        for (const target of targets) {
          if (!flowsThrough(network, position, target.position)) continue;
          keep(target.community, network.flowDistanceKm(position, target.position) ?? 0);
        }
      }
    }
    const affected: AffectedCommunity[] = new Array<AffectedCommunity>(touchedCount);
    for (let k = 0; k < touchedCount; k++) {
      const community = touched[k]!;
      affected[k] = { communityId: this.communityIds[community]!, distanceKm: best[community]! };
      best[community] = Infinity;
    }
    // Insertion sort: the lists are short, and Array.prototype.sort would allocate for each of thousands of them.
    for (let k = 1; k < affected.length; k++) {
      const item = affected[k]!;
      let at = k;
      while (at > 0 && compareAffected(affected[at - 1]!, item) > 0) {
        affected[at] = affected[at - 1]!;
        at--;
      }
      affected[at] = item;
    }
    this.downstreamCache.set(key, affected);
    this.downstreamByPosition.set(position, affected);
    return affected;
  }

  private targetsByReach: Map<string, DownstreamTarget[]> | null = null;
  /** Community numbers for the downstream search's scratch arrays. */
  private readonly communityNumbers = new Map<string, number>();
  private readonly communityIds: string[] = [];
  private scratch: { best: Float64Array; touched: Int32Array } | null = null;

  private communityNumber(communityId: string): number {
    let number = this.communityNumbers.get(communityId);
    if (number === undefined) {
      number = this.communityIds.length;
      this.communityIds.push(communityId);
      this.communityNumbers.set(communityId, number);
      this.scratch = null;
    }
    return number;
  }

  private scratchOfCommunities(): { best: Float64Array; touched: Int32Array } {
    this.targetsOnReach();
    this.scratch ??= {
      best: new Float64Array(this.communityIds.length).fill(Infinity),
      touched: new Int32Array(this.communityIds.length),
    };
    return this.scratch;
  }

  /**
   * Targets on the reaches below `reachId` on its main path to the outlet (the reach itself excluded), kept per
   * reach: events and intakes on one reach share the walk.
   */
  private targetsBelow(reachId: string): readonly DownstreamTarget[] {
    let below = this.targetsBelowReach.get(reachId);
    if (!below) {
      below = [];
      const onReach = this.targetsOnReach();
      const path = this.network.downstreamReaches?.(reachId, 'DM') ?? [];
      for (let k = 1; k < path.length; k++) for (const target of onReach.get(path[k]!) ?? []) below.push(target);
      this.targetsBelowReach.set(reachId, below);
    }
    return below;
  }

  private readonly targetsBelowReach = new Map<string, DownstreamTarget[]>();

  /** Snapped intakes and community points grouped by reach. */
  private targetsOnReach(): Map<string, DownstreamTarget[]> {
    if (this.targetsByReach) return this.targetsByReach;
    const byReach = new Map<string, DownstreamTarget[]>();
    const add = (communityId: string, position: NetworkPosition): void => {
      const list = byReach.get(position.reachId) ?? [];
      list.push({ communityId, community: this.communityNumber(communityId), position, kmToOutlet: undefined });
      byReach.set(position.reachId, list);
    };
    for (const intake of this.intakes) if (intake.snap) add(intake.communityId, intake.snap);
    for (const [communityId, position] of Object.entries(this.communityPositions)) add(communityId, position);
    this.targetsByReach = byReach;
    return byReach;
  }

  /** Communities downstream of intake `index`, its own community excluded, nearest first (cached). */
  downstreamOfIntake(index: number): readonly AffectedCommunity[] {
    let affected = this.intakeDownstreamCache.get(index);
    if (!affected) {
      const intake = this.intakes[index]!;
      affected = intake.snap
        ? this.downstreamOf(intake.snap).filter((item) => item.communityId !== intake.communityId)
        : [];
      this.intakeDownstreamCache.set(index, affected);
    }
    return affected;
  }

  private readonly intakeDownstreamCache = new Map<number, readonly AffectedCommunity[]>();

  /** Communities downstream of any intake of `communityId`, itself excluded, nearest first. */
  downstreamOfCommunity(communityId: string): AffectedCommunity[] {
    const cached = this.communityDownstreamCache.get(communityId);
    if (cached) return cached;
    const nearest = new Map<string, number>();
    const positions = (this.intakesOfCommunity.get(communityId) ?? []).map((index) => this.intakePosition(index));
    const own = this.communityPositions[communityId];
    for (const position of own ? [...positions, own] : positions) {
      if (!position) continue;
      for (const item of this.downstreamOf(position)) {
        if (item.communityId === communityId) continue;
        const known = nearest.get(item.communityId);
        if (known === undefined || item.distanceKm < known) nearest.set(item.communityId, item.distanceKm);
      }
    }
    const affected = [...nearest].map(([id, distanceKm]) => ({ communityId: id, distanceKm })).sort(compareAffected);
    this.communityDownstreamCache.set(communityId, affected);
    return affected;
  }

  /**
   * Intakes whose withdrawals reduce the flow at `position`: upstream of it, unless a diversion returns its water
   * upstream of it too. Sorted by intake index.
   */
  consumptiveIntakesUpstreamOf(position: NetworkPosition): Int32Array {
    const known = this.upstreamByPosition.get(position);
    if (known) return known;
    const key = positionKey(position);
    const cached = this.upstreamCache.get(key);
    if (cached) {
      this.upstreamByPosition.set(position, cached);
      return cached;
    }
    const found: number[] = [];
    this.intakes.forEach((intake, index) => {
      if (!intake.snap || !flowsThrough(this.network, intake.snap, position)) return;
      if (intake.returnSnap && flowsThrough(this.network, intake.returnSnap, position)) return;
      found.push(index);
    });
    const upstream = Int32Array.from(found);
    this.upstreamCache.set(key, upstream);
    this.upstreamByPosition.set(position, upstream);
    return upstream;
  }

  private parametersOf(pointId: string): Set<string> {
    let parameters = this.parametersOfPoint.get(pointId);
    if (!parameters) {
      parameters = new Set();
      this.parametersOfPoint.set(pointId, parameters);
    }
    return parameters;
  }

  private addMeasurementUnsorted(measurement: Measurement): void {
    // Measurements usually come grouped by point and parameter, so the previous list mostly answers.
    let list = this.lastMeasurementList;
    if (list === null || measurement.pointId !== this.lastPointId || measurement.parameter !== this.lastParameter) {
      const key = `${measurement.pointId}|${measurement.parameter}`;
      list = this.measurements.get(key) ?? null;
      if (!list) {
        list = [];
        this.measurements.set(key, list);
        this.parametersOf(measurement.pointId).add(measurement.parameter);
      }
      this.lastMeasurementList = list;
      this.lastPointId = measurement.pointId;
      this.lastParameter = measurement.parameter;
    }
    const time = measurement.time;
    list.push({ record: measurement, timeMs: dayOfIsoDate(time) * DAY_MS + isoTimeOfDayMs(time) });
  }

  private lastMeasurementList: IndexedMeasurement[] | null = null;
  private lastPointId = '';
  private lastParameter = '';

  private putEvent(event: ContaminationEvent): void {
    const firstWarnedMs = new Map<string, number>();
    for (const notification of event.notifications) {
      const sentMs = parseIsoMs(notification.sentAt);
      if (!(sentMs >= (firstWarnedMs.get(notification.communityId) ?? Infinity))) {
        firstWarnedMs.set(notification.communityId, sentMs);
      }
    }
    this.events.set(event.id, {
      record: event,
      observedMs: parseIsoMs(event.observedAt),
      closedMs: event.closedAt === null ? null : parseIsoMs(event.closedAt),
      firstWarnedMs,
    });
  }

  private putSite(site: RestorationSite, sort = true): void {
    const list = this.sitesOfCommunity.get(site.communityId) ?? [];
    list.push(site);
    if (sort) list.sort(byId);
    this.sitesOfCommunity.set(site.communityId, list);
  }
}
