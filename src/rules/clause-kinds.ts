import type {
  Agreement,
  AgreementVersion,
  Clause,
  ClauseKind,
  Ladder,
  ParamsOf,
  PeriodUnit,
  Season,
} from '../domain/agreement';
import { allocateInScarcity } from './allocation';
import {
  type CalendarPeriod,
  DAY_MS,
  dayOfIsoDate,
  isDayInSeason,
  isoDateOfDay,
  localDayOfMs,
  msOfLocalDay,
  parseIsoMs,
  periodsBetween,
  seasonOccurrencesBetween,
} from './calendar';
import type {
  AffectedCommunity,
  Finding,
  FindingCondition,
  FindingEvidence,
  FindingSubject,
  RuleMessage,
} from './finding';
import { findingId } from './finding';
import { boundsWithin, distanceToFeatureM, isInBounds } from './geometry';
import { type DatedEvent, type RecordIndex, toMillilitre, type VolumeSource } from './record-index';
import { buildRosterSchedule, type RosterSchedule } from './turns';
import { convertGuidelineUnit, type GuidelineEntry, type GuidelineTable } from './who-guidelines';

/*
 * One evaluator per clause kind. Each enumerates its own units (subject x period), reads the index, and emits a
 * draft finding for each breach. A period is judged under the clause version in force on its first day; an
 * event under the version in force on the day it was observed. An optional filter restricts the units to the
 * subjects and time range a change can touch, which is how the incremental evaluator re-evaluates only groups.
 */

/** What every clause evaluator reads: the index, the clock and the evaluation range (local days, half-open). */
export interface EvaluationContext {
  readonly index: RecordIndex;
  readonly nowMs: number;
  readonly nowDay: number;
  readonly fromDay: number;
  readonly toDay: number;
  readonly utcOffsetMinutes: number;
  readonly guidelines: GuidelineTable;
}

/** A clause as one agreement version states it, with the version's days in force [fromDay, toDay). */
export interface ClauseInForce {
  readonly agreement: Agreement;
  readonly version: AgreementVersion;
  readonly clause: Clause;
  readonly fromDay: number;
  readonly toDay: number;
}

/** Restricts evaluation to units whose subject key is in `subjects` (null: any) and period overlaps [fromMs, toMs]. */
export interface UnitFilter {
  readonly subjects: ReadonlySet<string> | null;
  readonly fromMs: number;
  readonly toMs: number;
}

/** A finding before the ladder pass: no rung, severity or status yet. */
export interface FindingDraft extends Omit<Finding, 'rung' | 'rungIndex' | 'severity' | 'status'> {
  /** Size of the breach: 0 small, 1 clear, 2 large (raises severity above the rung's). */
  readonly magnitude: number;
  readonly ladder: Ladder;
  /** UTC ms range of the period, for ordering on the ladder and matching filters. */
  readonly periodStartMs: number;
  readonly periodEndMs: number;
}

/**
 * Where an evaluator puts its drafts: an array rather than a callback, because a callback made afresh for each
 * evaluation ties the evaluators' optimised code to it, and V8 drops that code once the callback is collected.
 */
type Emit = FindingDraft[];
type Evaluator<K extends ClauseKind> = (
  c: ClauseInForce,
  params: ParamsOf<K>,
  ctx: EvaluationContext,
  filter: UnitFilter | null,
  emit: Emit,
) => void;

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

function magnitudeOf(observed: number, limit: number): number {
  if (limit <= 0) return observed > 0 ? 2 : 0;
  const excess = (observed - limit) / limit;
  return excess >= 0.5 ? 2 : excess >= 0.1 ? 1 : 0;
}

function excessPct(observed: number, limit: number): number {
  return limit > 0 ? Math.round((100 * (observed - limit)) / limit) : 100;
}

function subjectMatches(filter: UnitFilter | null, subject: FindingSubject): boolean {
  return filter === null || filter.subjects === null || filter.subjects.has(`${subject.type}:${subject.id}`);
}

function rangeMatches(filter: UnitFilter | null, fromMs: number, toMs: number): boolean {
  return filter === null || (fromMs <= filter.toMs && toMs >= filter.fromMs);
}

function periodLabel(unit: PeriodUnit | 'event', period: CalendarPeriod, yearStartMonthDay = '01-01'): string {
  if (unit === 'month' || unit === 'day') return period.key;
  if (unit === 'year' && yearStartMonthDay === '01-01') return period.key;
  return `${isoDateOfDay(period.startDay)}/${isoDateOfDay(period.endDay - 1)}`;
}

function periodsOf(
  c: ClauseInForce,
  ctx: EvaluationContext,
  filter: UnitFilter | null,
  unit: PeriodUnit,
  options: { season?: Season | null; yearStartMonthDay?: string } = {},
): CalendarPeriod[] {
  return periodsBetween(unit, ctx.fromDay, ctx.toDay, options).filter(
    (period) =>
      period.startDay >= c.fromDay &&
      period.startDay < c.toDay &&
      period.startDay <= ctx.nowDay &&
      rangeMatches(
        filter,
        msOfLocalDay(period.startDay, ctx.utcOffsetMinutes),
        msOfLocalDay(period.endDay, ctx.utcOffsetMinutes),
      ),
  );
}

interface DraftParts {
  subject: FindingSubject;
  period: CalendarPeriod;
  label: string;
  conditions: FindingCondition[];
  evidence: FindingEvidence[];
  affected: readonly AffectedCommunity[];
  sentence: RuleMessage;
  remedy: RuleMessage;
  magnitude: number;
}

