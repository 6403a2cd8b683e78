import type { Agreement } from '../../../src/domain/agreement';
import type { Decision, Withdrawal } from '../../../src/domain/records';
import { RiverNetwork } from '../../../src/hydrology/river-network';
import type { RecordKind } from '../../../src/ports/repository';
import type { Finding } from '../../../src/rules/finding';
import { IncrementalEvaluator, type RecordChange, type RecordKinds, whatIf } from '../../../src/rules/incremental';
import type { NetworkPosition } from '../../../src/rules/network-view';
import type { RuleRecords } from '../../../src/rules/record-index';
import { NATIONAL_STANDARD_META_KEY, tableInForce } from '../../../src/field/guidelines';
import { WHO_GUIDELINES, type GuidelineTable } from '../../../src/rules/who-guidelines';
import type { StoredBasin } from '../../session/basin-files';
import type { WatershedDatabase } from '../../store/db';

/*
 * The findings engine the worker runs: it reads the records from the store once, keeps an IncrementalEvaluator
 * warm, and follows the audit log (every write appends to it in the same transaction), so a change to one record
 * re-evaluates only the groups that record can touch. Kept free of worker plumbing so tests drive it directly.
 */

/** Table names of the kinds the rules read, with the evaluator's kind names. */
export const RULE_KINDS: Readonly<Partial<Record<RecordKind, keyof RecordKinds>>> = {
  withdrawals: 'withdrawal',
  measurements: 'measurement',
  contaminationEvents: 'contamination-event',
  restorationSites: 'restoration-site',
  intakes: 'intake',
  communities: 'community',
  monitoringPoints: 'monitoring-point',
  agreements: 'agreement',
  decisions: 'decision',
};

/** The shared period filter's dates, inclusive. */
export interface PeriodRange {
  readonly start: string;
  readonly end: string;
}

