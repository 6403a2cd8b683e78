import { detectTextEncoding } from '../../../src/io/text-decode';
import type { Actor } from '../../../src/ports/repository';
import { WatershedDatabase } from '../../store/db';
import { DexieRepository } from '../../store/dexie-repository';
import {
  runCsvImport,
  wholeLines,
  type ImportContext,
  type ImportSettings,
  type RunProgress,
  type RunResult,
} from './import-core';

/*
 * The CSV import off the UI thread: reads the file as a stream, checks every row, and writes them with its own
 * connection to the same database (IndexedDB works in workers, and Dexie tells the window's live queries), so a
 * million rows never cross postMessage and the window stays responsive. Cancel aborts the signal handed to the
 * store's bulk import: nothing is written.
 */

/** What the window sends the worker. */
export type ImportWorkerRequest =
  | {
      readonly type: 'start';
      readonly file: Blob;
      readonly settings: ImportSettings;
      readonly context: ImportContext;
      readonly actor: Actor;
      readonly databaseName: string;
    }
  | { readonly type: 'cancel' };

/** What the worker answers. */
export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly type: 'done'; readonly result: RunResult }
  | { readonly type: 'failed'; readonly message: string };

/** The parts of the worker's global scope used here (the renderer compiles with the DOM library, not WebWorker). */
interface WorkerScope {
  postMessage(message: ImportWorkerMessage): void;
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const controller = new AbortController();

// The encoding is judged on the first megabyte: a spreadsheet whose accents start late is still read right.
async function* textChunks(file: Blob, onBytes: (done: number) => void): AsyncGenerator<string> {
  const head = new Uint8Array(await file.slice(0, 1024 * 1024).arrayBuffer());
  const encoding = detectTextEncoding(wholeLines(head, file.size <= head.byteLength));
  const decoder = new TextDecoder(encoding);
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    done += next.value.byteLength;
    onBytes(done);
    yield decoder.decode(next.value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function start(request: Extract<ImportWorkerRequest, { type: 'start' }>): Promise<void> {
  const db = new WatershedDatabase(request.databaseName);
  const repository = new DexieRepository({ db, ids: () => crypto.randomUUID(), clock: () => new Date().toISOString() });
  let lastReport = 0;
  const report = (progress: RunProgress) => {
    const now = performance.now();
    // The UI repaints a few times a second at most; more messages only cost the window time.
    if (now - lastReport < 100 && progress.done !== progress.total) return;
    lastReport = now;
    scope.postMessage({ type: 'progress', progress } satisfies ImportWorkerMessage);
  };
  try {
    const result = await runCsvImport(
      textChunks(request.file, (done) => report({ phase: 'read', done, total: request.file.size })),
      request.settings,
      request.context,
      repository,
      request.actor,
      { signal: controller.signal, onProgress: report },
    );
    scope.postMessage({ type: 'done', result } satisfies ImportWorkerMessage);
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies ImportWorkerMessage);
  } finally {
    db.close();
  }
}

scope.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  if (event.data.type === 'cancel') controller.abort();
  else void start(event.data);
};