function draftOf(c: ClauseInForce, ctx: EvaluationContext, parts: DraftParts): FindingDraft {
  return {
    id: findingId(c.agreement.id, c.clause.id, parts.subject, parts.period.key),
    agreementId: c.agreement.id,
    agreementVersion: c.version.version,
    clauseId: c.clause.id,
    clauseVersion: c.clause.version,
    clauseNumber: c.clause.number,
    kind: c.clause.params.kind,
    subject: parts.subject,
    period: {
      start: isoDateOfDay(parts.period.startDay),
      end: isoDateOfDay(parts.period.endDay - 1),
      key: parts.period.key,
    },
    conditions: parts.conditions,
    evidence: parts.evidence,
    affectedCommunities: parts.affected,
    affectedCommunityIds: affectedIds(parts.affected),
    remedy: parts.remedy,
    sentence: {
      code: parts.sentence.code,
      params: { ...parts.sentence.params, period: parts.label, clause: c.clause.number, version: c.clause.version },
    },
    magnitude: parts.magnitude,
    ladder: c.version.ladder,
    periodStartMs: msOfLocalDay(parts.period.startDay, ctx.utcOffsetMinutes),
    periodEndMs: msOfLocalDay(parts.period.endDay, ctx.utcOffsetMinutes),
  };
}

function communityName(ctx: EvaluationContext, communityId: string): string {
  return ctx.index.communities.get(communityId)?.name ?? communityId;
}

function intakeAffected(ctx: EvaluationContext, index: number): readonly AffectedCommunity[] {
  return ctx.index.downstreamOfIntake(index);
}

/** The ids of an affected list, made once per list: findings of the same subject share both. */
const idsOfAffected = new WeakMap<readonly AffectedCommunity[], readonly string[]>();

function affectedIds(affected: readonly AffectedCommunity[]): readonly string[] {
  let ids = idsOfAffected.get(affected);
  if (!ids) {
    ids = affected.map((item) => item.communityId);
    idsOfAffected.set(affected, ids);
  }
  return ids;
}

/** Intake indexes a clause covers: the filter's intakes (if any) within `ids` (null: all), in index order. */
function candidateIntakes(ctx: EvaluationContext, ids: readonly string[] | null, filter: UnitFilter | null): number[] {
  const index = ctx.index;
  let candidates: number[];
  if (filter?.subjects) {
    candidates = [];
    for (const key of filter.subjects) {
      if (!key.startsWith('intake:')) continue;
      const found = index.intakeIndex.get(key.slice(7));
      if (found !== undefined) candidates.push(found);
    }
    if (ids !== null) candidates = candidates.filter((i) => ids.includes(index.intakes[i]!.id));
  } else if (ids !== null) {
    candidates = ids.map((id) => index.intakeIndex.get(id)).filter((i): i is number => i !== undefined);
  } else {
    // Every intake: already unique and in index order.
    return index.intakes.map((_, i) => i);
  }
  return [...new Set(candidates)].sort((a, b) => a - b);
}

function withdrawalEvidence(
  ctx: EvaluationContext,
  intakes: readonly number[],
  windows: readonly [number, number][],
): FindingEvidence[] {
  const evidence: FindingEvidence[] = [];
  for (const i of intakes) {
    evidence.push({ kind: 'intake', id: ctx.index.intakes[i]!.id });
    const series = ctx.index.series[i]!;
    const seen = new Set<number>();
    for (const [fromMs, toMs] of windows) for (const w of series.indexesBetween(fromMs, toMs)) seen.add(w);
    for (const w of [...seen].sort((a, b) => a - b)) evidence.push({ kind: 'withdrawal', id: series.ids[w]! });
  }
  return evidence;
}

/**
 * A clause's periods as runs of local days (a season cuts a period into one or two): period k owns runs
 * [firstRun[k], firstRun[k + 1]). The loops over every intake and period live in these small functions, which V8
 * optimises after a few calls, rather than in the clause evaluators, which run a few dozen times per evaluation
 * and would spend their first, unoptimised calls on millions of iterations.
 */
class PeriodRuns {
  readonly fromDays: Int32Array;
  readonly toDays: Int32Array;
  readonly firstRun: Int32Array;
  readonly periods: number;
  private readonly scratch: Float64Array;

  constructor(runsOfPeriod: readonly (readonly (readonly [number, number])[])[]) {
    this.periods = runsOfPeriod.length;
    this.firstRun = new Int32Array(this.periods + 1);
    runsOfPeriod.forEach((runs, k) => (this.firstRun[k + 1] = this.firstRun[k]! + runs.length));
    const runs = runsOfPeriod.flat();
    this.fromDays = Int32Array.from(runs, (run) => run[0]);
    this.toDays = Int32Array.from(runs, (run) => run[1]);
    this.scratch = new Float64Array(runs.length);
  }

  /** Volume of one intake (or a group read as one) in every period, m3 to the millilitre, into `out`. */
  volumesOf(series: VolumeSource, utcOffsetMinutes: number, out: Float64Array): void {
    if (this.fromDays.length === this.periods)
      return series.volumesOnDays(this.fromDays, this.toDays, utcOffsetMinutes, out);
    series.volumesOnDays(this.fromDays, this.toDays, utcOffsetMinutes, this.scratch);
    for (let k = 0; k < this.periods; k++) {
      let volumeM3 = 0;
      for (let r = this.firstRun[k]!; r < this.firstRun[k + 1]!; r++) volumeM3 += this.scratch[r]!;
      out[k] = toMillilitre(volumeM3);
    }
  }

  /** Periods (with at least one run) whose value is over `limit`, into `found`; returns how many. */
  over(values: Float64Array, limit: number, found: Int32Array): number {
    let count = 0;
    for (let k = 0; k < this.periods; k++) {
      if (values[k]! > limit && this.firstRun[k + 1]! > this.firstRun[k]!) found[count++] = k;
    }
    return count;
  }
}

