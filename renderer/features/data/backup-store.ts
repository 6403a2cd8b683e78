import Dexie from 'dexie';
import type { Table } from 'dexie';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Backup, type BackupProblem } from '../../../src/io/backup';
import type { StoreAuditVerification } from '../../../src/ports/repository';
import { WatershedDatabase, type AttachmentBlobRow } from '../../store/db';
import { DexieRepository } from '../../store/dexie-repository';
import { sha256HexOfBytes } from '../../store/web-hash';

/*
 * Backup and restore of the whole store. A backup is every table as stored (records, superseded versions, audit
 * chain, monthly totals, settings) plus attachment bytes. Restore never writes into the live database until the
 * file has proved itself: it is first written into a scratch database and verified there exactly as the app
 * verifies its own store (audit chain re-hashed, every version matched against its audit entry, attachment bytes
 * against their SHA-256). Only then is the live database replaced, in one transaction over every table.
 */

const BLOBS = 'attachmentBlobs';

function bytesOf(buffer: ArrayBuffer): Uint8Array {
  return new Uint8Array(buffer);
}

function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Reads the whole store into a backup. */
export async function createBackup(db: WatershedDatabase, basinName: string, now: string): Promise<Backup> {
  return db.transaction('r', db.tables, async () => {
    const tables: Record<string, Record<string, unknown>[]> = {};
    const blobs = new Map<string, Uint8Array>();
    const attachmentBlobs: { id: string; type: string; sha256: string }[] = [];
    for (const table of db.tables) {
      if (table.name === BLOBS) {
        for (const row of (await table.toArray()) as AttachmentBlobRow[]) {
          attachmentBlobs.push({
            id: row.id,
            type: row.type,
            sha256: row.sha256,
          });
          blobs.set(row.id, bytesOf(row.bytes));
        }
      } else {
        tables[table.name] = (await table.toArray()) as Record<string, unknown>[];
      }
    }
    return {
      json: {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: now,
        schemaVersion: db.verno,
        basinName,
        tables,
        attachmentBlobs,
      },
      blobs,
    };
  });
}

/** Why a backup that unzipped fine still cannot be restored. */
export type RestoreProblem =
  | BackupProblem
  | {
      readonly code: 'data.restore.unknownTable';
      readonly params: { readonly table: string };
    }
  | {
      readonly code: 'data.restore.newerSchema';
      readonly params: { readonly version: number };
    }
  | {
      readonly code: 'data.restore.attachmentChanged';
      readonly params: { readonly id: string };
    }
  | {
      readonly code: 'data.restore.auditFailed';
      readonly params: { readonly seq: number; readonly reason: string };
    }
  | {
      readonly code: 'data.restore.writeFailed';
      readonly params: { readonly detail: string };
    };

/** Replaces every table of `db` with the backup's rows, in one transaction: all of it or nothing. */
async function writeAll(db: WatershedDatabase, backup: Backup): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables as Table<unknown, unknown>[]) {
      await table.clear();
      if (table.name === BLOBS) {
        await table.bulkAdd(
          backup.json.attachmentBlobs.map((blob) => ({
            ...blob,
            bytes: bufferOf(backup.blobs.get(blob.id) ?? new Uint8Array()),
          })),
        );
      } else {
        const rows = backup.json.tables[table.name];
        if (rows && rows.length > 0) await table.bulkAdd(rows);
      }
    }
  });
}

function auditProblem(verification: StoreAuditVerification & { ok: false }): RestoreProblem {
  return {
    code: 'data.restore.auditFailed',
    params: {
      seq: 'firstBadSeq' in verification ? verification.firstBadSeq : 0,
      reason: verification.reason,
    },
  };
}

/**
 * Checks a backup in a scratch database; returns the verified audit head and record count, or the first problem.
 * The scratch database is deleted afterwards either way.
 */
export async function checkBackup(
  backup: Backup,
  liveDb: WatershedDatabase,
): Promise<{ ok: true; records: number; auditEntries: number } | { ok: false; problem: RestoreProblem }> {
  const known = new Set(liveDb.tables.map((table) => table.name));
  for (const name of Object.keys(backup.json.tables)) {
    if (!known.has(name))
      return {
        ok: false,
        problem: { code: 'data.restore.unknownTable', params: { table: name } },
      };
  }
  if (backup.json.schemaVersion > liveDb.verno) {
    return {
      ok: false,
      problem: {
        code: 'data.restore.newerSchema',
        params: { version: backup.json.schemaVersion },
      },
    };
  }
  for (const blob of backup.json.attachmentBlobs) {
    const bytes = backup.blobs.get(blob.id);
    if (!bytes || (await sha256HexOfBytes(bufferOf(bytes))) !== blob.sha256) {
      return {
        ok: false,
        problem: {
          code: 'data.restore.attachmentChanged',
          params: { id: blob.id },
        },
      };
    }
  }
  const scratchName = `${liveDb.name}-restore-check-${globalThis.crypto.randomUUID().slice(0, 8)}`;
  const scratch = new WatershedDatabase(scratchName);
  try {
    await writeAll(scratch, backup);
    const repository = new DexieRepository({
      db: scratch,
      ids: () => globalThis.crypto.randomUUID(),
      clock: () => new Date().toISOString(),
    });
    const verification = await repository.verifyAudit();
    if (!verification.ok) return { ok: false, problem: auditProblem(verification) };
    const digest = await repository.counts();
    return {
      ok: true,
      records: digest.tables.reduce((sum, table) => sum + table.records, 0),
      auditEntries: verification.head.seq,
    };
  } catch (error) {
    return {
      ok: false,
      problem: {
        code: 'data.restore.writeFailed',
        params: {
          detail: error instanceof Error ? error.message : String(error),
        },
      },
    };
  } finally {
    scratch.close();
    await Dexie.delete(scratchName);
  }
}

/** Checks the backup, then replaces the live store with it; the live store is untouched on any problem. */
export async function restoreBackup(
  backup: Backup,
  db: WatershedDatabase,
): Promise<{ ok: true; records: number; auditEntries: number } | { ok: false; problem: RestoreProblem }> {
  const checked = await checkBackup(backup, db);
  if (!checked.ok) return checked;
  try {
    await writeAll(db, backup);
  } catch (error) {
    return {
      ok: false,
      problem: {
        code: 'data.restore.writeFailed',
        params: {
          detail: error instanceof Error ? error.message : String(error),
        },
      },
    };
  }
  return checked;
}
