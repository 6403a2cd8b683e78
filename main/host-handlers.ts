import type { BaseWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';
import type { Locale } from '../src/i18n/define';
import { translate } from '../src/i18n/translate';
import type { HostResponse } from '../src/ports/host-bridge';
import { writeFileAtomically, type AtomicWriteFs } from './atomic-file';
import { HostFailure, type HostHandlers } from './ipc';
import type { TileOriginPolicy } from './security';

/*
 * What each bridge message does in Electron. Every dependency (dialogs, the file system, the window, the menu,
 * the tile policy) comes in as an argument, so the handlers run in plain Node tests with fakes.
 */

/** Files opened through the bridge are sent whole over IPC; beyond this the renderer should not hold them. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

/** The file operations the handlers use (node:fs/promises fits). */
export interface HostFileSystem extends AtomicWriteFs {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
}

/** Everything the handlers need from Electron and the rest of main. */
export interface HostDependencies {
  readonly version: string;
  readonly platform: string;
  readonly systemLocale: string;
  readonly currentLocale: () => Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  readonly parentWindow: () => BaseWindow | null;
  readonly defaultDirectory: () => string;
  readonly files: HostFileSystem;
  readonly tileOrigins: TileOriginPolicy;
  readonly saveTileOrigins?: (origins: readonly string[]) => Promise<void>;
  readonly maxOpenBytes?: number;
}

function showOpen(deps: HostDependencies, options: OpenDialogOptions) {
  const parent = deps.parentWindow();
  return parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options);
}

function showSave(deps: HostDependencies, options: SaveDialogOptions) {
  const parent = deps.parentWindow();
  return parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options);
}

function filtersFor(suggestedName: string): FileFilter[] {
  const extension = extname(suggestedName).slice(1).toLowerCase();
  return extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }];
}

/** Asks where to save `suggestedName`; undefined when the user cancels. */
async function askSavePath(deps: HostDependencies, suggestedName: string): Promise<string | undefined> {
  const answer = await showSave(deps, {
    defaultPath: join(deps.defaultDirectory(), suggestedName),
    filters: filtersFor(suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return answer.canceled || !answer.filePath ? undefined : answer.filePath;
}

/** A plain Uint8Array view (IPC clones a Buffer subclass poorly); copies only memory that is shared. */
function asPlainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}

/** The Electron implementation of every bridge message. */
export function createHostHandlers(deps: HostDependencies): HostHandlers {
  const maxOpenBytes = deps.maxOpenBytes ?? MAX_OPEN_BYTES;
  return {
    'app:info': async () => ({
      version: deps.version,
      platform: deps.platform,
      systemLocale: deps.systemLocale,
      host: 'electron',
    }),

    'file:open': async (request) => {
      const answer = await showOpen(deps, {
        title: translate(deps.currentLocale(), request.titleKey),
        filters: request.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (answer.canceled || answer.filePaths.length === 0) return { canceled: true, files: [] };
      const chosen = request.multiple ? answer.filePaths : answer.filePaths.slice(0, 1);
      let totalBytes = 0;
      for (const filePath of chosen) {
        const info = await deps.files.stat(filePath);
        if (!info.isFile()) throw new HostFailure('file.notAFile', { name: basename(filePath) });
        totalBytes += info.size;
        if (totalBytes > maxOpenBytes) {
          throw new HostFailure('file.tooLarge', { name: basename(filePath), limitBytes: maxOpenBytes });
        }
      }
      const files: HostResponse<'file:open'>['files'] = [];
      for (const filePath of chosen) {
        files.push({ name: basename(filePath), bytes: asPlainBytes(await deps.files.readFile(filePath)) });
      }
      return { canceled: false, files };
    },

    'file:save': async (request) => {
      const filePath = await askSavePath(deps, request.suggestedName);
      if (filePath === undefined) return { saved: false };
      await writeFileAtomically(deps.files, filePath, request.data);
      return { saved: true };
    },

    'report:pdf': async (request, event) => {
      const filePath = await askSavePath(deps, request.suggestedName);
      if (filePath === undefined) return { saved: false };
      const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
      await writeFileAtomically(deps.files, filePath, asPlainBytes(pdf));
      return { saved: true };
    },

    'app:set-locale': async (request) => {
      deps.setLocale(request.locale);
      return {};
    },

    'app:set-tile-origins': async (request) => {
      const { origins } = deps.tileOrigins.set(request.origins);
      await deps.saveTileOrigins?.(origins);
      return { origins };
    },
  };
}
