import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { AuditEntry } from '../../src/audit/chain';
import type { RecordKind, RecordTypes, MonthlyTotal } from '../../src/ports/repository';
import { accumulateMonthlyDeltas, totalsFromDeltas, type MonthlyTotalDelta } from './migrations';

/*
 * The IndexedDB schema of the register. Versions are only appended, never edited: a laptop that last opened the
 * app two releases ago upgrades through each version in turn, and each upgrade calls a pure, tested function
 * from migrations.ts.
 *
 * Record tables hold the current version of each record (primary key id). Earlier versions move to `versions`
 * when they are superseded, so a record's history is `versions` plus its current row, and an import writes each
 * row once (the import rate target is half the raw IndexedDB write rate). Compound indexes also serve queries on
 * their first part (Dexie's virtual indexes): [intakeId+periodStart] answers "withdrawals of an intake".
 */

/** Name of the IndexedDB database. */
export const DATABASE_NAME = 'watershed-commons';

/** Version 1: a table per record kind, superseded versions, the audit chain, attachment content and settings. */
export const SCHEMA_V1 = {
  communities: 'id',
  intakes: 'id, communityId',
  withdrawals: 'id, [intakeId+periodStart]',
  monitoringPoints: 'id',
  measurements: 'id, [pointId+parameter+time]',
  contaminationEvents: 'id, observedAt',
  restorationSites: 'id, communityId',
  restorationVisits: 'id, siteId',
  agreements: 'id',
  decisions: 'id, findingId',
  meetings: 'id, date',
  attachments: 'id',
  versions: '[kind+id+version]',
  audit: 'seq, [kind+recordId]',
  attachmentBlobs: 'id',
  meta: 'key',
} as const satisfies Record<RecordKind | 'versions' | 'audit' | 'attachmentBlobs' | 'meta', string>;

/** Version 2 adds monthly withdrawal totals per intake, so the map and the rules need not read every withdrawal. */
export const SCHEMA_V2 = {
  monthlyTotals: '[intakeId+month], month',
} as const;

/** A superseded version of a record. */
export interface VersionRow<K extends RecordKind = RecordKind> {
  readonly kind: K;
  readonly id: string;
  readonly version: number;
  readonly record: RecordTypes[K];
}

/** Stored content of an attachment: bytes (ArrayBuffer stores everywhere Blob does not), MIME type, SHA-256 hex. */
export interface AttachmentBlobRow {
  readonly id: string;
  readonly bytes: ArrayBuffer;
  readonly type: string;
  readonly sha256: string;
}

/** A key/value pair of settings and app state. */
export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/** The v1 -> v2 upgrade: monthly totals computed from the withdrawals already stored, streamed, not loaded at once. */
export async function upgradeToVersion2(transaction: Transaction): Promise<void> {
  const deltas = new Map<string, MonthlyTotalDelta>();
  await transaction
    .table<RecordTypes['withdrawals'], string>('withdrawals')
    .each((withdrawal) => accumulateMonthlyDeltas(deltas, withdrawal, 1));
  await transaction.table<MonthlyTotal, [string, string]>('monthlyTotals').bulkPut(totalsFromDeltas(deltas));
}

/** Declares version 1 only; tests use it to write a database as the first release left it. */
export function declareVersion1(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
}

/** The register's database. Pass `options.indexedDB` / `IDBKeyRange` to use another IndexedDB (tests). */
export class WatershedDatabase extends Dexie {
  declare readonly versions: Table<VersionRow, [string, string, number]>;
  declare readonly audit: Table<AuditEntry, number>;
  declare readonly attachmentBlobs: Table<AttachmentBlobRow, string>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly monthlyTotals: Table<MonthlyTotal, [string, string]>;

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    declareVersion1(this);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToVersion2);
  }

  /** The table holding current versions of a kind. */
  recordTable<K extends RecordKind>(kind: K): Table<RecordTypes[K], string> {
    return this.table<RecordTypes[K], string>(kind);
  }
}
