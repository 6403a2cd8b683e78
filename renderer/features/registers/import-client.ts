import type { Actor } from '../../../src/ports/repository';
import type { ImportContext, ImportSettings, RunProgress, RunResult } from './import-core';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import.worker';

/** A running import in its worker: the result to await, and cancel (nothing is written once cancelled). */
export interface RunningImport {
  readonly result: Promise<RunResult | { readonly ok: false; readonly crashed: string }>;
  cancel(): void;
}

/** Starts a CSV import in a Web Worker that writes through its own connection to the database `databaseName`. */
export function startImportWorker(
  file: Blob,
  settings: ImportSettings,
  context: ImportContext,
  actor: Actor,
  databaseName: string,
  onProgress: (progress: RunProgress) => void,
): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<RunResult | { readonly ok: false; readonly crashed: string }>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.progress);
      else {
        resolve(message.type === 'done' ? message.result : { ok: false, crashed: message.message });
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      resolve({ ok: false, crashed: event.message });
      worker.terminate();
    };
  });
  const request: ImportWorkerRequest = { type: 'start', file, settings, context, actor, databaseName };
  worker.postMessage(request);
  return {
    result,
    cancel: () => worker.postMessage({ type: 'cancel' } satisfies ImportWorkerRequest),
  };
}
