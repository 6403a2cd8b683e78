import Dexie, { type Table } from 'dexie';
import { canonicalJson, type JsonValue } from '../../src/audit/canonical-json';
import {
  chainAuditEntries,
  EMPTY_HEAD,
  hashCanonicalRows,
  verifyAuditChain,
  type AuditEntry,
  type AuditEntryDraft,
  type AuditHead,
  type AuditOp,
  type HashText,
} from '../../src/audit/chain';
import type { Clock, IdMaker, RecordId } from '../../src/domain/ids';
import type { Attachment, Measurement, ReviewState, Withdrawal } from '../../src/domain/records';
import {
  RECORD_KINDS,
  type Actor,
  type BulkImportOptions,
  type BulkImportSummary,
  type Draft,
  type HistoryEntry,
  type IndexedFields,
  type ListOptions,
  type MonthlyTotal,
  type Patch,
  type RecordKind,
  type RecordTypes,
  type Repository,
  type StoreAuditVerification,
  type StoreDigest,
  type StoreProblem,
  type StoreResult,
  type TableDigest,
  type UpdateOptions,
} from '../../src/ports/repository';
import type { WatershedDatabase } from './db';
import { applyMonthlyDeltas, monthlyDeltasOfWrite, type MonthlyTotalDelta, accumulateMonthlyDeltas } from './migrations';
import {
  buildCreated,
  buildRemoved,
  buildReviewed,
  buildUpdated,
  diffFields,
  MAX_PROBLEMS,
} from './record-versions';
import { sha256Hex, sha256HexOfBytes } from './web-hash';

/*
 * The Dexie implementation of the repository.
 *
 * Every write stores the new record version, moves the superseded one to `versions`, appends its audit entry and
 * (for withdrawals) updates monthly totals, all in one `rw` transaction. Hashing is WebCrypto, which is async and
 * not IndexedDB: awaiting it inside a transaction lets IndexedDB commit early (Dexie's PrematureCommitError), and
 * Dexie.waitFor only avoids that by flooding the transaction with dummy requests. So a write is optimistic: read
 * the record and the audit head, build and hash the entry outside any transaction, then inside one re-read both
 * and write only if neither moved; if one did (another tab or worker wrote), start again. Writes of one
 * repository instance are also queued, so in one window they never race at all.
 *
 * Bulk import validates and hashes every row before its transaction, then writes chunks of `batchSize` rows
 * (10,000 by default) inside one transaction with progress between chunks. Its audit trail is one entry per
 * chunk, op 'import', whose change is { count, ids, rowsHash }: rowsHash is SHA-256 of the canonical JSON array of
 * the chunk's rows, so verification re-hashes them, and a million rows make a hundred entries, not a million.
 */

/** What the repository needs: the database, ids and clock (passed in), and the text hash (WebCrypto by default). */
export interface DexieRepositoryDeps {
  readonly db: WatershedDatabase;
  readonly ids: IdMaker;
  readonly clock: Clock;
  readonly hash?: HashText;
}

/** Audit `change` of a single-record write: the version written (and the SHA-256 of an attachment's content). */
interface RecordChange {
  readonly record: Record<string, unknown>;
  readonly blobSha256?: string;
}

/** Audit `change` of an import batch. */
interface BatchChange {
  readonly count: number;
  readonly ids: readonly string[];
  readonly rowsHash: string;
}

class RetryWrite extends Error {}
class ImportAborted extends Error {}

const MAX_WRITE_ATTEMPTS = 8;
const DEFAULT_BATCH_SIZE = 10_000;
const DIGEST_CHUNK = 10_000;
const VERIFY_PAGE = 500;

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

function problem(code: StoreProblem['code'], params: StoreProblem['params'] = {}): StoreResult<never> {
  return { ok: false, problems: [{ code, params }] };
}

function sameHead(a: AuditHead, b: AuditHead): boolean {
  return a.seq === b.seq && a.hash === b.hash;
}

function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

/** Lets the event loop run between chunks of work done outside a transaction, so the UI stays responsive. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The repository on IndexedDB through Dexie; attachments come back as Blobs. */
export class DexieRepository implements Repository<Blob> {
  private readonly db: WatershedDatabase;
  private readonly ids: IdMaker;
  private readonly clock: Clock;
  private readonly hash: HashText;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(deps: DexieRepositoryDeps) {
    this.db = deps.db;
    this.ids = deps.ids;
    this.clock = deps.clock;
    this.hash = deps.hash ?? sha256Hex;
  }