const withdrawalQuota: Evaluator<'withdrawal-quota'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const periods = periodsOf(c, ctx, filter, p.periodUnit, { season: p.season });
  const usable = (i: number): boolean => p.uses === null || p.uses.includes(index.intakes[i]!.use);
  let communityIds: string[] = [];
  if (p.scope === 'community') {
    const all = p.subjectIds ?? [...index.intakesOfCommunity.keys()].sort();
    communityIds = filter?.subjects ? all.filter((id) => filter.subjects!.has(`community:${id}`)) : all;
  }
  const intakeCandidates = p.scope === 'intake' ? candidateIntakes(ctx, p.subjectIds, filter).filter(usable) : [];
  // Each community's usable intakes, once per clause rather than once per period.
  const communityIntakes = communityIds.map((id) => (index.intakesOfCommunity.get(id) ?? []).filter(usable));
  const offset = ctx.utcOffsetMinutes;
  const runsOfPeriod = periods.map((period): (readonly [number, number])[] =>
    p.season && p.periodUnit !== 'season'
      ? seasonOccurrencesBetween(p.season, period.startDay, period.endDay).map(
          (occurrence) =>
            [Math.max(occurrence.startDay, period.startDay), Math.min(occurrence.endDay, period.endDay)] as const,
        )
      : [[period.startDay, period.endDay] as const],
  );
  const runs = new PeriodRuns(runsOfPeriod);
  const breach = (
    k: number,
    subject: FindingSubject,
    intakes: number[],
    volumeM3: number,
    affected: readonly AffectedCommunity[],
    sentence: RuleMessage,
  ): void => {
    const windows = runsOfPeriod[k]!.map(([from, to]): [number, number] => [
      msOfLocalDay(from, offset),
      msOfLocalDay(to, offset),
    ]);
    emit.push(
      draftOf(c, ctx, {
        subject,
        period: periods[k]!,
        label: periodLabel(p.periodUnit, periods[k]!),
        conditions: [
          { fact: 'withdrawalM3', operator: 'greaterThan', observed: round(volumeM3, 3), limit: p.limitM3, unit: 'm3' },
        ],
        evidence: withdrawalEvidence(ctx, intakes, windows),
        affected,
        sentence,
        remedy: { code: 'rules.remedy.reduceWithdrawal', params: { excessM3: Math.ceil(volumeM3 - p.limitM3) } },
        magnitude: magnitudeOf(volumeM3, p.limitM3),
      }),
    );
  };
  const volumes = new Float64Array(periods.length);
  const found = new Int32Array(periods.length);
  for (const i of intakeCandidates) {
    runs.volumesOf(index.series[i]!, offset, volumes);
    const count = runs.over(volumes, p.limitM3, found);
    for (let n = 0; n < count; n++) {
      const k = found[n]!;
      const volumeM3 = volumes[k]!;
      const intake = index.intakes[i]!;
      breach(k, { type: 'intake', id: intake.id }, [i], volumeM3, intakeAffected(ctx, i), {
        code: 'rules.sentence.withdrawalQuotaIntake',
        params: {
          community: communityName(ctx, intake.communityId),
          intake: intake.name,
          volumeM3: Math.round(volumeM3),
          limitM3: p.limitM3,
          excessPct: excessPct(volumeM3, p.limitM3),
        },
      });
    }
  }
  for (let m = 0; m < communityIds.length; m++) {
    const communityId = communityIds[m]!;
    const intakes = communityIntakes[m]!;
    runs.volumesOf(index.groupSource(intakes, offset), offset, volumes);
    const count = runs.over(volumes, p.limitM3, found);
    for (let n = 0; n < count; n++) {
      const k = found[n]!;
      const volumeM3 = volumes[k]!;
      breach(k, { type: 'community', id: communityId }, intakes, volumeM3, index.downstreamOfCommunity(communityId), {
        code: 'rules.sentence.withdrawalQuotaCommunity',
        params: {
          community: communityName(ctx, communityId),
          intakeCount: intakes.length,
          volumeM3: Math.round(volumeM3),
          limitM3: p.limitM3,
          excessPct: excessPct(volumeM3, p.limitM3),
        },
      });
    }
  }
};

function dischargeM3s(value: number, unit: string): number {
  return unit === 'L/s' ? value / 1000 : value;
}

/** Mean gauge flow over [fromMs, toMs) scaled to the control point, m3/s, and the measurements used; null without data. */
function referenceFlow(
  ctx: EvaluationContext,
  controlPointId: string,
  gaugePointId: string,
  fromMs: number,
  toMs: number,
) {
  const control = ctx.index.points.get(controlPointId);
  const gauge = ctx.index.points.get(gaugePointId);
  if (!control || !gauge) return null;
  const measurements = ctx.index.measurementsBetween(gaugePointId, 'discharge', fromMs, toMs);
  if (measurements.length === 0) return null;
  const meanM3s =
    measurements.reduce((sum, item) => sum + dischargeM3s(item.record.value, item.record.unit), 0) /
    measurements.length;
  const gaugeAreaKm2 = gauge.snap ? ctx.index.network.drainageAreaKm2(gauge.snap) : 0;
  const ratio =
    control.snap && gauge.snap && gaugeAreaKm2 > 0 ? ctx.index.network.drainageAreaKm2(control.snap) / gaugeAreaKm2 : 1;
  return { flowM3s: meanM3s * ratio, measurementIds: measurements.map((item) => item.record.id) };
}

