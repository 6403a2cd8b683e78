import type { Agreement } from '../domain/agreement';
import type { Decision } from '../domain/records';
import { DAY_MS, dayOfIsoDate, localDayOfMs, parseIsoMs } from './calendar';
import {
  type ClauseInForce,
  type EvaluationContext,
  evaluateClause,
  type FindingDraft,
  type UnitFilter,
} from './clause-kinds';
import type { Finding, FindingStatus, Severity } from './finding';
import type { NetworkView } from './network-view';
import { RecordIndex, type RuleRecords } from './record-index';
import { type GuidelineTable, WHO_GUIDELINES } from './who-guidelines';

/*
 * Full evaluation: index the records once, run every clause in force over its own groups, then rank repeats on
 * each agreement's ladder. Pure and deterministic: the same input gives the same findings, in id order.
 */

/** Everything an evaluation reads. Dates are the basin's local calendar dates; `now` is an ISO date-time. */
export interface EvaluateInput {
  readonly agreements: readonly Agreement[];
  readonly records: RuleRecords;
  readonly network: NetworkView;
  /** Evaluation range, both dates inclusive: periods and events overlapping it are judged. */
  readonly period: { readonly start: string; readonly end: string };
  readonly now: string;
  /** Water-quality guideline table (default WHO); clause overrides apply over it. */
  readonly guidelines?: GuidelineTable;
  /** Decisions about findings: they set a finding's status, and a dismissed finding does not count on the ladder. */
  readonly decisions?: readonly Decision[];
  /** The basin's offset from UTC in minutes (e.g. -300 for Colombia), for calendar periods. Default 0. */
  readonly utcOffsetMinutes?: number;
}

/** Builds the evaluation context over an index. */
export function contextOf(input: EvaluateInput, index: RecordIndex): EvaluationContext {
  const utcOffsetMinutes = input.utcOffsetMinutes ?? 0;
  const nowMs = parseIsoMs(input.now);
  return {
    index,
    nowMs,
    nowDay: localDayOfMs(nowMs, utcOffsetMinutes),
    fromDay: dayOfIsoDate(input.period.start),
    toDay: dayOfIsoDate(input.period.end) + 1,
    utcOffsetMinutes,
    guidelines: input.guidelines ?? WHO_GUIDELINES,
  };
}

/** Every clause of every live agreement, once per version that states it, with the version's days in force. */
export function clausesInForce(agreements: readonly Agreement[]): ClauseInForce[] {
  const clauses: ClauseInForce[] = [];
  const sorted = agreements
    .filter((agreement) => !agreement.deleted)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const agreement of sorted) {
    for (const version of agreement.versions) {
      const fromDay = dayOfIsoDate(version.effectiveFrom);
      const toDay = version.effectiveTo === null ? Number.POSITIVE_INFINITY : dayOfIsoDate(version.effectiveTo) + 1;
      for (const clause of version.clauses) clauses.push({ agreement, version, clause, fromDay, toDay });
    }
  }
  return clauses;
}

/** Runs clauses over the context, restricted by each one's filter when given. */
export function draftsOf(
  clauses: readonly ClauseInForce[],
  ctx: EvaluationContext,
  filters?: readonly (UnitFilter | null)[],
): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  clauses.forEach((c, i) => evaluateClause(c, ctx, filters ? (filters[i] ?? null) : null, drafts));
  return drafts;
}

/** The latest decision per finding id (by decision time, then record version). */
export function latestDecisions(decisions: readonly Decision[]): Map<string, Decision> {
  const latest = new Map<string, Decision>();
  for (const decision of decisions) {
    if (decision.deleted) continue;
    const known = latest.get(decision.findingId);
    const knownMs = known ? parseIsoMs(known.decidedAt) : Number.NEGATIVE_INFINITY;
    const decidedMs = parseIsoMs(decision.decidedAt);
    if (!known || decidedMs > knownMs || (decidedMs === knownMs && decision.version > known.version))
      latest.set(decision.findingId, decision);
  }
  return latest;
}