  /** Runs writes of this instance one after another. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async auditHead(): Promise<AuditHead> {
    const last = await this.db.audit.orderBy('seq').last();
    return last === undefined ? EMPTY_HEAD : { seq: last.seq, hash: last.hash };
  }

  async auditEntries(options: { readonly afterSeq?: number; readonly limit?: number } = {}): Promise<AuditEntry[]> {
    const collection = this.db.audit.where('seq').above(options.afterSeq ?? 0);
    return options.limit === undefined ? collection.toArray() : collection.limit(options.limit).toArray();
  }

  private async applyMonthlyDeltas(deltas: ReadonlyMap<string, MonthlyTotalDelta>): Promise<void> {
    const list = [...deltas.values()];
    if (list.length === 0) return;
    const existing = await this.db.monthlyTotals.bulkGet(list.map((delta): [string, string] => [delta.intakeId, delta.month]));
    const { put, remove } = applyMonthlyDeltas(list, existing);
    if (put.length > 0) await this.db.monthlyTotals.bulkPut(put);
    if (remove.length > 0) await this.db.monthlyTotals.bulkDelete(remove);
  }

  /**
   * Writes one new version built from the current one: optimistic, hashed outside the transaction, retried when
   * the record or the audit head moved between the read and the transaction.
   */
  private writeVersion<K extends RecordKind>(
    kind: K,
    id: RecordId,
    op: AuditOp,
    actor: Actor,
    build: (current: RecordTypes[K] | undefined, at: string) => StoreResult<RecordTypes[K]>,
    content?: { readonly bytes: ArrayBuffer; readonly type: string; readonly sha256: string },
  ): Promise<StoreResult<RecordTypes[K]>> {
    return this.serialize(async () => {
      const table = this.db.recordTable(kind);
      const tables: Table[] = [table, this.db.versions, this.db.audit];
      if (kind === 'withdrawals') tables.push(this.db.monthlyTotals);
      if (content !== undefined) tables.push(this.db.attachmentBlobs);
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
        const [current, head] = await Promise.all([table.get(id), this.auditHead()]);
        const built = build(current, this.clock());
        if (!built.ok) return built;
        const record = built.value;
        const change: RecordChange =
          content === undefined ? { record: record as unknown as Record<string, unknown> } : { record: record as unknown as Record<string, unknown>, blobSha256: content.sha256 };
        const draft: AuditEntryDraft = {
          at: record.updatedAt,
          actor: actor.name,
          device: actor.device,
          kind,
          recordId: id,
          version: record.version,
          op,
          change: change as unknown as JsonValue,
        };
        const [entry] = await chainAuditEntries(head, [draft], this.hash);
        if (entry === undefined) throw new Error('chainAuditEntries returned no entry');
        try {
          await this.db.transaction('rw', tables, async () => {
            const [stillCurrent, stillHead] = await Promise.all([table.get(id), this.auditHead()]);
            if (stillCurrent?.version !== current?.version || !sameHead(stillHead, head)) throw new RetryWrite();
            if (current !== undefined) await this.db.versions.add({ kind, id, version: current.version, record: current });
            await table.put(record);
            await this.db.audit.add(entry);
            if (kind === 'withdrawals') {
              await this.applyMonthlyDeltas(
                monthlyDeltasOfWrite(current as Withdrawal | undefined, record as unknown as Withdrawal),
              );
            }
            if (content !== undefined) await this.db.attachmentBlobs.put({ id, ...content });
          });
          return ok(record);
        } catch (error) {
          if (error instanceof RetryWrite) continue;
          throw error;
        }
      }
      return problem('store.busy');
    });
  }

  create<K extends RecordKind>(kind: K, draft: Draft<K>, actor: Actor): Promise<StoreResult<RecordTypes[K]>> {
    const id = this.ids();
    return this.writeVersion(kind, id, 'create', actor, (current, at) =>
      current === undefined ? buildCreated(kind, draft, actor, id, at) : problem('store.conflict', { expectedVersion: 0, currentVersion: current.version }),
    );
  }

  update<K extends RecordKind>(
    kind: K,
    id: RecordId,
    patch: Patch<K>,
    actor: Actor,
    options: UpdateOptions,
  ): Promise<StoreResult<RecordTypes[K]>> {
    return this.writeVersion(kind, id, 'update', actor, (current, at) => buildUpdated(kind, current, patch, actor, at, options));
  }

  /**
   * Writes new versions of many records of one kind in one transaction, all or nothing, each with its own audit
   * entry exactly as `update` writes one (for fields recomputed in bulk, e.g. snaps to new rivers): one commit
   * instead of one per record, so live queries and the findings worker react once.
   */
  bulkUpdate<K extends RecordKind>(
    kind: K,
    changes: readonly { readonly id: RecordId; readonly patch: Patch<K>; readonly expectedVersion: number }[],
    actor: Actor,
  ): Promise<StoreResult<{ readonly count: number }>> {
    if (changes.length === 0) return Promise.resolve(ok({ count: 0 }));
    return this.serialize(async () => {
      const table = this.db.recordTable(kind);
      const tables: Table[] = [table, this.db.versions, this.db.audit];
      if (kind === 'withdrawals') tables.push(this.db.monthlyTotals);
      const ids = changes.map((change) => change.id);
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
        const [currents, head] = await Promise.all([table.bulkGet(ids), this.auditHead()]);
        const at = this.clock();
        const records: RecordTypes[K][] = [];
        for (const [index, change] of changes.entries()) {
          const built = buildUpdated(kind, currents[index], change.patch, actor, at, { expectedVersion: change.expectedVersion });
          if (!built.ok) return built;
          records.push(built.value);
        }
        const entries = await chainAuditEntries(
          head,
          records.map(
            (record): AuditEntryDraft => ({
              at: record.updatedAt,
              actor: actor.name,
              device: actor.device,
              kind,
              recordId: record.id,
              version: record.version,
              op: 'update',
              change: { record } as unknown as JsonValue,
            }),
          ),
          this.hash,
        );
        try {
          await this.db.transaction('rw', tables, async () => {
            const [still, stillHead] = await Promise.all([table.bulkGet(ids), this.auditHead()]);
            if (!sameHead(stillHead, head) || still.some((row, index) => row?.version !== currents[index]?.version)) throw new RetryWrite();
            await this.db.versions.bulkAdd(
              currents.map((current) => ({ kind, id: current!.id, version: current!.version, record: current! })),
            );
            await table.bulkPut(records);
            await this.db.audit.bulkAdd(entries);
            if (kind === 'withdrawals') {
              for (const [index, record] of records.entries()) {
                await this.applyMonthlyDeltas(
                  monthlyDeltasOfWrite(currents[index] as Withdrawal | undefined, record as unknown as Withdrawal),
                );
              }
            }
          });
          return ok({ count: records.length });
        } catch (error) {
          if (error instanceof RetryWrite) continue;
          throw error;
        }
      }
      return problem('store.busy');
    });
  }

  remove<K extends RecordKind>(
    kind: K,
    id: RecordId,
    actor: Actor,
    options: { readonly expectedVersion?: number } = {},
  ): Promise<StoreResult<RecordTypes[K]>> {
    return this.writeVersion(kind, id, 'delete', actor, (current, at) =>
      buildRemoved(kind, current, actor, at, options.expectedVersion),
    );
  }

  setReview<K extends RecordKind>(
    kind: K,
    id: RecordId,
    state: ReviewState,
    comment: string,
    actor: Actor,
  ): Promise<StoreResult<RecordTypes[K]>> {
    return this.writeVersion(kind, id, 'review', actor, (current, at) =>
      buildReviewed(kind, current, state, comment, actor, at),
    );
  }

  async putAttachment(meta: Draft<'attachments'>, content: Blob, actor: Actor): Promise<StoreResult<Attachment>> {
    const bytes = await content.arrayBuffer();
    const sha256 = await sha256HexOfBytes(bytes);
    const id = this.ids();
    const withSize = { ...meta, sizeBytes: bytes.byteLength, mimeType: meta.mimeType || content.type };
    return this.writeVersion(
      'attachments',
      id,
      'create',
      actor,
      (current, at) => (current === undefined ? buildCreated('attachments', withSize, actor, id, at) : problem('store.conflict')),
      { bytes, type: withSize.mimeType, sha256 },
    );
  }

  async getAttachmentBlob(id: RecordId): Promise<Blob | undefined> {
    const row = await this.db.attachmentBlobs.get(id);
    return row === undefined ? undefined : new Blob([row.bytes], { type: row.type });
  }

  async get<K extends RecordKind>(kind: K, id: RecordId, options: ListOptions = {}): Promise<RecordTypes[K] | undefined> {
    const record = await this.db.recordTable(kind).get(id);
    return record === undefined || (record.deleted && options.includeDeleted !== true) ? undefined : record;
  }

  async list<K extends RecordKind>(kind: K, options: ListOptions = {}): Promise<RecordTypes[K][]> {
    const table = this.db.recordTable(kind);
    return options.includeDeleted === true ? table.toArray() : table.filter((record) => !record.deleted).toArray();
  }

  async listWhere<K extends keyof IndexedFields>(
    kind: K,
    field: IndexedFields[K],
    value: string,
    options: ListOptions = {},
  ): Promise<RecordTypes[K][]> {
    const rows = await this.db.recordTable(kind).where(field).equals(value).toArray();
    return options.includeDeleted === true ? rows : rows.filter((record) => !record.deleted);
  }

  async withdrawalsInPeriod(intakeId: string, fromIso: string, toIso: string): Promise<Withdrawal[]> {
    const rows = await this.db
      .recordTable('withdrawals')
      .where('[intakeId+periodStart]')
      .between([intakeId, fromIso], [intakeId, toIso], true, false)
      .toArray();
    return rows.filter((record) => !record.deleted);
  }

  async measurementSeries(pointId: string, parameter: string, fromIso?: string, toIso?: string): Promise<Measurement[]> {
    const rows = await this.db
      .recordTable('measurements')
      .where('[pointId+parameter+time]')
      .between([pointId, parameter, fromIso ?? Dexie.minKey], [pointId, parameter, toIso ?? Dexie.maxKey], true, false)
      .toArray();
    return rows.filter((record) => !record.deleted);
  }

  async monthlyTotals(
    options: { readonly intakeId?: string; readonly fromMonth?: string; readonly toMonth?: string } = {},
  ): Promise<MonthlyTotal[]> {
    const from = options.fromMonth ?? '';
    const to = options.toMonth ?? '\uffff';
    if (options.intakeId !== undefined) {
      return this.db.monthlyTotals.where('[intakeId+month]').between([options.intakeId, from], [options.intakeId, to], true, true).toArray();
    }
    return this.db.monthlyTotals.where('month').between(from, to, true, true).toArray();
  }

  async getMeta(key: string): Promise<unknown> {
    return (await this.db.meta.get(key))?.value;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  async history<K extends RecordKind>(kind: K, id: RecordId): Promise<HistoryEntry<K>[]> {
    const [current, older, entries] = await Promise.all([
      this.db.recordTable(kind).get(id),
      this.db.versions.where('[kind+id+version]').between([kind, id, 0], [kind, id, Infinity]).toArray(),
      this.db.audit.where('[kind+recordId]').equals([kind, id]).toArray(),
    ]);
    const records = [...older.map((row) => row.record as RecordTypes[K]), ...(current === undefined ? [] : [current])];
    records.sort((a, b) => a.version - b.version);
    const byVersion = new Map(entries.map((entry) => [entry.version, entry]));
    return records.map((record, index) => {
      const entry = byVersion.get(record.version);
      const previous = index > 0 ? records[index - 1] : undefined;
      return {
        version: record.version,
        at: entry?.at ?? record.updatedAt,
        actor: entry?.actor ?? record.author,
        device: entry?.device ?? record.device,
        op: entry?.op ?? 'import',
        auditSeq: entry?.seq ?? null,
        record,
        changes: diffFields(previous ?? null, record),
      };
    });
  }

  async bulkImport<K extends RecordKind>(
    kind: K,
    drafts: readonly Draft<K>[],
    actor: Actor,
    options: BulkImportOptions = {},
  ): Promise<StoreResult<BulkImportSummary>> {
    const { onProgress, signal } = options;
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    const total = drafts.length;
    if (total === 0) return ok({ count: 0, auditSeqs: [] });

    // Validate every draft before anything is written: one bad row and nothing is.
    const at = this.clock();
    const records: RecordTypes[K][] = [];
    const problems: StoreProblem[] = [];
    let unreported = 0;
    for (let start = 0; start < total; start += batchSize) {
      if (signal?.aborted === true) return problem('store.aborted');
      const end = Math.min(total, start + batchSize);
      for (let index = start; index < end; index += 1) {
        const built = buildCreated(kind, drafts[index] as Draft<K>, actor, options.ids?.[index] ?? this.ids(), at, index + 1);
        if (built.ok) {
          records.push(built.value);
          continue;
        }
        for (const found of built.problems) {
          if (problems.length < MAX_PROBLEMS) problems.push(found);
          else unreported += 1;
        }
      }
      onProgress?.({ phase: 'validate', done: end, total });
      await yieldToEventLoop();
    }
    if (problems.length > 0) {
      if (unreported > 0) problems.push({ code: 'store.moreProblems', params: { count: unreported } });
      return { ok: false, problems };
    }

    // Hash each batch outside the transaction (WebCrypto cannot run inside one).
    const batches: { rows: RecordTypes[K][]; change: BatchChange }[] = [];
    for (let start = 0; start < total; start += batchSize) {
      if (signal?.aborted === true) return problem('store.aborted');
      const rows = records.slice(start, start + batchSize);
      const rowsHash = await hashCanonicalRows(rows, this.hash);
      batches.push({ rows, change: { count: rows.length, ids: rows.map((row) => row.id), rowsHash } });
      onProgress?.({ phase: 'hash', done: start + rows.length, total });
    }
    const deltas = new Map<string, MonthlyTotalDelta>();
    if (kind === 'withdrawals') {
      for (const record of records) accumulateMonthlyDeltas(deltas, record as unknown as Withdrawal, 1);
    }

    return this.serialize(async () => {
      const table = this.db.recordTable(kind);
      const tables: Table[] = [table, this.db.audit];
      if (kind === 'withdrawals') tables.push(this.db.monthlyTotals);
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
        const head = await this.auditHead();
        const entries = await chainAuditEntries(
          head,
          batches.map(
            (batch): AuditEntryDraft => ({
              at,
              actor: actor.name,
              device: actor.device,
              kind,
              recordId: null,
              version: null,
              op: 'import',
              change: batch.change as unknown as JsonValue,
            }),
          ),
          this.hash,
        );
        try {
          await this.db.transaction('rw', tables, async () => {
            if (!sameHead(await this.auditHead(), head)) throw new RetryWrite();
            let done = 0;
            for (const [index, batch] of batches.entries()) {
              if (signal?.aborted === true) throw new ImportAborted();
              await table.bulkAdd(batch.rows);
              await this.db.audit.add(entries[index] as AuditEntry);
              done += batch.rows.length;
              onProgress?.({ phase: 'write', done, total });
            }
            await this.applyMonthlyDeltas(deltas);
            // An abort during the last chunk's progress report still cancels the whole import.
            if (signal?.aborted === true) throw new ImportAborted();
          });
          return ok({ count: total, auditSeqs: entries.map((entry) => entry.seq) });
        } catch (error) {
          if (error instanceof RetryWrite) continue;
          if (error instanceof ImportAborted) return problem('store.aborted');
          throw error;
        }
      }
      return problem('store.busy');
    });
  }

  /** A stored version: the current row if it is that version, else the superseded copy. */
  private async storedVersion(kind: RecordKind, id: string, version: number): Promise<unknown> {
    const current = await this.db.recordTable(kind).get(id);
    if (current?.version === version) return current;
    return (await this.db.versions.get([kind, id, version]))?.record;
  }

  private async versionsOfKind(kind: RecordKind): Promise<number> {
    const [current, older] = await Promise.all([
      this.db.recordTable(kind).count(),
      this.db.versions.where('[kind+id+version]').between([kind], [kind, []]).count(),
    ]);
    return current + older;
  }

  /** Checks the versions one audit entry wrote are stored unchanged; the problem found, or null. */
  private async checkEntryRecords(entry: AuditEntry): Promise<'record-mismatch' | 'record-missing' | null> {
    if (!isRecordKind(entry.kind)) return 'record-mismatch';
    if (entry.recordId !== null && entry.version !== null) {
      const change = entry.change as unknown as RecordChange;
      const stored = await this.storedVersion(entry.kind, entry.recordId, entry.version);
      if (stored === undefined) return 'record-missing';
      if (canonicalJson(stored) !== canonicalJson(change.record)) return 'record-mismatch';
      if (change.blobSha256 !== undefined) {
        const content = await this.db.attachmentBlobs.get(entry.recordId);
        if (content === undefined) return 'record-missing';
        if ((await sha256HexOfBytes(content.bytes)) !== change.blobSha256) return 'record-mismatch';
      }
      return null;
    }
    const change = entry.change as unknown as BatchChange;
    const table = this.db.recordTable(entry.kind);
    const currentRows = await table.bulkGet([...change.ids]);
    const rows: unknown[] = [];
    for (const [index, row] of currentRows.entries()) {
      const id = change.ids[index] as string;
      const firstVersion = row?.version === 1 ? row : (await this.db.versions.get([entry.kind, id, 1]))?.record;
      if (firstVersion === undefined) return 'record-missing';
      rows.push(firstVersion);
    }
    return (await hashCanonicalRows(rows, this.hash)) === change.rowsHash ? null : 'record-mismatch';
  }

  async verifyAudit(options: { readonly checkpoints?: readonly AuditHead[] } = {}): Promise<StoreAuditVerification> {
    const checkpoints = options.checkpoints ?? [];
    const expected = new Map<RecordKind, number>();
    let head = EMPTY_HEAD;
    let versionsChecked = 0;
    for (;;) {
      const page = await this.db.audit.where('seq').above(head.seq).limit(VERIFY_PAGE).toArray();
      if (page.length === 0) break;
      const lastSeq = page[page.length - 1]?.seq ?? head.seq;
      const chain = await verifyAuditChain(page, this.hash, {
        after: head,
        checkpoints: checkpoints.filter((checkpoint) => checkpoint.seq > head.seq && checkpoint.seq <= lastSeq),
      });
      if (!chain.ok) return chain;
      for (const entry of page) {
        const found = await this.checkEntryRecords(entry);
        const kind = entry.kind as RecordKind;
        if (found !== null) {
          return entry.recordId === null
            ? { ok: false, firstBadSeq: entry.seq, reason: found, kind }
            : { ok: false, firstBadSeq: entry.seq, reason: found, kind, recordId: entry.recordId };
        }
        const written = entry.recordId === null ? (entry.change as unknown as BatchChange).count : 1;
        expected.set(kind, (expected.get(kind) ?? 0) + written);
        versionsChecked += written;
      }
      head = chain.head;
    }
    const beyond = checkpoints.find((checkpoint) => checkpoint.seq > head.seq);
    if (beyond !== undefined) return { ok: false, firstBadSeq: head.seq + 1, reason: 'gap' };
    for (const kind of RECORD_KINDS) {
      const found = await this.versionsOfKind(kind);
      const wanted = expected.get(kind) ?? 0;
      if (found !== wanted) return { ok: false, reason: 'record-unaudited', kind, expected: wanted, found };
    }
    return { ok: true, head, versionsChecked };
  }

  private async digestTable(kind: RecordKind): Promise<TableDigest> {
    const table = this.db.recordTable(kind);
    const chunkHashes: string[] = [];
    let records = 0;
    let deleted = 0;
    let lastId: string | undefined;
    for (;;) {
      const rows =
        lastId === undefined
          ? await table.orderBy(':id').limit(DIGEST_CHUNK).toArray()
          : await table.where(':id').above(lastId).limit(DIGEST_CHUNK).toArray();
      if (rows.length === 0) break;
      chunkHashes.push(await hashCanonicalRows(rows, this.hash));
      records += rows.length;
      deleted += rows.filter((row) => row.deleted).length;
      lastId = rows[rows.length - 1]?.id;
    }
    return { kind, records, deleted, hash: await this.hash(chunkHashes.join(',')) };
  }

  async counts(): Promise<StoreDigest> {
    const tables: TableDigest[] = [];
    for (const kind of RECORD_KINDS) tables.push(await this.digestTable(kind));
    return { tables, audit: await this.auditHead() };
  }
}