const proportionalShare: Evaluator<'proportional-share'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const control = index.points.get(p.controlPointId);
  if (!control?.snap) return;
  const upstream = index.consumptiveIntakesUpstreamOf(control.snap);
  for (const period of periodsOf(c, ctx, filter, p.periodUnit)) {
    const fromMs = msOfLocalDay(period.startDay, ctx.utcOffsetMinutes);
    const toMs = Math.min(msOfLocalDay(period.endDay, ctx.utcOffsetMinutes), ctx.nowMs);
    if (toMs <= fromMs) continue;
    const reference =
      p.gaugePointId === null ? null : referenceFlow(ctx, p.controlPointId, p.gaugePointId, fromMs, toMs);
    if (p.gaugePointId !== null && reference === null) continue;
    if (reference !== null && p.scarcityFlowM3s !== null && !(reference.flowM3s < p.scarcityFlowM3s)) continue;
    const byCommunity = new Map<string, { volumeM3: number; intakes: number[] }>();
    let domesticM3 = 0;
    let sharedUseM3 = 0;
    for (const i of upstream) {
      const intake = index.intakes[i]!;
      const volumeM3 = index.volumeOf(i, fromMs, toMs, ctx.utcOffsetMinutes);
      if (intake.use === 'domestic') {
        domesticM3 += volumeM3;
        continue;
      }
      sharedUseM3 += volumeM3;
      const entry = byCommunity.get(intake.communityId) ?? { volumeM3: 0, intakes: [] };
      entry.volumeM3 += volumeM3;
      entry.intakes.push(i);
      byCommunity.set(intake.communityId, entry);
    }
    const seconds = (toMs - fromMs) / 1000;
    const allocation =
      reference === null
        ? new Map(p.shares.map((share) => [share.communityId, (sharedUseM3 * share.sharePct) / 100]))
        : allocateInScarcity(reference.flowM3s * seconds, p.ecologicalFlowM3s * seconds, domesticM3, p.shares)
            .byCommunity;
    for (const share of p.shares) {
      const subject: FindingSubject = { type: 'community', id: share.communityId };
      if (!subjectMatches(filter, subject)) continue;
      const used = byCommunity.get(share.communityId);
      // Both to the millilitre: an allowance that floating point leaves at 1e-11 m3 is none.
      const volumeM3 = toMillilitre(used?.volumeM3 ?? 0);
      const allowedM3 = toMillilitre((allocation.get(share.communityId) ?? 0) * (1 + p.tolerancePct / 100));
      if (!(volumeM3 > allowedM3)) continue;
      const conditions: FindingCondition[] = [];
      if (reference !== null && p.scarcityFlowM3s !== null) {
        conditions.push({
          fact: 'referenceFlowM3s',
          operator: 'lessThan',
          observed: round(reference.flowM3s, 4),
          limit: p.scarcityFlowM3s,
          unit: 'm3/s',
        });
      }
      conditions.push({
        fact: 'withdrawalM3',
        operator: 'greaterThan',
        observed: round(volumeM3, 3),
        limit: round(allowedM3, 3),
        unit: 'm3',
      });
      const evidence: FindingEvidence[] = [{ kind: 'monitoring-point', id: p.controlPointId }];
      for (const id of reference?.measurementIds ?? []) evidence.push({ kind: 'measurement', id });
      for (const i of used?.intakes ?? []) evidence.push({ kind: 'intake', id: index.intakes[i]!.id });
      emit.push(
        draftOf(c, ctx, {
          subject,
          period,
          label: periodLabel(p.periodUnit, period),
          conditions,
          evidence,
          affected: index.downstreamOfCommunity(share.communityId),
          sentence: {
            // An allowance that rounds to nothing gets its own sentence: "0 m³ allowed, 100 % over" reads as nonsense.
            code: allowedM3 < 0.5 ? 'rules.sentence.proportionalShareNone' : 'rules.sentence.proportionalShare',
            params: {
              community: communityName(ctx, share.communityId),
              point: control.name,
              volumeM3: Math.round(volumeM3),
              allocationM3: Math.round(allowedM3),
              sharePct: share.sharePct,
              excessPct: excessPct(volumeM3, allowedM3),
            },
          },
          remedy: { code: 'rules.remedy.reduceToAllocation', params: { excessM3: Math.ceil(volumeM3 - allowedM3) } },
          magnitude: magnitudeOf(volumeM3, allowedM3),
        }),
      );
    }
  }
};

const minimumFlow: Evaluator<'minimum-flow'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const control = index.points.get(p.controlPointId);
  const subject: FindingSubject = { type: 'point', id: p.controlPointId };
  if (!control || !subjectMatches(filter, subject)) return;
  const upstream = control.snap ? index.consumptiveIntakesUpstreamOf(control.snap) : new Int32Array(0);
  for (const period of periodsOf(c, ctx, filter, p.periodUnit)) {
    if (p.season && !isDayInSeason(p.season, period.startDay)) continue;
    const fromMs = msOfLocalDay(period.startDay, ctx.utcOffsetMinutes);
    const toMs = Math.min(msOfLocalDay(period.endDay, ctx.utcOffsetMinutes), ctx.nowMs);
    if (toMs <= fromMs) continue;
    const reference = referenceFlow(ctx, p.controlPointId, p.gaugePointId, fromMs, toMs);
    if (reference === null) continue;
    let withdrawnM3 = 0;
    const contributing: number[] = [];
    for (const i of upstream) {
      const volumeM3 = index.volumeOf(i, fromMs, toMs, ctx.utcOffsetMinutes);
      withdrawnM3 += volumeM3;
      if (volumeM3 > 0) contributing.push(i);
    }
    const withdrawalM3s = withdrawnM3 / ((toMs - fromMs) / 1000);
    const netFlowM3s = reference.flowM3s - withdrawalM3s;
    if (!(netFlowM3s < p.minimumFlowM3s)) continue;
    const evidence: FindingEvidence[] = [
      { kind: 'monitoring-point', id: p.gaugePointId },
      ...reference.measurementIds.map((id) => ({ kind: 'measurement' as const, id })),
      ...contributing.map((i) => ({ kind: 'intake' as const, id: index.intakes[i]!.id })),
    ];
    emit.push(
      draftOf(c, ctx, {
        subject,
        period,
        label: periodLabel(p.periodUnit, period),
        conditions: [
          {
            fact: 'netFlowM3s',
            operator: 'lessThan',
            observed: round(netFlowM3s, 4),
            limit: p.minimumFlowM3s,
            unit: 'm3/s',
          },
        ],
        evidence,
        affected: control.snap ? index.downstreamOf(control.snap) : [],
        sentence: {
          code: 'rules.sentence.minimumFlow',
          params: {
            point: control.name,
            netFlowM3s: round(netFlowM3s, 3),
            referenceFlowM3s: round(reference.flowM3s, 3),
            withdrawalM3s: round(withdrawalM3s, 3),
            minimumFlowM3s: p.minimumFlowM3s,
          },
        },
        remedy: { code: 'rules.remedy.releaseFlow', params: { deficitM3s: round(p.minimumFlowM3s - netFlowM3s, 3) } },
        magnitude: magnitudeOf(p.minimumFlowM3s, Math.max(netFlowM3s, 1e-9)),
      }),
    );
  }
};

const schedules = new WeakMap<object, RosterSchedule>();

