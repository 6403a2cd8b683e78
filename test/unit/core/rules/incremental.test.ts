import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clause, ClauseParams } from '../../../../src/domain/agreement';
import { evaluate } from '../../../../src/rules/evaluate';
import { IncrementalEvaluator, type RecordChange, whatIf } from '../../../../src/rules/incremental';
import {
  createAgreement,
  createBaseRecords,
  createClause,
  createDecision,
  createEvent,
  createMeasurement,
  createPoint,
  createSite,
  createVersion,
  createWithdrawal,
  createNetwork,
  deepFreeze,
  snapAt,
} from './factories';

const PARAMS: ClauseParams[] = [
  { kind: 'withdrawal-quota', scope: 'intake', subjectIds: null, uses: null, periodUnit: 'month', season: null, limitM3: 1000 },
  { kind: 'withdrawal-quota', scope: 'community', subjectIds: null, uses: null, periodUnit: 'week', season: { startMonthDay: '12-01', endMonthDay: '02-28' }, limitM3: 300 },
  { kind: 'proportional-share', controlPointId: 'pc', gaugePointId: 'g', scarcityFlowM3s: 5, ecologicalFlowM3s: 0.0001, periodUnit: 'month', shares: [{ communityId: 'alta', sharePct: 50 }, { communityId: 'media', sharePct: 50 }], tolerancePct: 0 },
  { kind: 'minimum-flow', controlPointId: 'pc', gaugePointId: 'g', minimumFlowM3s: 0.0005, periodUnit: 'month', season: null },
  { kind: 'rotation', roster: { startAt: '2026-01-05T00:00:00Z', cycleHours: 48, durationMode: 'proportional-area', entries: [{ communityId: 'alta', intakeIds: ['i-alta'], irrigatedAreaHa: 2, fixedHours: null, fillingHours: 1 }, { communityId: 'media', intakeIds: ['i-media'], irrigatedAreaHa: 1, fixedHours: null, fillingHours: 0 }], swaps: [], shortages: [] }, toleranceMinutes: 60 },
  { kind: 'seasonal-ban', season: { startMonthDay: '06-01', endMonthDay: '08-31' }, uses: ['irrigation'], intakeIds: null, pollutantClasses: ['agrochemicals'], toleranceM3: 100 },
  { kind: 'protected-zone', featureName: 'Ojo de agua', geometry: { type: 'Point', coordinates: [-75, 5.001] }, distanceM: 200, intakeUses: null, pollutantClasses: null },
  { kind: 'water-quality', parameters: null, pointIds: null, overrides: [] },
  { kind: 'downstream-warning', distanceKm: 15, withinHours: 24, pollutantClasses: null },
  { kind: 'remediation-deadline', days: 20, pollutantClasses: null },
  { kind: 'restoration-commitment', commitments: [{ communityId: 'alta', areaHaPerYear: 2, plantsPerYear: 100 }], yearStartMonthDay: '01-01' },
  { kind: 'reporting-duty', periodUnit: 'month', intakeIds: ['i-alta'], uses: null, graceDays: 3 },
];

// Version 2 from 2026-07-01 tightens the monthly quota, so edits on both sides of an amendment are covered.
const clauses = (limitM3: number): Clause[] =>
  PARAMS.map((params, i) => createClause(params.kind === 'withdrawal-quota' && i === 0 ? { ...params, limitM3 } : params, { id: `c${i + 1}`, number: i + 1 }));
const AGREEMENT = deepFreeze(
  createAgreement([
    createVersion(clauses(1000), { effectiveTo: '2026-06-30', ladder: { windowDays: 60, rungs: ['notice', 'warning', 'sanction'] } }),
    createVersion(clauses(700), { version: 2, effectiveFrom: '2026-07-01', ladder: { windowDays: 60, rungs: ['notice', 'warning', 'sanction'] } }),
  ]),
);

const BASE = createBaseRecords({
  monitoringPoints: [createPoint('g', 'gauge', snapAt('r1', 1)), createPoint('pc', 'gauge', snapAt('r2', 1)), createPoint('q', 'quality', snapAt('r2', 0.5))],
});

const SETTINGS = { network: createNetwork(), period: { start: '2026-01-01', end: '2026-12-31' }, now: '2027-01-15T00:00:00Z' } as const;

const day = fc.integer({ min: 1, max: 360 }).map((n) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10));
const intakeId = fc.constantFrom('i-alta', 'i-media', 'i-baja');