/** What a what-if answers: findings the change would create, clear, or change (rung, status, values). */
export interface WhatIfResult {
  readonly created: Finding[];
  readonly cleared: Finding[];
  readonly changed: Finding[];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO offset for minutes east of UTC, e.g. -300 -> '-05:00'. */
export function isoOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Today's date in the basin's local calendar. */
export function localToday(utcOffsetMinutes: number, nowMs = Date.now()): string {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The period the evaluator judges and the moment it judges at: the shared filter clipped to the data (from the
 * first record) and to "now" (the basin's reference date, else today), at noon local time.
 * @example evaluationWindow({ start: '1900-01-01', end: '2999-12-31' }, '2023-11-01', '2026-11-01', -300)
 *   // { period: { start: '2023-11-01', end: '2026-11-01' }, now: '2026-11-01T12:00:00-05:00' }
 */
export function evaluationWindow(
  filter: PeriodRange,
  earliestDay: string | null,
  today: string,
  utcOffsetMinutes: number,
): { period: PeriodRange; now: string } {
  const start = earliestDay !== null && earliestDay > filter.start ? earliestDay : filter.start;
  const end = filter.end < today ? filter.end : today;
  return { period: { start: start <= end ? start : end, end }, now: `${today}T12:00:00${isoOffset(utcOffsetMinutes)}` };
}

/** The earliest calendar date any record of the rules speaks about, or null when there is none. */
export function earliestDayOf(records: RuleRecords): string | null {
  let earliest: string | null = null;
  const see = (iso: string): void => {
    const day = iso.slice(0, 10);
    if (earliest === null || day < earliest) earliest = day;
  };
  for (const withdrawal of records.withdrawals) see(withdrawal.periodStart);
  for (const measurement of records.measurements) see(measurement.time);
  for (const event of records.contaminationEvents) see(event.observedAt);
  for (const site of records.restorationSites) see(site.workDate);
  return earliest;
}

/** Each community's anchor snapped to the river, as the session computes it. */
export function communityPositionsOf(basin: StoredBasin, network: RiverNetwork): Record<string, NetworkPosition> {
  const positions: Record<string, NetworkPosition> = {};
  for (const community of basin.info.communities) {
    const snapped = network.snap(community.anchor, basin.info.settings.snapToleranceM * 20);
    if (snapped.ok) positions[community.id] = snapped.position;
  }
  return positions;
}

/** Records of the rules plus agreements and decisions, live versions only. */
export interface StoredRuleRecords extends RuleRecords {
  readonly agreements: readonly Agreement[];
  readonly decisions: readonly Decision[];
}

const live = <T extends { deleted: boolean }>(rows: readonly T[]): T[] => rows.filter((row) => !row.deleted);

/** Reads every record the rules need, and the audit head they were read at, in one transaction. */
export async function readRuleRecords(db: WatershedDatabase): Promise<{ records: StoredRuleRecords; seq: number }> {
  const tables = Object.keys(RULE_KINDS).map((kind) => db.table(kind));
  return db.transaction('r', [...tables, db.audit], async () => {
    const [
      communities,
      intakes,
      withdrawals,
      monitoringPoints,
      measurements,
      contaminationEvents,
      restorationSites,
      agreements,
      decisions,
      last,
    ] = await Promise.all([
      db.recordTable('communities').toArray(),
      db.recordTable('intakes').toArray(),
      db.recordTable('withdrawals').toArray(),
      db.recordTable('monitoringPoints').toArray(),
      db.recordTable('measurements').toArray(),
      db.recordTable('contaminationEvents').toArray(),
      db.recordTable('restorationSites').toArray(),
      db.recordTable('agreements').toArray(),
      db.recordTable('decisions').toArray(),
      db.audit.orderBy('seq').last(),
    ]);
    return {
      records: {
        communities: live(communities),
        intakes: live(intakes),
        withdrawals: live(withdrawals),
        monitoringPoints: live(monitoringPoints),
        measurements: live(measurements),
        contaminationEvents: live(contaminationEvents),
        restorationSites: live(restorationSites),
        agreements: live(agreements),
        decisions: live(decisions),
      },
      seq: last?.seq ?? 0,
    };
  });
}

/** A withdrawal as a form would save it, made whole for a what-if (placeholder id and meta fields). */
export function draftWithdrawal(draft: Omit<Withdrawal, 'id' | 'version'>, replaces: Withdrawal | null): Withdrawal {
  return { ...draft, id: replaces?.id ?? 'what-if:draft', version: (replaces?.version ?? 0) + 1, deleted: false };
}

async function readNationalStandard(db: WatershedDatabase): Promise<unknown> {
  return (await db.meta.get(NATIONAL_STANDARD_META_KEY))?.value ?? null;
}

/** Holds the evaluation of one store and keeps it current. */
export class FindingsEngine {
  private evaluator: IncrementalEvaluator;
  private earliest: string | null = null;
  private built: { period: PeriodRange; now: string } = { period: { start: '', end: '' }, now: '' };
  private seq: number;
  private filter: PeriodRange;
  /** The water-quality table in force: WHO, with the committee's national standard over it when saved. */
  private guidelines: GuidelineTable = WHO_GUIDELINES;
  private guidelinesKey = 'null';

  private constructor(
    private readonly db: WatershedDatabase,
    private readonly network: RiverNetwork,
    private readonly positions: Record<string, NetworkPosition>,
    private readonly basin: StoredBasin,
    records: StoredRuleRecords,
    seq: number,
    filter: PeriodRange,
    nationalStandard: unknown,
    private readonly today: () => string,
  ) {
    this.seq = seq;
    this.filter = filter;
    this.useStandard(nationalStandard);
    this.evaluator = this.build(records);
  }

  /** Takes the stored national standard (null: none); true when it differs from the one in use. */
  private useStandard(stored: unknown): boolean {
    const key = JSON.stringify(stored);
    if (key === this.guidelinesKey) return false;
    this.guidelinesKey = key;
    this.guidelines = tableInForce(WHO_GUIDELINES, stored);
    return true;
  }

  /** Reads the national standard; true when it changed since the last read. */
  private async readGuidelines(): Promise<boolean> {
    return this.useStandard(await readNationalStandard(this.db));
  }

  /** Opens the engine over a store whose basin is imported; `today` overrides the clock (tests). */
  static async open(db: WatershedDatabase, filter: PeriodRange, today?: () => string): Promise<FindingsEngine> {
    const basin = (await db.meta.get('basin'))?.value as StoredBasin | undefined;
    if (!basin) throw new Error('findings.error.noBasin');
    const { network } = RiverNetwork.fromGeoJson(basin.reaches);
    const positions = communityPositionsOf(basin, network);
    const { records, seq } = await readRuleRecords(db);
    const settings = basin.info.settings;
    const clock = today ?? (() => settings.referenceDate ?? localToday(settings.utcOffsetMinutes));
    // The national standard is read before the first evaluation, which then judges samples against it once.
    const standard = await readNationalStandard(db);
    return new FindingsEngine(db, network, positions, basin, records, seq, filter, standard, clock);
  }

  /** The day findings are judged at (the basin's reference date, else today). */
  get referenceDate(): string {
    return this.today();
  }

  /** The window judged now. */
  window(records: RuleRecords = this.evaluator.records()): { period: PeriodRange; now: string } {
    return evaluationWindow(
      this.filter,
      earliestDayOf(records),
      this.today(),
      this.basin.info.settings.utcOffsetMinutes,
    );
  }

  private noteEarliest(change: RecordChange): void {
    if (change.op !== 'put') return;
    const record = change.record as Partial<Record<'periodStart' | 'time' | 'observedAt' | 'workDate', string>>;
    const iso = record.periodStart ?? record.time ?? record.observedAt ?? record.workDate;
    const day = iso?.slice(0, 10);
    if (day !== undefined && (this.earliest === null || day < this.earliest)) this.earliest = day;
  }

  private build(records: StoredRuleRecords): IncrementalEvaluator {
    this.earliest = earliestDayOf(records);
    this.built = this.window(records);
    const { period, now } = this.built;
    return new IncrementalEvaluator({
      agreements: records.agreements,
      records: { ...records, communityPositions: this.positions },
      decisions: records.decisions,
      network: this.network,
      period,
      now,
      utcOffsetMinutes: this.basin.info.settings.utcOffsetMinutes,
      guidelines: this.guidelines,
    });
  }

  /** The current findings, in id order. */
  findings(): Finding[] {
    return this.evaluator.findings();
  }

  /** The last audit entry applied. */
  get auditSeq(): number {
    return this.seq;
  }

  /** Judges another period (the shared filter moved): evaluates everything again. */
  setPeriod(filter: PeriodRange): void {
    if (filter.start === this.filter.start && filter.end === this.filter.end) return;
    this.filter = filter;
    this.evaluator = this.build(this.evaluator.records());
  }

  /**
   * Applies the writes logged since the last sync: each audit entry names the kind and record (an import batch
   * lists its ids), and the current row of each is read and applied. Returns how many records changed.
   */
  async sync(): Promise<number> {
    // The national standard is a setting, not an audited record: a change of it judges every sample again.
    if (await this.readGuidelines()) {
      this.evaluator = this.build(this.evaluator.records());
      return 1 + (await this.sync());
    }
    const entries = await this.db.audit.where('seq').above(this.seq).toArray();
    if (entries.length === 0) return 0;
    const touched = new Map<RecordKind, Set<string>>();
    for (const entry of entries) {
      this.seq = Math.max(this.seq, entry.seq);
      if (!RULE_KINDS[entry.kind as RecordKind]) continue;
      const ids = touched.get(entry.kind as RecordKind) ?? new Set<string>();
      if (entry.recordId !== null) ids.add(entry.recordId);
      else for (const id of (entry.change as { ids?: string[] } | null)?.ids ?? []) ids.add(id);
      touched.set(entry.kind as RecordKind, ids);
    }
    let count = 0;
    for (const [table, ids] of touched) {
      const kind = RULE_KINDS[table]!;
      const rows = await this.db.recordTable(table).bulkGet([...ids]);
      [...ids].forEach((id, i) => {
        const row = rows[i];
        const change = (row ? { kind, op: 'put', record: row } : { kind, op: 'delete', id }) as RecordChange;
        if (row && !row.deleted) this.noteEarliest(change);
        this.evaluator.apply(change);
        count++;
      });
    }
    // A record older than the judged window (or a new day) moves the window: evaluate everything again.
    const fresh = evaluationWindow(this.filter, this.earliest, this.today(), this.basin.info.settings.utcOffsetMinutes);
    if (fresh.period.start !== this.built.period.start || fresh.now !== this.built.now)
      this.evaluator = this.build(this.evaluator.records());
    return count;
  }

  /** Builds the evaluator's tables of records by id (it defers them so that the first findings come sooner). */
  prepareForChanges(): void {
    this.evaluator.prepareForChanges();
  }

  /** What saving a change would do to the findings, leaving the evaluation as it is. */
  whatIf(change: RecordChange): WhatIfResult {
    return whatIf(this.evaluator, change);
  }

  /** The live record of a kind the evaluator holds (for what-ifs that replace one). */
  get<K extends keyof RecordKinds>(kind: K, id: string): RecordKinds[K] | null {
    return this.evaluator.get(kind, id);
  }
}