const rotation: Evaluator<'rotation'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  let schedule = schedules.get(p.roster);
  if (!schedule) {
    schedule = buildRosterSchedule(p.roster, ctx.utcOffsetMinutes);
    schedules.set(p.roster, schedule);
  }
  const holdersOfIntake = new Map<string, Set<string>>();
  for (const entry of p.roster.entries) {
    for (const intakeId of entry.intakeIds) {
      const holders = holdersOfIntake.get(intakeId) ?? new Set<string>();
      holders.add(entry.communityId);
      holdersOfIntake.set(intakeId, holders);
    }
  }
  const toleranceMs = p.toleranceMinutes * 60_000;
  const intakes = candidateIntakes(ctx, [...holdersOfIntake.keys()].sort(), filter);
  const periods = periodsOf(c, ctx, filter, 'month');
  for (const i of intakes) {
    const intake = index.intakes[i]!;
    const holders = holdersOfIntake.get(intake.id)!;
    const series = index.series[i]!;
    for (const period of periods) {
      const fromMs = msOfLocalDay(period.startDay, ctx.utcOffsetMinutes);
      const toMs = msOfLocalDay(period.endDay, ctx.utcOffsetMinutes);
      // The intake first, then each reading outside the turn.
      const evidence: FindingEvidence[] = [{ kind: 'intake', id: intake.id }];
      let outsideMs = 0;
      for (
        let w = series.lowerBound(fromMs);
        w < series.length && series.startMs[w]! < toMs && series.startMs[w]! <= ctx.nowMs;
        w++
      ) {
        const startMs = series.startMs[w]!;
        const endMs = series.endMs[w]!;
        const missedMs =
          endMs > startMs
            ? endMs - startMs - schedule.coveredMs(holders, startMs, endMs)
            : schedule.isHeldBy(holders, startMs)
              ? 0
              : 1;
        if (endMs > startMs ? missedMs > toleranceMs : missedMs > 0) {
          evidence.push({ kind: 'withdrawal', id: series.ids[w]! });
          outsideMs += missedMs;
        }
      }
      const outside = evidence.length - 1;
      if (outside === 0) continue;
      emit.push(
        draftOf(c, ctx, {
          subject: { type: 'intake', id: intake.id },
          period,
          label: periodLabel('month', period),
          conditions: [
            { fact: 'readingsOutsideTurn', operator: 'greaterThan', observed: outside, limit: 0, unit: 'count' },
          ],
          evidence,
          affected: intakeAffected(ctx, i),
          sentence: {
            code: 'rules.sentence.rotation',
            params: {
              community: communityName(ctx, intake.communityId),
              intake: intake.name,
              count: outside,
              hoursOutside: round(outsideMs / 3_600_000, 1),
            },
          },
          remedy: { code: 'rules.remedy.keepTurns', params: {} },
          magnitude: outside >= 5 ? 2 : outside >= 2 ? 1 : 0,
        }),
      );
    }
  }
};

function eventsFor(
  ctx: EvaluationContext,
  c: ClauseInForce,
  filter: UnitFilter | null,
  classes: readonly string[] | null,
): readonly DatedEvent[] {
  const fromDay = Math.max(ctx.fromDay, c.fromDay);
  const toDay = Math.min(ctx.toDay, c.toDay);
  const judged = (dated: DatedEvent): boolean =>
    dated.day >= fromDay && dated.day < toDay && dated.entry.observedMs <= ctx.nowMs;
  if (filter?.subjects) {
    const entries = [...filter.subjects]
      .filter((key) => key.startsWith('event:'))
      .map((key) => ctx.index.events.get(key.slice(6)))
      .filter((entry) => entry !== undefined)
      .filter((entry) => classes === null || classes.includes(entry.record.pollutantClass))
      .sort(
        (a, b) => a.observedMs - b.observedMs || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
      );
    return entries
      .map((entry, rank) => ({
        id: entry.record.id,
        day: localDayOfMs(entry.observedMs, ctx.utcOffsetMinutes),
        rank,
        entry,
      }))
      .filter(judged);
  }
  // The unfiltered lists (all events, and per pollutant class) and their local days are computed once per index
  // and shared by every event clause. They are in time order, so the clause's days are one slice of them.
  const { index, utcOffsetMinutes } = ctx;
  const dated =
    classes === null
      ? index.eventDaysInTimeOrder(utcOffsetMinutes)
      : index.eventDaysOfClasses(utcOffsetMinutes, classes);
  let low = 0;
  let high = dated.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dated[middle]!.day < fromDay) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < dated.length && judged(dated[end]!)) end++;
  return dated.slice(low, end);
}

function eventPeriod(day: number): CalendarPeriod {
  return { startDay: day, endDay: day + 1, key: isoDateOfDay(day) };
}

function eventSource(record: { suspectedSource: string; pollutantClass: string }): string {
  return record.suspectedSource.trim() === '' ? record.pollutantClass : record.suspectedSource;
}

const seasonalBan: Evaluator<'seasonal-ban'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const seasonLabel = `${p.season.startMonthDay}/${p.season.endMonthDay}`;
  if (p.uses === null || p.uses.length > 0) {
    const intakes = candidateIntakes(ctx, p.intakeIds, filter).filter(
      (i) => p.uses === null || p.uses.includes(index.intakes[i]!.use),
    );
    const occurrences = periodsOf(c, ctx, filter, 'season', { season: p.season });
    for (const period of occurrences) {
      const fromMs = msOfLocalDay(period.startDay, ctx.utcOffsetMinutes);
      const toMs = msOfLocalDay(period.endDay, ctx.utcOffsetMinutes);
      for (const i of intakes) {
        const volumeM3 = index.volumeOf(i, fromMs, toMs, ctx.utcOffsetMinutes);
        if (!(volumeM3 > p.toleranceM3)) continue;
        const intake = index.intakes[i]!;
        emit.push(
          draftOf(c, ctx, {
            subject: { type: 'intake', id: intake.id },
            period,
            label: periodLabel('season', period),
            conditions: [
              {
                fact: 'withdrawalInSeasonM3',
                operator: 'greaterThan',
                observed: round(volumeM3, 3),
                limit: p.toleranceM3,
                unit: 'm3',
              },
            ],
            evidence: withdrawalEvidence(ctx, [i], [[fromMs, toMs]]),
            affected: intakeAffected(ctx, i),
            sentence: {
              code: 'rules.sentence.seasonalBanWithdrawal',
              params: {
                community: communityName(ctx, intake.communityId),
                intake: intake.name,
                volumeM3: Math.round(volumeM3),
              },
            },
            remedy: { code: 'rules.remedy.stopDuringBan', params: {} },
            magnitude: magnitudeOf(volumeM3, Math.max(p.toleranceM3, 1)),
          }),
        );
      }
    }
  }
  if (p.pollutantClasses.length === 0) return;
  for (const { id, day, entry } of eventsFor(ctx, c, filter, p.pollutantClasses)) {
    if (!isDayInSeason(p.season, day)) continue;
    emit.push(
      draftOf(c, ctx, {
        subject: { type: 'event', id },
        period: eventPeriod(day),
        label: isoDateOfDay(day),
        conditions: [
          { fact: 'eventDate', operator: 'equal', observed: isoDateOfDay(day), limit: seasonLabel, unit: 'date' },
        ],
        evidence: [{ kind: 'contamination-event', id }],
        affected: entry.record.snap ? index.downstreamOf(entry.record.snap) : [],
        sentence: {
          code: 'rules.sentence.seasonalBanEvent',
          params: { source: eventSource(entry.record), season: seasonLabel },
        },
        remedy: { code: 'rules.remedy.stopDuringBan', params: {} },
        magnitude: 1,
      }),
    );
  }
};