/** The chain a finding climbs the ladder in: agreement, clause and subject (its id without the period key). */
export function chainKeyOf(findingIdText: string): string {
  return findingIdText.slice(0, findingIdText.lastIndexOf('|'));
}

const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];
const RUNG_LEVEL = { notice: 0, warning: 1, sanction: 2 } as const;

/**
 * Ranks the findings of one chain on the ladder: in period order, a finding's rung index is the number of earlier
 * findings of the chain (not dismissed) whose period started within the ladder's window before its own.
 */
export function rankChain(drafts: readonly FindingDraft[], decisions: ReadonlyMap<string, Decision>): Finding[] {
  const ordered = [...drafts].sort(
    (a, b) => a.periodStartMs - b.periodStartMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const counted: number[] = [];
  let windowStart = 0;
  return ordered.map((draft) => {
    const status: FindingStatus = decisions.get(draft.id)?.status ?? 'open';
    const windowMs = draft.ladder.windowDays * DAY_MS;
    while (windowStart < counted.length && counted[windowStart]! < draft.periodStartMs - windowMs) windowStart++;
    const repeats = counted.length - windowStart;
    if (status !== 'dismissed') counted.push(draft.periodStartMs);
    const rungIndex = Math.min(repeats, draft.ladder.rungs.length - 1);
    const rung = draft.ladder.rungs[rungIndex] ?? 'notice';
    const severity = SEVERITIES[Math.min(2, Math.max(RUNG_LEVEL[rung], draft.magnitude))]!;
    return {
      id: draft.id,
      agreementId: draft.agreementId,
      agreementVersion: draft.agreementVersion,
      clauseId: draft.clauseId,
      clauseVersion: draft.clauseVersion,
      clauseNumber: draft.clauseNumber,
      kind: draft.kind,
      subject: draft.subject,
      period: draft.period,
      conditions: draft.conditions,
      evidence: draft.evidence,
      affectedCommunities: draft.affectedCommunities,
      affectedCommunityIds: draft.affectedCommunityIds,
      rung,
      rungIndex,
      severity,
      status,
      remedy: draft.remedy,
      sentence: draft.sentence,
    };
  });
}

const byDraftId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Ranks every chain and returns the findings in id order. A chain's findings share the id up to its last '|', so
 * in id order each chain is one run of the list: one sort serves both the grouping and the output.
 */
export function rankAll(drafts: readonly FindingDraft[], decisions: ReadonlyMap<string, Decision>): Finding[] {
  const sorted = [...drafts].sort(byDraftId);
  const findings: Finding[] = [];
  let start = 0;
  while (start < sorted.length) {
    const first = sorted[start]!.id;
    const keyLength = first.lastIndexOf('|');
    const chainPrefix = first.slice(0, keyLength + 1);
    let end = start + 1;
    while (end < sorted.length) {
      const id = sorted[end]!.id;
      if (id.lastIndexOf('|') !== keyLength || !id.startsWith(chainPrefix)) break;
      end++;
    }
    const ranked = rankChain(end - start === 1 ? [sorted[start]!] : sorted.slice(start, end), decisions);
    if (ranked.length > 1) ranked.sort(byDraftId);
    for (const finding of ranked) findings.push(finding);
    start = end;
  }
  return findings;
}

/**
 * Evaluates every agreement clause in force over the records: findings with evidence, affected communities
 * downstream, ladder rungs and sentences, sorted by id.
 * @example evaluate({ agreements, records, network, period: { start: '2026-01-01', end: '2026-12-31' }, now: '2026-12-31T12:00:00Z' })
 */
export function evaluate(input: EvaluateInput): Finding[] {
  return evaluateOnIndex(input, new RecordIndex(input.records, input.network));
}

/** Evaluates over an index already built from `input.records` (the store keeps one warm between evaluations). */
export function evaluateOnIndex(input: EvaluateInput, index: RecordIndex): Finding[] {
  const ctx = contextOf(input, index);
  const drafts = draftsOf(clausesInForce(input.agreements), ctx);
  return rankAll(drafts, latestDecisions(input.decisions ?? []));
}