const change: fc.Arbitrary<RecordChange> = fc.oneof(
  fc.record({ id: fc.constantFrom('w0', 'w1', 'w2', 'w3', 'w4', 'w5'), intake: intakeId, date: day, hours: fc.integer({ min: 1, max: 72 }), volume: fc.integer({ min: 0, max: 1500 }) }).map(
    ({ id, intake, date, hours, volume }): RecordChange => {
      const startMs = Date.parse(`${date}T06:00:00Z`);
      return { kind: 'withdrawal', op: 'put', record: createWithdrawal(id, intake, new Date(startMs).toISOString(), new Date(startMs + hours * 3_600_000).toISOString(), volume) };
    },
  ),
  fc.constantFrom('w0', 'w1', 'w2').map((id): RecordChange => ({ kind: 'withdrawal', op: 'delete', id })),
  fc.record({ id: fc.constantFrom('m0', 'm1', 'm2'), point: fc.constantFrom('g', 'q'), date: day, value: fc.double({ min: 0, max: 0.03, noNaN: true }) }).map(
    ({ id, point, date, value }): RecordChange => ({
      kind: 'measurement',
      op: 'put',
      record: createMeasurement(id, point, point === 'g' ? 'discharge' : 'arsenic', point === 'g' ? value * 100 : value, point === 'g' ? 'm3/s' : 'mg/L', `${date}T12:00:00Z`),
    }),
  ),
  fc.record({ id: fc.constantFrom('e0', 'e1'), date: day, closedDays: fc.option(fc.integer({ min: 1, max: 40 })), warned: fc.subarray(['alta', 'media', 'baja']), reach: fc.constantFrom('r1', 'r2', 't1') }).map(
    ({ id, date, closedDays, warned, reach }): RecordChange => {
      const observedMs = Date.parse(`${date}T08:00:00Z`);
      return {
        kind: 'contamination-event',
        op: 'put',
        record: createEvent(id, {
          observedAt: new Date(observedMs).toISOString(),
          snap: snapAt(reach, 0.5),
          pollutantClass: 'agrochemicals',
          status: closedDays === null ? 'open' : 'remediated',
          closedAt: closedDays === null ? null : new Date(observedMs + closedDays * 86_400_000).toISOString(),
          notifications: warned.map((communityId) => ({ communityId, sentAt: new Date(observedMs + 3_600_000).toISOString(), channel: 'radio' as const })),
        }),
      };
    },
  ),
  fc.constantFrom('e0', 'e1').map((id): RecordChange => ({ kind: 'contamination-event', op: 'delete', id })),
  fc.record({ id: fc.constantFrom('s0', 's1'), community: fc.constantFrom('alta', 'media'), date: day, area: fc.double({ min: 0, max: 2, noNaN: true }) }).map(
    ({ id, community, date, area }): RecordChange => ({ kind: 'restoration-site', op: 'put', record: createSite(id, community, date, area) }),
  ),
  fc.record({ month: fc.integer({ min: 1, max: 12 }), status: fc.constantFrom('dismissed', 'acknowledged') as fc.Arbitrary<'dismissed' | 'acknowledged'> }).map(
    ({ month, status }): RecordChange => ({
      kind: 'decision',
      op: 'put',
      record: createDecision(`d${month}`, `acuerdo/c1|intake:i-alta|2026-${String(month).padStart(2, '0')}`, status),
    }),
  ),
);

function fullEvaluation(evaluator: IncrementalEvaluator) {
  const { agreements, decisions, ...records } = evaluator.records();
  return evaluate({ ...SETTINGS, agreements, records, decisions });
}

describe('incremental evaluation', () => {
  it('equals a full evaluation after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 14 }), (changes) => {
        const evaluator = new IncrementalEvaluator({ ...SETTINGS, agreements: [AGREEMENT], records: BASE });
        for (const item of changes) {
          evaluator.apply(item);
          expect(evaluator.findings()).toEqual(fullEvaluation(evaluator));
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('reports the findings a new withdrawal creates', () => {
    const evaluator = new IncrementalEvaluator({ ...SETTINGS, agreements: [AGREEMENT], records: BASE });
    const delta = evaluator.apply({ kind: 'withdrawal', op: 'put', record: createWithdrawal('w9', 'i-alta', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 1200) });
    expect(delta.added.map((finding) => finding.id)).toContain('acuerdo/c1|intake:i-alta|2026-03');
  });

  it('reports the findings a deleted withdrawal clears', () => {
    const record = createWithdrawal('w9', 'i-alta', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 1200);
    const evaluator = new IncrementalEvaluator({ ...SETTINGS, agreements: [AGREEMENT], records: createBaseRecords({ ...BASE, withdrawals: [record] }) });
    const delta = evaluator.apply({ kind: 'withdrawal', op: 'delete', id: 'w9' });
    expect(delta.removed.map((finding) => finding.id)).toContain('acuerdo/c1|intake:i-alta|2026-03');
  });

  it('answers a what-if without keeping the change', () => {
    const evaluator = new IncrementalEvaluator({ ...SETTINGS, agreements: [AGREEMENT], records: BASE });
    const before = evaluator.findings();
    const proposed = createWithdrawal('w9', 'i-alta', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 1200);
    const { created } = whatIf(evaluator, { kind: 'withdrawal', op: 'put', record: proposed });
    expect([created.map((finding) => finding.id).includes('acuerdo/c1|intake:i-alta|2026-03'), evaluator.findings()]).toEqual([true, before]);
  });
});
