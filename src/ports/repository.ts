import type { z } from 'zod';
import type { AuditChainProblem, AuditEntry, AuditHead } from '../audit/chain';
import { AgreementSchema, type Agreement } from '../domain/agreement';
import type { RecordId } from '../domain/ids';
import {
  AttachmentSchema,
  CommunitySchema,
  ContaminationEventSchema,
  DecisionSchema,
  IntakeSchema,
  MeasurementSchema,
  MeetingSchema,
  MonitoringPointSchema,
  RestorationSiteSchema,
  RestorationVisitSchema,
  WithdrawalSchema,
  type Attachment,
  type Community,
  type ContaminationEvent,
  type Decision,
  type Intake,
  type Measurement,
  type Meeting,
  type MonitoringPoint,
  type RecordMeta,
  type RestorationSite,
  type RestorationVisit,
  type ReviewState,
  type Withdrawal,
} from '../domain/records';
import type { CodedMessage } from '../i18n/translate';

/*
 * The repository: what the UI, the actions and the workers use to read and write records. It names no storage
 * library; the Dexie implementation lives in renderer/store. Records are version chains: every write (edit,
 * deletion, review) is a new version, and every write appends an entry to the hash-chained audit log in the same
 * transaction. Writes answer with a StoreResult whose problems are codes for the `store` message catalog.
 */

/** Every record kind, one table each. */
export const RECORD_KINDS = [
  'communities',
  'intakes',
  'withdrawals',
  'monitoringPoints',
  'measurements',
  'contaminationEvents',
  'restorationSites',
  'restorationVisits',
  'agreements',
  'decisions',
  'meetings',
  'attachments',
] as const;

/** A record kind (also the name of its table). */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The record type stored under each kind. */
export interface RecordTypes {
  communities: Community;
  intakes: Intake;
  withdrawals: Withdrawal;
  monitoringPoints: MonitoringPoint;
  measurements: Measurement;
  contaminationEvents: ContaminationEvent;
  restorationSites: RestorationSite;
  restorationVisits: RestorationVisit;
  agreements: Agreement;
  decisions: Decision;
  meetings: Meeting;
  attachments: Attachment;
}

/** The zod schema every version of a kind is validated with before it is stored. */
export const RECORD_SCHEMAS: { readonly [K in RecordKind]: z.ZodType<RecordTypes[K]> } = {
  communities: CommunitySchema,
  intakes: IntakeSchema,
  withdrawals: WithdrawalSchema,
  monitoringPoints: MonitoringPointSchema,
  measurements: MeasurementSchema,
  contaminationEvents: ContaminationEventSchema,
  restorationSites: RestorationSiteSchema,
  restorationVisits: RestorationVisitSchema,
  agreements: AgreementSchema,
  decisions: DecisionSchema,
  meetings: MeetingSchema,
  attachments: AttachmentSchema,
};

/**
 * Fields that place a record on the map. Once set (non-null) they are locked: an update that changes one is
 * refused unless it says `moveLocation: true`.
 */
export const LOCATION_FIELDS: { readonly [K in RecordKind]: readonly (keyof RecordTypes[K] & string)[] } = {
  communities: ['territory'],
  intakes: ['location', 'returnLocation'],
  withdrawals: [],
  monitoringPoints: ['location'],
  measurements: [],
  contaminationEvents: ['location'],
  restorationSites: ['geometry'],
  restorationVisits: [],
  agreements: [],
  decisions: [],
  meetings: [],
  attachments: [],
};

/** Fields the store sets itself; a draft or patch never carries them. */
export type MetaField = keyof RecordMeta;

/** The meta field names, as values. */
export const META_FIELDS: readonly MetaField[] = [
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'author',
  'device',
  'deleted',
  'reviewState',
  'reviewComment',
];

/** What a form or an import supplies to create a record: every field except the meta fields. */
export type Draft<K extends RecordKind> = Omit<RecordTypes[K], MetaField>;

/** What an edit supplies: the fields that change. */
export type Patch<K extends RecordKind> = Partial<Draft<K>>;

/** Who writes. `name` is compared with a record's `author` for the right to edit it. */
export interface Actor {
  readonly name: string;
  readonly device: string;
  readonly role: 'coordinator' | 'participant';
}

/** Codes of store problems; the text of each is in src/i18n/messages/store.ts (prefix `store.`). */
export const STORE_PROBLEM_CODES = [
  'store.invalid.required',
  'store.invalid.type',
  'store.invalid.tooSmall',
  'store.invalid.tooBig',
  'store.invalid.format',
  'store.invalid.option',
  'store.invalid.other',
  'store.moreProblems',
  'store.notFound',
  'store.deleted',
  'store.conflict',
  'store.forbidden',
  'store.reviewForbidden',
  'store.locationLocked',
  'store.aborted',
  'store.busy',
] as const;