function distanceCondition(distanceM: number, limitM: number): FindingCondition {
  return {
    fact: 'distanceToFeatureM',
    operator: 'lessThanInclusive',
    observed: round(distanceM, 1),
    limit: limitM,
    unit: 'm',
  };
}

const protectedZone: Evaluator<'protected-zone'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const referenceDay = Math.min(ctx.nowDay, ctx.toDay - 1);
  const near = boundsWithin(p.geometry, p.distanceM);
  if (p.intakeUses === null || p.intakeUses.length > 0) {
    const standing: CalendarPeriod = { startDay: c.fromDay, endDay: referenceDay + 1, key: 'standing' };
    const inForce = referenceDay >= c.fromDay && referenceDay < c.toDay;
    const fromMs = msOfLocalDay(standing.startDay, ctx.utcOffsetMinutes);
    const toMs = msOfLocalDay(standing.endDay, ctx.utcOffsetMinutes);
    const intakes = inForce && rangeMatches(filter, fromMs, toMs) ? candidateIntakes(ctx, null, filter) : [];
    for (const i of intakes) {
      const intake = index.intakes[i]!;
      if (p.intakeUses !== null && !p.intakeUses.includes(intake.use)) continue;
      if (!isInBounds(intake.location, near)) continue;
      const distanceM = distanceToFeatureM(intake.location, p.geometry);
      if (!(distanceM <= p.distanceM)) continue;
      emit.push(
        draftOf(c, ctx, {
          subject: { type: 'intake', id: intake.id },
          period: standing,
          label: `${isoDateOfDay(standing.startDay)}/${isoDateOfDay(referenceDay)}`,
          conditions: [distanceCondition(distanceM, p.distanceM)],
          evidence: [{ kind: 'intake', id: intake.id }],
          affected: intakeAffected(ctx, i),
          sentence: {
            code: 'rules.sentence.protectedZoneIntake',
            params: {
              community: communityName(ctx, intake.communityId),
              intake: intake.name,
              distanceM: Math.round(distanceM),
              feature: p.featureName,
              limitM: p.distanceM,
            },
          },
          remedy: { code: 'rules.remedy.moveOutOfZone', params: { feature: p.featureName } },
          magnitude: distanceM <= p.distanceM / 2 ? 2 : 1,
        }),
      );
    }
  }
  if (p.pollutantClasses !== null && p.pollutantClasses.length === 0) return;
  for (const { id, day, entry } of eventsFor(ctx, c, filter, p.pollutantClasses)) {
    if (!isInBounds(entry.record.location, near)) continue;
    const distanceM = distanceToFeatureM(entry.record.location, p.geometry);
    if (!(distanceM <= p.distanceM)) continue;
    emit.push(
      draftOf(c, ctx, {
        subject: { type: 'event', id },
        period: eventPeriod(day),
        label: isoDateOfDay(day),
        conditions: [distanceCondition(distanceM, p.distanceM)],
        evidence: [{ kind: 'contamination-event', id }],
        affected: entry.record.snap ? index.downstreamOf(entry.record.snap) : [],
        sentence: {
          code: 'rules.sentence.protectedZoneEvent',
          params: {
            source: eventSource(entry.record),
            distanceM: Math.round(distanceM),
            feature: p.featureName,
            limitM: p.distanceM,
          },
        },
        remedy: { code: 'rules.remedy.moveOutOfZone', params: { feature: p.featureName } },
        magnitude: 2,
      }),
    );
  }
};

