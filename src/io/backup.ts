import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';

/*
 * The backup file: a zip holding backup.json (every table of the store: current records, superseded versions, the
 * audit chain, settings) and one file per attachment's content under attachments/. Restoring checks the whole file
 * before anything is written (format, version, the audit chain, every attachment's bytes present), so a damaged
 * or foreign file is refused with a reason and the data on the computer stays as it was.
 */

/** Value of `format` in backup.json. */
export const BACKUP_FORMAT = 'watershed-commons-backup';
/** Version of the backup format this build writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;
/** Largest backup file read, bytes (2 GB files are refused before unzipping). */
export const MAX_BACKUP_BYTES = 1_000_000_000;

const row = z.record(z.string(), z.unknown());

/** backup.json: rows of each table as stored; rows are checked again by the store's schemas on restore. */
export const BackupJsonSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  /** The store's schema version that wrote it. */
  schemaVersion: z.number().int().positive(),
  basinName: z.string(),
  tables: z.record(z.string(), z.array(row)),
  /** Attachment content: id, MIME type and SHA-256; the bytes are attachments/<id> in the zip. */
  attachmentBlobs: z.array(z.object({ id: z.string(), type: z.string(), sha256: z.string() })),
});
/** The parsed backup.json. */
export type BackupJson = z.infer<typeof BackupJsonSchema>;

/** A backup in memory: backup.json and each attachment's bytes by id. */
export interface Backup {
  readonly json: BackupJson;
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

/** Why a file is not a backup this build can restore (codes of messages in the `data` namespace). */
export type BackupProblem =
  | {
      readonly code: 'data.backup.tooLarge';
      readonly params: { readonly sizeMb: number; readonly maxMb: number };
    }
  | { readonly code: 'data.backup.notZip' }
  | { readonly code: 'data.backup.noJson' }
  | {
      readonly code: 'data.backup.notBackup';
      readonly params: { readonly path: string };
    }
  | {
      readonly code: 'data.backup.newerFormat';
      readonly params: { readonly version: number };
    }
  | {
      readonly code: 'data.backup.missingAttachment';
      readonly params: { readonly id: string };
    };

/** Writes a backup as zip bytes (attachments are stored, not recompressed: photos are already compressed). */
export function encodeBackup(backup: Backup): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    'backup.json': strToU8(JSON.stringify(backup.json)),
  };
  for (const [id, bytes] of backup.blobs) files[`attachments/${id}`] = [bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}

/**
 * Reads zip bytes as a backup, or says why it cannot.
 * @example decodeBackup(new Uint8Array([1, 2, 3])) // { ok: false, problem: { code: 'data.backup.notZip' } }
 */
export function decodeBackup(
  bytes: Uint8Array,
  maxBytes: number = MAX_BACKUP_BYTES,
): { ok: true; backup: Backup } | { ok: false; problem: BackupProblem } {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      problem: {
        code: 'data.backup.tooLarge',
        params: {
          sizeMb: Math.round(bytes.byteLength / 1e6),
          maxMb: Math.round(maxBytes / 1e6),
        },
      },
    };
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return { ok: false, problem: { code: 'data.backup.notZip' } };
  }
  const jsonBytes = files['backup.json'];
  if (!jsonBytes) return { ok: false, problem: { code: 'data.backup.noJson' } };
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(jsonBytes));
  } catch {
    return { ok: false, problem: { code: 'data.backup.noJson' } };
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (
    (raw as { format?: unknown } | null)?.format === BACKUP_FORMAT &&
    typeof version === 'number' &&
    version > BACKUP_FORMAT_VERSION
  ) {
    return {
      ok: false,
      problem: { code: 'data.backup.newerFormat', params: { version } },
    };
  }
  const parsed = BackupJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: {
        code: 'data.backup.notBackup',
        params: { path: issue?.path.join('.') || '/' },
      },
    };
  }
  const blobs = new Map<string, Uint8Array>();
  for (const blob of parsed.data.attachmentBlobs) {
    const content = files[`attachments/${blob.id}`];
    if (!content)
      return {
        ok: false,
        problem: {
          code: 'data.backup.missingAttachment',
          params: { id: blob.id },
        },
      };
    blobs.set(blob.id, content);
  }
  return { ok: true, backup: { json: parsed.data, blobs } };
}

/**
 * File name of a backup: basin and date, safe on every system.
 * @example backupFileName('Cuenca del Río Aguaclara', '2026-11-26T10:00:00Z') === 'cuenca-del-rio-aguaclara-2026-11-26.wcbackup'
 */
export function backupFileName(basinName: string, createdAt: string): string {
  const slug = basinName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'cuenca'}-${createdAt.slice(0, 10)}.wcbackup`;
}
