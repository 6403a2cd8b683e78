import type { ClauseKind, Rung } from '../domain/agreement';

/*
 * A finding explains itself: which clause (and version) was breached, by whom, when, each condition with the
 * value observed beside the limit (as json-rules-engine's factResult), the records that prove it, the communities
 * downstream, its rung on the agreement's ladder, a suggested remedy and one plain sentence. Texts are message
 * codes with parameters (src/i18n/messages/rules.ts), never strings.
 */

/** What a finding is about. `aspect` separates findings on one subject, e.g. the parameter at a monitoring point. */
export interface FindingSubject {
  readonly type: 'community' | 'intake' | 'event' | 'point' | 'site';
  readonly id: string;
  readonly aspect?: string;
}

/** The period a finding covers: local calendar dates, both inclusive, and its key ('2026-03', '2026-W10', ...). */
export interface FindingPeriod {
  readonly start: string;
  readonly end: string;
  readonly key: string;
}

/** json-rules-engine operator names, so findings read like its factResult. */
export type ConditionOperator =
  'greaterThan' | 'greaterThanInclusive' | 'lessThan' | 'lessThanInclusive' | 'equal' | 'notEqual';

/** One condition of the breach: the fact, its observed value, the operator and the limit it was compared to. */
export interface FindingCondition {
  /** Fact name; its label is message `rules.fact.<fact>`. */
  readonly fact: string;
  readonly operator: ConditionOperator;
  readonly observed: number | string;
  readonly limit: number | string;
  /** Unit of observed and limit ('m3', 'm3/s', 'mg/L', 'h', 'days', 'ha', 'count', ...). */
  readonly unit: string;
}

/** A record that proves the finding. */
export interface FindingEvidence {
  readonly kind:
    'withdrawal' | 'intake' | 'measurement' | 'contamination-event' | 'restoration-site' | 'monitoring-point';
  readonly id: string;
}

/** A community downstream of the subject, with the distance along the river in km. */
export interface AffectedCommunity {
  readonly communityId: string;
  readonly distanceKm: number;
}

/** A message to render later: a key of the `rules` namespace and its parameters (numbers, ISO dates, names). */
export interface RuleMessage {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** How serious a finding is, from its rung and the size of the breach. */
export type Severity = 'low' | 'medium' | 'high';

/** Status of a finding, from the latest recorded decision about it ('open' when there is none). */
export type FindingStatus = 'open' | 'acknowledged' | 'sanctioned' | 'resolved' | 'dismissed';

/** A breach of a clause by a subject in a period. */
export interface Finding {
  /** Stable id: `<agreementId>/<clauseId>|<subjectType>:<subjectId>[:aspect]|<periodKey>`. */
  readonly id: string;
  readonly agreementId: string;
  readonly agreementVersion: number;
  readonly clauseId: string;
  readonly clauseVersion: number;
  readonly clauseNumber: number;
  readonly kind: ClauseKind;
  readonly subject: FindingSubject;
  readonly period: FindingPeriod;
  readonly conditions: readonly FindingCondition[];
  readonly evidence: readonly FindingEvidence[];
  /** Communities downstream of the subject, nearest first (ties by id). */
  readonly affectedCommunities: readonly AffectedCommunity[];
  /** The same communities' ids, in the same order. */
  readonly affectedCommunityIds: readonly string[];
  /** Rung on the ladder: repeats of the clause by the subject within the window, counted in period order. */
  readonly rung: Rung;
  /** Zero-based position of `rung` on the ladder (0 for a first breach). */
  readonly rungIndex: number;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly remedy: RuleMessage;
  readonly sentence: RuleMessage;
}

/** The subject part of a finding id, e.g. 'intake:abc' or 'point:p1:arsenic'. */
export function subjectKey(subject: FindingSubject): string {
  return subject.aspect === undefined
    ? `${subject.type}:${subject.id}`
    : `${subject.type}:${subject.id}:${subject.aspect}`;
}

/**
 * The stable id of a finding from its agreement, clause, subject and period key.
 * @example findingId('a1', 'c3', { type: 'intake', id: 'i9' }, '2026-03') === 'a1/c3|intake:i9|2026-03'
 */
export function findingId(agreementId: string, clauseId: string, subject: FindingSubject, periodKey: string): string {
  return `${agreementId}/${clauseId}|${subjectKey(subject)}|${periodKey}`;
}