/** A store problem code. */
export type StoreProblemCode = (typeof STORE_PROBLEM_CODES)[number];

/**
 * A problem with a write, as a code and its parameters. Validation problems carry `field` (the zod path, dotted,
 * e.g. 'location.1') and, in an import, `row` (1-based position of the draft in the list given).
 */
export interface StoreProblem extends CodedMessage {
  readonly code: StoreProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The outcome of a write: the value written, or why nothing was written. */
export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly StoreProblem[] };

/** What changed in one field between two versions; `field` is a top-level field name. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One version of a record with who wrote it, when, how, and which fields changed from the version before. */
export interface HistoryEntry<K extends RecordKind> {
  readonly version: number;
  /** When this version was written (ISO 8601). */
  readonly at: string;
  /** Who wrote this version (not necessarily the record's author). */
  readonly actor: string;
  readonly device: string;
  readonly op: AuditEntry['op'];
  /** Audit entry that wrote this version. */
  readonly auditSeq: number | null;
  readonly record: RecordTypes[K];
  /** Fields changed from the previous version; every field for version 1. */
  readonly changes: readonly FieldChange[];
}

/** Progress of a bulk import: phase, rows done of the total. */
export interface ImportProgress {
  readonly phase: 'validate' | 'hash' | 'write';
  readonly done: number;
  readonly total: number;
}

/** The part of an AbortSignal the store reads; the core has no DOM types. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Options of a bulk import. */
export interface BulkImportOptions {
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Aborting at any time leaves nothing written (a DOM AbortSignal fits). */
  readonly signal?: AbortSignalLike;
  /** Rows per write chunk and per audit entry; 10,000 by default. */
  readonly batchSize?: number;
  /** Ids for the rows, in order, for records that already have one (the sample basin, a backup); new ids otherwise. */
  readonly ids?: readonly RecordId[];
}

/** What a bulk import wrote: how many rows and the audit entries (one per batch). */
export interface BulkImportSummary {
  readonly count: number;
  readonly auditSeqs: readonly number[];
}

/** Options of an update: the version the edit was based on, and whether a location may move. */
export interface UpdateOptions {
  /** The version the user saw; if the record has moved on, the update is refused as a conflict. */
  readonly expectedVersion: number;
  /** The user moved the location on purpose; without it a changed location field is refused. */
  readonly moveLocation?: boolean;
}

/** Fields each kind can be listed by through an index (the rules and the map read by these). */
export interface IndexedFields {
  intakes: 'communityId';
  withdrawals: 'intakeId';
  measurements: 'pointId';
  contaminationEvents: 'observedAt';
  restorationSites: 'communityId';
  restorationVisits: 'siteId';
  decisions: 'findingId';
  meetings: 'date';
}

/** Options of a list read. */
export interface ListOptions {
  readonly includeDeleted?: boolean;
}

/** Withdrawal volume of one intake in one calendar month, kept up to date on every withdrawal write. */
export interface MonthlyTotal {
  readonly intakeId: string;
  /** Calendar month 'YYYY-MM', in the time offset the withdrawal's period was written in. */
  readonly month: string;
  /** Volume withdrawn in the month, m3; a period spanning months is split pro rata by duration. */
  readonly volumeM3: number;
  /** Withdrawals (not deleted) whose period overlaps the month. */
  readonly count: number;
}

/** Per record kind: how many records (current versions) and a hash of their contents, to compare two laptops. */
export interface TableDigest {
  readonly kind: RecordKind;
  /** Records, deleted ones included (a deletion is a version too). */
  readonly records: number;
  readonly deleted: number;
  /**
   * SHA-256 hex of the table: rows in id order, cut into chunks of 10,000, each chunk hashed as canonical JSON,
   * then the hash of the chunk hashes joined by ','. Equal on two laptops exactly when they hold the same versions.
   */
  readonly hash: string;
}

/** Counts and hashes of every table, and the audit head, for exchange packages. */
export interface StoreDigest {
  readonly tables: readonly TableDigest[];
  readonly audit: AuditHead;
}

/** Result of verifying the audit log and the records against it. */
export type StoreAuditVerification =
  | { readonly ok: true; readonly head: AuditHead; readonly versionsChecked: number }
  | {
      readonly ok: false;
      readonly firstBadSeq: number;
      /**
       * A chain problem, or 'record-mismatch' (a stored version differs from what its audit entry recorded) or
       * 'record-missing' (a version the audit recorded is gone).
       */
      readonly reason: AuditChainProblem | 'record-mismatch' | 'record-missing';
      readonly kind?: RecordKind;
      readonly recordId?: string;
    }
  | {
      readonly ok: false;
      /** Versions stored in a table that no audit entry wrote (added outside the app). */
      readonly reason: 'record-unaudited';
      readonly kind: RecordKind;
      readonly expected: number;
      readonly found: number;
    };