const waterQuality: Evaluator<'water-quality'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const entries = new Map<string, GuidelineEntry>(Object.entries(ctx.guidelines.entries));
  for (const override of p.overrides) {
    const base = entries.get(override.parameter);
    entries.set(override.parameter, {
      unit: override.unit,
      maxValue: override.maxValue,
      minValue: override.minValue,
      basis: 'clause',
      health: base?.health ?? true,
    });
  }
  const pointIds = (
    p.pointIds ?? [...index.points.values()].filter((point) => point.kind === 'quality').map((point) => point.id)
  )
    .filter((id) => filter?.subjects == null || filter.subjects.has(`point:${id}`))
    .sort();
  const periods = periodsOf(c, ctx, filter, 'month');
  for (const pointId of pointIds) {
    const point = index.points.get(pointId);
    const measured = index.parametersOfPoint.get(pointId);
    if (!point || !measured) continue;
    const parameters = [...measured]
      .filter((parameter) => entries.has(parameter) && (p.parameters === null || p.parameters.includes(parameter)))
      .sort();
    for (const parameter of parameters) {
      const entry = entries.get(parameter)!;
      for (const period of periods) {
        const fromMs = msOfLocalDay(period.startDay, ctx.utcOffsetMinutes);
        const toMs = msOfLocalDay(period.endDay, ctx.utcOffsetMinutes);
        let worstHigh: number | null = null;
        let worstLow: number | null = null;
        const evidence: FindingEvidence[] = [];
        for (const item of index.measurementsBetween(pointId, parameter, fromMs, toMs)) {
          if (item.timeMs > ctx.nowMs) break;
          const value = convertGuidelineUnit(item.record.value, item.record.unit, entry.unit);
          if (value === null) continue;
          const detectionLimit = item.record.detectionLimit;
          const notDetected = detectionLimit !== undefined && item.record.value < detectionLimit;
          const high = entry.maxValue !== null && !notDetected && value > entry.maxValue;
          const low = entry.minValue !== null && value < entry.minValue;
          if (!high && !low) continue;
          evidence.push({ kind: 'measurement', id: item.record.id });
          if (high) worstHigh = worstHigh === null ? value : Math.max(worstHigh, value);
          if (low) worstLow = worstLow === null ? value : Math.min(worstLow, value);
        }
        if (evidence.length === 0) continue;
        const conditions: FindingCondition[] = [];
        if (worstHigh !== null)
          conditions.push({
            fact: parameter,
            operator: 'greaterThan',
            observed: worstHigh,
            limit: entry.maxValue!,
            unit: entry.unit,
          });
        if (worstLow !== null)
          conditions.push({
            fact: parameter,
            operator: 'lessThan',
            observed: worstLow,
            limit: entry.minValue!,
            unit: entry.unit,
          });
        const high = worstHigh !== null;
        emit.push(
          draftOf(c, ctx, {
            subject: { type: 'point', id: pointId, aspect: parameter },
            period,
            label: periodLabel('month', period),
            conditions,
            evidence: [{ kind: 'monitoring-point', id: pointId }, ...evidence],
            affected: point.snap ? index.downstreamOf(point.snap) : [],
            sentence: {
              code: high ? 'rules.sentence.waterQualityHigh' : 'rules.sentence.waterQualityLow',
              params: {
                point: point.name,
                parameter,
                value: high ? worstHigh! : worstLow!,
                limit: high ? entry.maxValue! : entry.minValue!,
                unit: entry.unit,
                count: evidence.length,
                basis: entry.basis,
              },
            },
            remedy: { code: 'rules.remedy.investigateQuality', params: { parameter } },
            magnitude: entry.health ? 2 : high ? magnitudeOf(worstHigh!, entry.maxValue!) : 1,
          }),
        );
      }
    }
  }
};

const downstreamWarning: Evaluator<'downstream-warning'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  for (const { id, day, entry } of eventsFor(ctx, c, filter, p.pollutantClasses)) {
    const snap = entry.record.snap;
    if (!snap) continue;
    const deadlineMs = entry.observedMs + p.withinHours * 3_600_000;
    if (ctx.nowMs <= deadlineMs) continue;
    const downstream = index.downstreamOf(snap);
    // Nearest first, so the communities owed a warning are a prefix of the list.
    let owed = 0;
    while (owed < downstream.length && downstream[owed]!.distanceKm <= p.distanceKm) owed++;
    if (owed === 0) continue;
    const missing: AffectedCommunity[] = [];
    for (let k = 0; k < owed; k++) {
      const item = downstream[k]!;
      const warned = (entry.firstWarnedMs.get(item.communityId) ?? Infinity) <= deadlineMs;
      if (!warned) missing.push(item);
    }
    if (missing.length === 0) continue;
    emit.push(
      draftOf(c, ctx, {
        subject: { type: 'event', id },
        period: eventPeriod(day),
        label: isoDateOfDay(day),
        conditions: [
          { fact: 'communitiesNotWarned', operator: 'greaterThan', observed: missing.length, limit: 0, unit: 'count' },
        ],
        evidence: [{ kind: 'contamination-event', id }],
        affected: downstream,
        sentence: {
          code: 'rules.sentence.downstreamWarning',
          params: {
            source: eventSource(entry.record),
            observedAt: entry.record.observedAt,
            count: missing.length,
            communities: missing.map((item) => communityName(ctx, item.communityId)).join(', '),
            withinHours: p.withinHours,
            distanceKm: p.distanceKm,
          },
        },
        remedy: {
          code: 'rules.remedy.warnDownstream',
          params: { communities: missing.map((item) => communityName(ctx, item.communityId)).join(', ') },
        },
        magnitude: 2,
      }),
    );
  }
};

const remediationDeadline: Evaluator<'remediation-deadline'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  for (const { id, day, entry } of eventsFor(ctx, c, filter, p.pollutantClasses)) {
    const deadlineMs = entry.observedMs + p.days * DAY_MS;
    const closedMs = entry.closedMs;
    if (closedMs !== null ? closedMs <= deadlineMs : ctx.nowMs <= deadlineMs) continue;
    const daysOpen = ((closedMs ?? ctx.nowMs) - entry.observedMs) / DAY_MS;
    emit.push(
      draftOf(c, ctx, {
        subject: { type: 'event', id },
        period: eventPeriod(day),
        label: isoDateOfDay(day),
        conditions: [
          { fact: 'daysOpen', operator: 'greaterThan', observed: round(daysOpen, 2), limit: p.days, unit: 'days' },
        ],
        evidence: [{ kind: 'contamination-event', id }],
        affected: entry.record.snap ? index.downstreamOf(entry.record.snap) : [],
        sentence: {
          code: closedMs === null ? 'rules.sentence.remediationOpen' : 'rules.sentence.remediationLate',
          params: {
            source: eventSource(entry.record),
            observedAt: entry.record.observedAt,
            daysOpen: Math.floor(daysOpen),
            days: p.days,
          },
        },
        remedy: { code: 'rules.remedy.remediate', params: {} },
        magnitude: magnitudeOf(daysOpen, p.days),
      }),
    );
  }
};

