import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomically, type AtomicWriteFs } from './atomic-file';

/*
 * The few settings main itself must know before the page loads: the tile origins, because the
 * Content-Security-Policy is fixed when a document loads. Everything else the user sets lives in the renderer's
 * IndexedDB. Stored as JSON in the user data folder, written atomically.
 */

const SettingsV1 = z.object({ version: z.literal(1), tileOrigins: z.array(z.string().max(300)).max(10) });

/** Settings main keeps on disk. */
export type MainSettings = z.infer<typeof SettingsV1>;

/** Settings of a first run, or of a file that cannot be read. */
export const DEFAULT_SETTINGS: MainSettings = { version: 1, tileOrigins: [] };

/** Parses stored settings; anything unreadable or of an unknown shape gives the defaults. */
export function parseSettings(text: string): MainSettings {
  try {
    const parsed = SettingsV1.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Reads the settings file; a missing or damaged file gives the defaults. */
export async function readSettings(filePath: string, read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8')): Promise<MainSettings> {
  try {
    return parseSettings(await read(filePath));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Writes the settings file atomically. */
export async function writeSettings(fs: AtomicWriteFs, filePath: string, settings: MainSettings): Promise<void> {
  await writeFileAtomically(fs, filePath, `${JSON.stringify(settings, null, 2)}\n`);
}
