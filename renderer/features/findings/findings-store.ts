import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { NATIONAL_STANDARD_META_KEY } from '../../../src/field/guidelines';
import { create } from 'zustand';
import type { Finding } from '../../../src/rules/finding';
import type { RecordChange } from '../../../src/rules/incremental';
import type { Session } from '../../session/session';
import { useUiStore } from '../../state/ui-store';
import type { PeriodRange, WhatIfResult } from './engine';
import type { FromWorker, ToWorker } from './worker-protocol';

/*
 * The page's side of the findings worker: one worker per window, started once the session is ready. The page
 * watches the audit head with a live query and tells the worker when it moved; the worker reads which records
 * changed and sends the findings back. What-ifs are requests answered by id.
 */

/** Where the evaluation stands. */
export type EvaluationStatus = 'idle' | 'evaluating' | 'ready' | 'error';

/** The findings as the worker last sent them. */
export interface FindingsState {
  readonly status: EvaluationStatus;
  readonly findings: readonly Finding[];
  readonly byId: ReadonlyMap<string, Finding>;
  readonly referenceDate: string | null;
  readonly period: PeriodRange | null;
  readonly millis: number | null;
  readonly errorCode: string | null;
}

/** The findings store (read with selectors). */
export const useFindingsStore = create<FindingsState>(() => ({
  status: 'idle',
  findings: [],
  byId: new Map(),
  referenceDate: null,
  period: null,
  millis: null,
  errorCode: null,
}));

let worker: Worker | null = null;
let nextRequestId = 1;
const pending = new Map<number, (result: WhatIfResult | null) => void>();

/** Applies a worker message to the store (exported for tests, which have no workers). */
export function receive(message: FromWorker): void {
  switch (message.type) {
    case 'evaluating':
      useFindingsStore.setState({ status: 'evaluating' });
      return;
    case 'findings':
      useFindingsStore.setState({
        status: 'ready',
        findings: message.findings,
        byId: new Map(message.findings.map((finding) => [finding.id, finding])),
        referenceDate: message.referenceDate,
        period: message.period,
        millis: message.millis,
        errorCode: null,
      });
      return;
    case 'error':
      useFindingsStore.setState({ status: 'error', errorCode: message.code });
      return;
    case 'what-if': {
      const resolve = pending.get(message.requestId);
      pending.delete(message.requestId);
      resolve?.(message.result);
      return;
    }
  }
}

function send(message: ToWorker): void {
  worker?.postMessage(message);
}

/** Asks the worker what saving `change` would do to the findings; null when there is no evaluation yet. */
export function requestWhatIf(change: RecordChange): Promise<WhatIfResult | null> {
  if (!worker) return Promise.resolve(null);
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    send({ type: 'what-if', requestId, change });
  });
}

function rangeOf(period: { start: string; end: string }): PeriodRange {
  return { start: period.start, end: period.end };
}

/** Starts the worker for the session and keeps it following the store and the period filter. */
export function useFindingsEngine(session: Session): void {
  useEffect(() => {
    if (typeof Worker === 'undefined') return undefined;
    const started = new Worker(new URL('./findings.worker.ts', import.meta.url), { type: 'module' });
    worker = started;
    started.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
    started.onerror = () => receive({ type: 'error', code: 'findings.error.evaluation' });
    send({ type: 'start', period: rangeOf(useUiStore.getState().period) });
    const unsubscribe = useUiStore.subscribe((state, previous) => {
      if (state.period.start !== previous.period.start || state.period.end !== previous.period.end)
        send({ type: 'period', period: rangeOf(state.period) });
    });
    return () => {
      unsubscribe();
      started.terminate();
      if (worker === started) worker = null;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
    };
  }, [session]);

  const head = useLiveQuery(async () => (await session.db.audit.orderBy('seq').last())?.seq ?? 0, [session]);
  // The committee's national water-quality standard (a setting, not audited) changes findings too.
  const standard = useLiveQuery(
    async () => JSON.stringify((await session.db.meta.get(NATIONAL_STANDARD_META_KEY))?.value ?? null),
    [session],
  );
  useEffect(() => {
    if (head !== undefined && standard !== undefined) send({ type: 'sync' });
  }, [head, standard]);
}