const restorationCommitment: Evaluator<'restoration-commitment'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const periods = periodsOf(c, ctx, filter, 'year', { yearStartMonthDay: p.yearStartMonthDay });
  for (const commitment of p.commitments) {
    const subject: FindingSubject = { type: 'community', id: commitment.communityId };
    if (!subjectMatches(filter, subject)) continue;
    const sites = index.sitesOfCommunity.get(commitment.communityId) ?? [];
    for (const period of periods) {
      const yearDays = period.endDay - period.startDay;
      const elapsedDays = Math.min(yearDays, ctx.nowDay - period.startDay);
      if (elapsedDays <= 0) continue;
      const fraction = elapsedDays / yearDays;
      let doneAreaHa = 0;
      let plants = 0;
      const evidence: FindingEvidence[] = [];
      for (const site of sites) {
        if (site.status !== 'done' && site.status !== 'in-progress') continue;
        const workDay = dayOfIsoDate(site.workDate);
        if (workDay < period.startDay || workDay >= period.endDay || workDay > ctx.nowDay) continue;
        doneAreaHa += site.doneAreaHa;
        plants += site.plantsPlanted;
        evidence.push({ kind: 'restoration-site', id: site.id });
      }
      const expectedAreaHa = commitment.areaHaPerYear * fraction;
      const expectedPlants = commitment.plantsPerYear === null ? null : commitment.plantsPerYear * fraction;
      const conditions: FindingCondition[] = [];
      if (doneAreaHa < expectedAreaHa) {
        conditions.push({
          fact: 'restoredAreaHa',
          operator: 'lessThan',
          observed: round(doneAreaHa, 4),
          limit: round(expectedAreaHa, 4),
          unit: 'ha',
        });
      }
      if (expectedPlants !== null && plants < expectedPlants) {
        conditions.push({
          fact: 'plantsPlanted',
          operator: 'lessThan',
          observed: plants,
          limit: round(expectedPlants, 1),
          unit: 'count',
        });
      }
      if (conditions.length === 0) continue;
      const areaBehind = doneAreaHa < expectedAreaHa;
      emit.push(
        draftOf(c, ctx, {
          subject,
          period,
          label: periodLabel('year', period, p.yearStartMonthDay),
          conditions,
          evidence,
          affected: index.downstreamOfCommunity(commitment.communityId),
          sentence: areaBehind
            ? {
                code: 'rules.sentence.restorationArea',
                params: {
                  community: communityName(ctx, commitment.communityId),
                  doneAreaHa: round(doneAreaHa, 2),
                  expectedAreaHa: round(expectedAreaHa, 2),
                  commitmentHa: commitment.areaHaPerYear,
                },
              }
            : {
                code: 'rules.sentence.restorationPlants',
                params: {
                  community: communityName(ctx, commitment.communityId),
                  plants,
                  expectedPlants: Math.round(expectedPlants ?? 0),
                  commitmentPlants: commitment.plantsPerYear ?? 0,
                },
              },
          remedy: {
            code: 'rules.remedy.restore',
            params: { missingAreaHa: round(Math.max(0, expectedAreaHa - doneAreaHa), 2) },
          },
          magnitude: areaBehind ? magnitudeOf(expectedAreaHa, Math.max(doneAreaHa, 1e-9)) : 1,
        }),
      );
    }
  }
};

const reportingDuty: Evaluator<'reporting-duty'> = (c, p, ctx, filter, emit) => {
  const index = ctx.index;
  const intakes = candidateIntakes(ctx, p.intakeIds, filter).filter(
    (i) => p.uses === null || p.uses.includes(index.intakes[i]!.use),
  );
  const periods = periodsOf(c, ctx, filter, p.periodUnit).filter((period) => period.endDay + p.graceDays <= ctx.nowDay);
  // An intake registered after its earlier readings were imported (a sample, a backup, a spreadsheet) was there
  // since its first reading, so the duty starts at whichever comes first.
  const createdDays = intakes.map((i) => {
    const series = index.series[i];
    const createdMs = parseIsoMs(index.intakes[i]!.createdAt);
    const firstMs = series && series.length > 0 ? Math.min(createdMs, series.startMs[0]!) : createdMs;
    return localDayOfMs(firstMs, ctx.utcOffsetMinutes);
  });
  const fromDays = Int32Array.from(periods, (period) => period.startDay);
  const toDays = Int32Array.from(periods, (period) => period.endDay);
  // A full evaluation reads every intake's counts from one table shared by the clauses with the same periods; an
  // incremental one, a few intakes, counts them itself.
  const shared = filter === null ? index.readingCountsOnDays(fromDays, toDays, ctx.utcOffsetMinutes) : null;
  const counts = new Int32Array(periods.length);
  for (let n = 0; n < intakes.length; n++) {
    const i = intakes[n]!;
    if (shared) for (let k = 0; k < periods.length; k++) counts[k] = shared[i * periods.length + k]!;
    else index.series[i]!.countsOnDays(fromDays, toDays, ctx.utcOffsetMinutes, counts);
    for (let k = 0; k < periods.length; k++) {
      const period = periods[k]!;
      if (counts[k]! > 0 || period.endDay <= createdDays[n]!) continue;
      const intake = index.intakes[i]!;
      emit.push(
        draftOf(c, ctx, {
          subject: { type: 'intake', id: intake.id },
          period,
          label: periodLabel(p.periodUnit, period),
          conditions: [{ fact: 'readingCount', operator: 'lessThan', observed: 0, limit: 1, unit: 'count' }],
          evidence: [{ kind: 'intake', id: intake.id }],
          affected: [],
          sentence: {
            code: 'rules.sentence.reportingDuty',
            params: { community: communityName(ctx, intake.communityId), intake: intake.name },
          },
          remedy: { code: 'rules.remedy.report', params: {} },
          magnitude: 0,
        }),
      );
    }
  }
};

const EVALUATORS: { readonly [K in ClauseKind]: Evaluator<K> } = {
  'withdrawal-quota': withdrawalQuota,
  'proportional-share': proportionalShare,
  'minimum-flow': minimumFlow,
  rotation,
  'seasonal-ban': seasonalBan,
  'protected-zone': protectedZone,
  'water-quality': waterQuality,
  'downstream-warning': downstreamWarning,
  'remediation-deadline': remediationDeadline,
  'restoration-commitment': restorationCommitment,
  'reporting-duty': reportingDuty,
};

/** Evaluates one clause in force, adding a draft finding per breach to `emit` (restricted to `filter` when given). */
export function evaluateClause(c: ClauseInForce, ctx: EvaluationContext, filter: UnitFilter | null, emit: Emit): void {
  const params = c.clause.params;
  (EVALUATORS[params.kind] as Evaluator<typeof params.kind>)(c, params as never, ctx, filter, emit);
}
