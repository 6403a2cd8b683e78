import { describe, expect, it } from 'vitest';
import type { ClauseParams } from '../../../../src/domain/agreement';
import { createAgreement, createBaseRecords, createClause, createEvent, createIntake, createVersion, createWithdrawal, deepFreeze, run, single } from './factories';

// Metres per degree on the sphere the protected-zone geometry uses.
const METRES_PER_DEGREE = 111_195.08;

describe('remediation deadline (30 days from 2026-05-10T08:00Z)', () => {
  const clause = single({ kind: 'remediation-deadline', days: 30, pollutantClasses: null });
  const closedAt = (closedAtIso: string) =>
    createBaseRecords({ contaminationEvents: [createEvent('e1', { status: 'remediated', closedAt: closedAtIso })] });

  it.each([
    ['a minute before the deadline', '2026-06-09T07:59:00Z', 0],
    ['at the deadline', '2026-06-09T08:00:00Z', 0],
    ['a minute after the deadline', '2026-06-09T08:01:00Z', 1],
  ])('an event closed %s gives %i findings', (_label, closed, expected) => {
    expect(run(clause, closedAt(closed))).toHaveLength(expected);
  });

  it('waits for the deadline before finding an open event', () => {
    const open = createBaseRecords({ contaminationEvents: [createEvent('e1')] });
    expect(run(clause, open, { now: '2026-06-09T08:00:00Z' })).toEqual([]);
  });

  it('finds an open event once the deadline has passed', () => {
    const open = createBaseRecords({ contaminationEvents: [createEvent('e1')] });
    const [finding] = run(clause, open, { now: '2026-06-09T08:01:00Z' });
    expect([finding?.sentence.code, finding?.subject, finding?.period.key]).toEqual(['rules.sentence.remediationOpen', { type: 'event', id: 'e1' }, '2026-05-10']);
  });

  describe('amended: version 2, in force from 2026-05-10, gives 10 days', () => {
    const amended = deepFreeze(
      createAgreement([
        createVersion([createClause({ kind: 'remediation-deadline', days: 30, pollutantClasses: null })], { effectiveTo: '2026-05-09' }),
        createVersion([createClause({ kind: 'remediation-deadline', days: 10, pollutantClasses: null }, { version: 2 })], { version: 2, effectiveFrom: '2026-05-10' }),
      ]),
    );
    const event = (observedAt: string, closed: string) => createBaseRecords({ contaminationEvents: [createEvent('e1', { observedAt, status: 'remediated', closedAt: closed })] });
    it('judges an event the day before the effective date by version 1', () => {
      expect(run(amended, event('2026-05-09T08:00:00Z', '2026-05-29T08:00:00Z'))).toEqual([]);
    });
    it('judges an event on the effective date by version 2', () => {
      const [finding] = run(amended, event('2026-05-10T08:00:00Z', '2026-05-30T08:00:00Z'));
      expect([finding?.clauseVersion, finding?.conditions[0]?.limit]).toEqual([2, 10]);
    });
  });
});

describe('protected zone (100 m around a spring at -75, 5)', () => {
  const zone = (overrides: Partial<Extract<ClauseParams, { kind: 'protected-zone' }>> = {}) =>
    single({ kind: 'protected-zone', featureName: 'Ojo de agua', geometry: { type: 'Point', coordinates: [-75, 5] }, distanceM: 100, intakeUses: null, pollutantClasses: null, ...overrides });
  const intakeAt = (metres: number) => createBaseRecords({ intakes: [createIntake('i-alta', { location: [-75, 5 + metres / METRES_PER_DEGREE] })] });

  it.each([
    ['just inside', 99.9, 1],
    ['just outside', 100.1, 0],
  ])('an intake %s the distance gives %i findings', (_label, metres, expected) => {
    expect(run(zone(), intakeAt(metres))).toHaveLength(expected);
  });

  it('counts an intake at exactly the distance as inside', () => {
    const [finding] = run(zone({ distanceM: 0 }), intakeAt(0));
    expect(finding?.conditions[0]?.operator).toBe('lessThanInclusive');
  });

  it('leaves intakes alone when the clause covers no intake use', () => {
    expect(run(zone({ intakeUses: [] }), intakeAt(10))).toEqual([]);
  });

  it('finds an event inside a protected polygon', () => {
    const polygon = { type: 'Polygon' as const, coordinates: [[[-75.01, 4.99], [-74.99, 4.99], [-74.99, 5.01], [-75.01, 5.01], [-75.01, 4.99]]] };
    const records = createBaseRecords({ intakes: [], contaminationEvents: [createEvent('e1', { location: [-75, 5] })] });
    const [finding] = run(zone({ geometry: polygon, distanceM: 0 }), records);
    expect([finding?.subject, finding?.conditions[0]?.observed]).toEqual([{ type: 'event', id: 'e1' }, 0]);
  });
});

describe('seasonal ban', () => {
  const ban = (overrides: Partial<Extract<ClauseParams, { kind: 'seasonal-ban' }>> = {}) =>
    single({ kind: 'seasonal-ban', season: { startMonthDay: '06-01', endMonthDay: '08-31' }, uses: ['irrigation'], intakeIds: null, pollutantClasses: [], toleranceM3: 0, ...overrides });
  const on = (date: string, volumeM3 = 50) => createBaseRecords({ withdrawals: [createWithdrawal('w1', 'i-alta', `${date}T06:00:00Z`, `${date}T18:00:00Z`, volumeM3)] });

  it.each([
    ['the day before the season', '2026-05-31', 0],
    ['the first day of the season', '2026-06-01', 1],
    ['the last day of the season', '2026-08-31', 1],
    ['the day after the season', '2026-09-01', 0],
  ])('a withdrawal on %s gives %i findings', (_label, date, expected) => {
    expect(run(ban(), on(date))).toHaveLength(expected);
  });

  it.each([
    ['under', 9.99, 0],
    ['at', 10, 0],
    ['over', 10.01, 1],
  ])('a volume %s the tolerance gives %i findings', (_label, volumeM3, expected) => {
    expect(run(ban({ toleranceM3: 10 }), on('2026-07-01', volumeM3))).toHaveLength(expected);
  });

  it('spares uses it does not ban', () => {
    expect(run(ban({ uses: ['industry'] }), on('2026-07-01'))).toEqual([]);
  });

  describe('an activity banned in a season across the year end (12-01 to 02-28)', () => {
    const wrap = ban({ season: { startMonthDay: '12-01', endMonthDay: '02-28' }, uses: [], pollutantClasses: ['agrochemicals'] });
    const event = (observedAt: string) => createBaseRecords({ contaminationEvents: [createEvent('e1', { observedAt, pollutantClass: 'agrochemicals' })] });
    it.each([
      ['2026-02-28T10:00:00Z', 1],
      ['2026-03-01T10:00:00Z', 0],
      ['2026-11-30T10:00:00Z', 0],
      ['2026-12-01T10:00:00Z', 1],
    ])('an event on %s gives %i findings', (observedAt, expected) => {
      expect(run(wrap, event(observedAt))).toHaveLength(expected);
    });
  });
});
