import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * Files the user saves (exports, backups, reports) are written to a hidden temporary name in the same folder,
 * flushed to disk, then renamed over the target. A rename within one folder is atomic, so a crash or a full
 * disk leaves either the old file or the new one, never half of a backup.
 */

/** The file operations an atomic write needs (node:fs/promises fits; tests wrap it to inject failures). */
export interface AtomicWriteFs {
  open(path: string, flags: string): Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** Name of the temporary file written next to `filePath` before the rename. */
export function temporaryNameFor(filePath: string, suffix: string = randomBytes(6).toString('hex')): string {
  return join(dirname(filePath), `.${basename(filePath)}.${suffix}.partial`);
}

/** Writes `data` to `filePath` through a temporary file and a rename; on failure the temporary file is removed. */
export async function writeFileAtomically(fs: AtomicWriteFs, filePath: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryNameFor(filePath);
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, filePath);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}