/** The minimum of a Blob the store needs; a DOM Blob satisfies it. */
export interface BinaryContent {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The repository the UI, actions and workers use. B is the binary type of attachments (Blob in the browser). */
export interface Repository<B extends BinaryContent = BinaryContent> {
  /** Creates version 1 of a record (review state 'received'). */
  create<K extends RecordKind>(kind: K, draft: Draft<K>, actor: Actor): Promise<StoreResult<RecordTypes[K]>>;
  /** Writes a new version with the patch applied; refused on a stale expectedVersion (conflict), never overwritten. */
  update<K extends RecordKind>(
    kind: K,
    id: RecordId,
    patch: Patch<K>,
    actor: Actor,
    options: UpdateOptions,
  ): Promise<StoreResult<RecordTypes[K]>>;
  /** Writes a new version with deleted: true; the earlier versions stay in history. */
  remove<K extends RecordKind>(
    kind: K,
    id: RecordId,
    actor: Actor,
    options?: { readonly expectedVersion?: number },
  ): Promise<StoreResult<RecordTypes[K]>>;
  /** Writes a new version with a review state and comment; coordinators only. */
  setReview<K extends RecordKind>(
    kind: K,
    id: RecordId,
    state: ReviewState,
    comment: string,
    actor: Actor,
  ): Promise<StoreResult<RecordTypes[K]>>;
  /** The current version of a record; undefined if absent or deleted (unless includeDeleted). */
  get<K extends RecordKind>(kind: K, id: RecordId, options?: ListOptions): Promise<RecordTypes[K] | undefined>;
  /** Current versions of every record of a kind, in id order; deleted ones only with includeDeleted. */
  list<K extends RecordKind>(kind: K, options?: ListOptions): Promise<RecordTypes[K][]>;
  /** Current versions whose indexed field equals value, e.g. listWhere('intakes', 'communityId', id). */
  listWhere<K extends keyof IndexedFields>(
    kind: K,
    field: IndexedFields[K],
    value: string,
    options?: ListOptions,
  ): Promise<RecordTypes[K][]>;
  /** Withdrawals of an intake whose period starts in [fromIso, toIso), by period start. */
  withdrawalsInPeriod(intakeId: string, fromIso: string, toIso: string): Promise<Withdrawal[]>;
  /** Measurements of one parameter at one point with time in [fromIso, toIso), by time; the whole series without bounds. */
  measurementSeries(pointId: string, parameter: string, fromIso?: string, toIso?: string): Promise<Measurement[]>;
  /** Monthly withdrawal totals, of one intake or all, with month in [fromMonth, toMonth] ('YYYY-MM') when given. */
  monthlyTotals(options?: {
    readonly intakeId?: string;
    readonly fromMonth?: string;
    readonly toMonth?: string;
  }): Promise<MonthlyTotal[]>;
  /** A value of the meta table (settings, whether the sample was loaded); not audited. */
  getMeta(key: string): Promise<unknown>;
  /** Sets a value of the meta table (a structured-cloneable value); not audited. */
  setMeta(key: string, value: unknown): Promise<void>;
  /** Every version of a record, oldest first, with who/when/what changed. Empty when the record never existed. */
  history<K extends RecordKind>(kind: K, id: RecordId): Promise<HistoryEntry<K>[]>;
  /** Validates every draft, then writes all of them in one transaction, or none. */
  bulkImport<K extends RecordKind>(
    kind: K,
    drafts: readonly Draft<K>[],
    actor: Actor,
    options?: BulkImportOptions,
  ): Promise<StoreResult<BulkImportSummary>>;
  /** Creates an attachment record and stores its content beside it, in one transaction. */
  putAttachment(meta: Draft<'attachments'>, content: B, actor: Actor): Promise<StoreResult<Attachment>>;
  /** The stored content of an attachment; undefined if there is none. */
  getAttachmentBlob(id: RecordId): Promise<B | undefined>;
  /** Verifies the chain and every stored version against the entry that wrote it; checkpoints from minutes optional. */
  verifyAudit(options?: { readonly checkpoints?: readonly AuditHead[] }): Promise<StoreAuditVerification>;
  /** The current head of the audit chain (to write into meeting minutes). */
  auditHead(): Promise<AuditHead>;
  /** Audit entries in seq order, from `afterSeq` (exclusive), at most `limit`. */
  auditEntries(options?: { readonly afterSeq?: number; readonly limit?: number }): Promise<AuditEntry[]>;
  /** Records and hash per table, plus the audit head, for exchange packages. */
  counts(): Promise<StoreDigest>;
}
