import { describe, expect, it } from 'vitest';
import type { ClauseParams } from '../../../../src/domain/agreement';
import {
  createBaseRecords,
  createCommunity,
  createEvent,
  createIntake,
  createMeasurement,
  createPoint,
  createWithdrawal,
  run,
  single,
  snapAt,
} from './factories';

// r1 0.5 (alta) and t1 0.5 (media) are upstream of r2; r3 0.5 (baja) is downstream of everything.
const april = (id: string, intakeId: string, volumeM3: number) => createWithdrawal(id, intakeId, '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', volumeM3);
const march = (id: string, intakeId: string, volumeM3: number) => createWithdrawal(id, intakeId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', volumeM3);

describe('minimum flow at a control point', () => {
  // Gauge at the end of r1 (100 km2), control at the end of r2 (200 km2): the gauge's flow is doubled.
  const points = [createPoint('g', 'gauge', snapAt('r1', 1)), createPoint('pc', 'gauge', snapAt('r2', 1), 'Puente')];
  const discharge = createMeasurement('q1', 'g', 'discharge', 1, 'm3/s', '2026-04-10T12:00:00Z');
  const clause = single({ kind: 'minimum-flow', controlPointId: 'pc', gaugePointId: 'g', minimumFlowM3s: 1.5, periodUnit: 'month', season: null });
  const records = (withdrawals: ReturnType<typeof april>[], intakes = createBaseRecords().intakes) =>
    createBaseRecords({ intakes, monitoringPoints: points, measurements: [discharge], withdrawals });

  // April has 2,592,000 s: 1,296,000 m3 is 0.5 m3/s, leaving exactly 2.0 - 0.5 = 1.5 m3/s.
  it.each([
    ['just under the minimum', 1_296_000 - 2592, 0],
    ['at the minimum', 1_296_000, 0],
    ['just over the minimum', 1_296_000 + 2592, 1],
  ])('withdrawals leaving the flow %s give %i findings', (_label, volumeM3, expected) => {
    expect(run(clause, records([april('w1', 'i-alta', volumeM3)]))).toHaveLength(expected);
  });

  it('scales the gauge flow by drainage-area ratio and reports the net flow', () => {
    const [finding] = run(clause, records([april('w1', 'i-alta', 1_296_000 + 2592)]));
    expect(finding?.conditions).toEqual([{ fact: 'netFlowM3s', operator: 'lessThan', observed: 1.499, limit: 1.5, unit: 'm3/s' }]);
    expect(finding?.sentence.params['referenceFlowM3s']).toBe(2);
  });

  it('does not subtract withdrawals downstream of the control point', () => {
    expect(run(clause, records([april('w1', 'i-alta', 1_296_000), april('w2', 'i-baja', 10_000_000)]))).toEqual([]);
  });

  it('sums withdrawals from every upstream branch', () => {
    expect(run(clause, records([april('w1', 'i-alta', 648_000), april('w2', 'i-media', 648_001)]))).toHaveLength(1);
  });

  it('does not subtract a diversion that returns its water upstream of the control point', () => {
    const intakes = [createIntake('i-alta', { snap: snapAt('r1', 0.5), returnSnap: snapAt('r1', 0.9), returnLocation: [-75, 5] })];
    expect(run(clause, records([april('w1', 'i-alta', 5_000_000)], intakes))).toEqual([]);
  });

  it('names the communities downstream of the control point as affected', () => {
    const [finding] = run(clause, records([april('w1', 'i-alta', 2_000_000)]));
    expect(finding?.affectedCommunities).toEqual([{ communityId: 'baja', distanceKm: 5 }]);
  });
});

describe('proportional share in scarcity', () => {
  const shares = [
    { communityId: 'alta', sharePct: 50 },
    { communityId: 'media', sharePct: 50 },
  ];
  const control = createPoint('pc', 'gauge', snapAt('r2', 0.5), 'Puente');
  const withoutGauge = single({ kind: 'proportional-share', controlPointId: 'pc', gaugePointId: null, scarcityFlowM3s: null, ecologicalFlowM3s: 0, periodUnit: 'month', shares, tolerancePct: 0 });

  it.each([
    { label: 'just under', alta: 499.99, expected: 0 },
    { label: 'at', alta: 500, expected: 0 },
    { label: 'just over', alta: 500.01, expected: 1 },
  ])('a community $label its share of the upstream withdrawals gets $expected findings', ({ alta, expected }) => {
    const records = createBaseRecords({ monitoringPoints: [control], withdrawals: [march('w1', 'i-alta', alta), march('w2', 'i-media', 1000 - alta)] });
    expect(run(withoutGauge, records).filter((finding) => finding.subject.id === 'alta')).toHaveLength(expected);
  });

  it('computes shares among users upstream of the control point only', () => {
    const records = createBaseRecords({
      intakes: [...createBaseRecords().intakes, createIntake('i-alta-abajo', { communityId: 'alta', snap: snapAt('r3', 0.9) })],
      monitoringPoints: [control],
      withdrawals: [march('w1', 'i-alta', 500), march('w2', 'i-media', 500), march('w3', 'i-alta-abajo', 5000)],
    });
    expect(run(withoutGauge, records)).toEqual([]);
  });

  describe('with a gauge (scarcity below 2 m3/s, ecological flow 0.75 m3/s)', () => {
    // Gauge at the end of r1 (100 km2), control at the middle of r2 (175 km2): 1 m3/s there is 1.75 m3/s here.
    // March has 2,678,400 s: supply 4,687,200 m3, ecological flow 2,008,800 m3, 2,678,400 m3 shared, 1,339,200 each.
    const gauge = createPoint('g', 'gauge', snapAt('r1', 1));
    const withGauge = single({ kind: 'proportional-share', controlPointId: 'pc', gaugePointId: 'g', scarcityFlowM3s: 2, ecologicalFlowM3s: 0.75, periodUnit: 'month', shares, tolerancePct: 0 });
    const records = (dischargeM3s: number, altaM3: number) =>
      createBaseRecords({
        monitoringPoints: [control, gauge],
        measurements: [createMeasurement('q1', 'g', 'discharge', dischargeM3s, 'm3/s', '2026-03-15T12:00:00Z')],
        withdrawals: [march('w1', 'i-alta', altaM3)],
      });
    it('allows each community its share of what is left after the ecological flow', () => {
      expect(run(withGauge, records(1, 1_339_200))).toEqual([]);
    });
    it('finds a community taking more than its allocation', () => {
      const [finding] = run(withGauge, records(1, 1_339_201));
      expect(finding?.conditions).toEqual([
        { fact: 'referenceFlowM3s', operator: 'lessThan', observed: 1.75, limit: 2, unit: 'm3/s' },
        { fact: 'withdrawalM3', operator: 'greaterThan', observed: 1_339_201, limit: 1_339_200, unit: 'm3' },
      ]);
    });
    it('does not apply outside scarcity', () => {
      expect(run(withGauge, records(1.2, 3_000_000))).toEqual([]);
    });
    it('says a community had no water to take when the ecological flow leaves nothing to share, not "0 m³ allowed"', () => {
      // 0.4 m3/s at the gauge is 0.7 m3/s at the control point, under the 0.75 m3/s ecological flow.
      const [finding] = run(withGauge, records(0.4, 100));
      expect(finding?.conditions[1]).toEqual({ fact: 'withdrawalM3', operator: 'greaterThan', observed: 100, limit: 0, unit: 'm3' });
      expect(finding?.sentence.code).toBe('rules.sentence.proportionalShareNone');
    });
  });
});

describe('downstream warning', () => {
  // The event sits where alta's intake is (0 km); media has an intake on r2 (10 km); baja on r3 (20 km);
  // cumbre is on the tributary t1, which the event's water never reaches.
  const intakes = [
    createIntake('i-alta', { communityId: 'alta', snap: snapAt('r1', 0.5) }),
    createIntake('i-media', { communityId: 'media', snap: snapAt('r2', 0.5) }),
    createIntake('i-baja', { communityId: 'baja', snap: snapAt('r3', 0.5) }),
    createIntake('i-cumbre', { communityId: 'cumbre', snap: snapAt('t1', 0.5) }),
  ];
  const communities = [...createBaseRecords().communities, createCommunity('cumbre', 'Cumbre')];
  const warning = (distanceKm: number) => single({ kind: 'downstream-warning', distanceKm, withinHours: 24, pollutantClasses: null });
  const notified = (communityId: string, sentAt = '2026-05-11T08:00:00Z') => ({ communityId, sentAt, channel: 'radio' as const });
  const records = (notifications: ReturnType<typeof notified>[]) =>
    createBaseRecords({ communities, intakes, contaminationEvents: [createEvent('e1', { notifications })] });

  it('is satisfied when every community downstream within the distance was told by the deadline', () => {
    expect(run(warning(20), records([notified('alta'), notified('media'), notified('baja')]))).toEqual([]);
  });

  it('finds a community downstream told after the deadline', () => {
    const [finding] = run(warning(20), records([notified('alta'), notified('media'), notified('baja', '2026-05-11T08:01:00Z')]));
    expect(finding?.conditions[0]).toEqual({ fact: 'communitiesNotWarned', operator: 'greaterThan', observed: 1, limit: 0, unit: 'count' });
    expect(finding?.sentence.params['communities']).toBe('Baja');
  });

  it('does not owe the warning to a community beyond the distance', () => {
    expect(run(warning(19.9), records([notified('alta'), notified('media')]))).toEqual([]);
  });

  it('does not owe the warning to a community upstream or on another branch', () => {
    const [finding] = run(warning(20), records([]));
    expect(finding?.affectedCommunityIds).toEqual(['alta', 'media', 'baja']);
    expect(finding?.sentence.params['communities']).toBe('Alta, Media, Baja');
  });

  it('waits for the deadline before finding a breach', () => {
    expect(run(warning(20), records([]), { now: '2026-05-11T08:00:00Z' })).toEqual([]);
  });

  it('covers only the event classes it names', () => {
    const amended = createBaseRecords({ communities, intakes, contaminationEvents: [createEvent('e1', { observedAt: '2026-05-09T08:00:00Z' })] });
    const params: ClauseParams = { kind: 'downstream-warning', distanceKm: 20, withinHours: 24, pollutantClasses: ['sewage'] };
    expect(run(single(params), amended)).toEqual([]);
  });
});
