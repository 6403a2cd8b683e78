/// <reference lib="webworker" />
import { WatershedDatabase } from '../../store/db';
import { FindingsEngine } from './engine';
import type { FromWorker, ToWorker } from './worker-protocol';

/*
 * The findings worker: evaluation over the whole store runs here, off the page's thread. It opens the same
 * database as the page, builds the network from the stored basin and keeps an incremental evaluation; messages
 * are handled one at a time, in order.
 */

declare const self: DedicatedWorkerGlobalScope;

let engine: FindingsEngine | null = null;
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker): void {
  self.postMessage(message);
}

function publish(started: number): void {
  if (!engine) return;
  const { period } = engine.window();
  post({
    type: 'findings',
    findings: engine.findings(),
    referenceDate: engine.referenceDate,
    period,
    millis: Math.round(performance.now() - started),
  });
  // With the findings shown, build what finds records by id, so that the first change or what-if does not wait.
  engine.prepareForChanges();
}

async function handle(message: ToWorker): Promise<void> {
  const started = performance.now();
  switch (message.type) {
    case 'start':
      post({ type: 'evaluating' });
      engine = await FindingsEngine.open(new WatershedDatabase(), message.period);
      publish(started);
      return;
    case 'period':
      if (!engine) return;
      post({ type: 'evaluating' });
      engine.setPeriod(message.period);
      publish(started);
      return;
    case 'sync':
      if (engine && (await engine.sync()) > 0) publish(started);
      return;
    case 'what-if':
      post({ type: 'what-if', requestId: message.requestId, result: engine ? engine.whatIf(message.change) : null });
      return;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((error: unknown) =>
      post({
        type: 'error',
        code:
          error instanceof Error && error.message.startsWith('findings.') ? error.message : 'findings.error.evaluation',
      }),
    );
};
