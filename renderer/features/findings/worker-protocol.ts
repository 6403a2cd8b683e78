import type { Finding } from '../../../src/rules/finding';
import type { RecordChange } from '../../../src/rules/incremental';
import type { PeriodRange, WhatIfResult } from './engine';

/*
 * Messages between the page and the findings worker. The page starts it with the period filter, tells it when
 * the audit log moved (the worker then reads which records changed), and asks what-ifs; the worker answers with
 * the findings after every evaluation.
 */

/** Page -> worker. */
export type ToWorker =
  | { readonly type: 'start'; readonly period: PeriodRange }
  | { readonly type: 'period'; readonly period: PeriodRange }
  | { readonly type: 'sync' }
  | { readonly type: 'what-if'; readonly requestId: number; readonly change: RecordChange };

/** Worker -> page. */
export type FromWorker =
  | { readonly type: 'evaluating' }
  | {
      readonly type: 'findings';
      readonly findings: Finding[];
      readonly referenceDate: string;
      readonly period: PeriodRange;
      readonly millis: number;
    }
  | { readonly type: 'error'; readonly code: string }
  | { readonly type: 'what-if'; readonly requestId: number; readonly result: WhatIfResult | null };
