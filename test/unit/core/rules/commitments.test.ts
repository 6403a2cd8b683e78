import { describe, expect, it } from 'vitest';
import { createBaseRecords, createDecision, createSite, createWithdrawal, run, single } from './factories';

describe('restoration commitment (10 ha a year)', () => {
  const commitment = single({ kind: 'restoration-commitment', commitments: [{ communityId: 'alta', areaHaPerYear: 10, plantsPerYear: null }], yearStartMonthDay: '01-01' });
  const restored = (doneAreaHa: number, status: 'done' | 'failed' = 'done') =>
    createBaseRecords({ restorationSites: [createSite('s1', 'alta', '2026-03-01', doneAreaHa, { status })] });

  it.each([
    ['just under', 9.99, 1],
    ['at', 10, 0],
    ['over', 10.5, 0],
  ])('a year closed %s the commitment gives %i findings', (_label, doneAreaHa, expected) => {
    expect(run(commitment, restored(doneAreaHa))).toHaveLength(expected);
  });

  it('judges a year in progress pro rata', () => {
    // 182 of 365 days have passed on 2026-07-02: 4.99 ha are due.
    const midYear = { now: '2026-07-02T12:00:00Z' };
    expect([run(commitment, restored(5), midYear).length, run(commitment, restored(4.98), midYear).length]).toEqual([0, 1]);
  });

  it('does not count failed sites', () => {
    expect(run(commitment, restored(12, 'failed'))).toHaveLength(1);
  });
});

describe('reporting duty (monthly, 5 days of grace)', () => {
  const duty = single({ kind: 'reporting-duty', periodUnit: 'month', intakeIds: ['i-alta'], uses: null, graceDays: 5 });
  const january = createBaseRecords({ withdrawals: [createWithdrawal('w1', 'i-alta', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 100)] });
  const firstQuarter = { period: { start: '2026-01-01', end: '2026-03-31' } };

  it('finds the months without a reading once their grace has passed', () => {
    const findings = run(duty, january, { ...firstQuarter, now: '2026-04-06T00:00:00Z' });
    expect(findings.map((finding) => finding.period.key)).toEqual(['2026-02', '2026-03']);
  });

  it('waits for the grace days after the month ends', () => {
    const findings = run(duty, january, { ...firstQuarter, now: '2026-04-05T23:00:00Z' });
    expect(findings.map((finding) => finding.period.key)).toEqual(['2026-02']);
  });
});

describe('ladder and decisions', () => {
  const quota = single({ kind: 'withdrawal-quota', scope: 'intake', subjectIds: null, uses: null, periodUnit: 'month', season: null, limitM3: 100 });
  const withdrawals = ['01', '02', '03'].map((month, i) => createWithdrawal(`w${i}`, 'i-alta', `2026-${month}-05T00:00:00Z`, `2026-${month}-06T00:00:00Z`, 500));

  it('sets the status from the latest decision', () => {
    const decisions = [createDecision('d1', 'acuerdo/c3|intake:i-alta|2026-01', 'acknowledged', '2026-02-01T00:00:00Z'), createDecision('d2', 'acuerdo/c3|intake:i-alta|2026-01', 'resolved', '2026-03-01T00:00:00Z')];
    const [first] = run(quota, createBaseRecords({ withdrawals }), { decisions });
    expect(first?.status).toBe('resolved');
  });

  it('does not count a dismissed finding as a repeat', () => {
    const decisions = [createDecision('d1', 'acuerdo/c3|intake:i-alta|2026-01', 'dismissed')];
    const findings = run(quota, createBaseRecords({ withdrawals }), { decisions });
    expect(findings.map((finding) => finding.rung)).toEqual(['notice', 'notice', 'warning']);
  });

  it('raises severity with the rung when each breach is small', () => {
    const small = ['01', '02', '03'].map((month, i) => createWithdrawal(`w${i}`, 'i-alta', `2026-${month}-05T00:00:00Z`, `2026-${month}-06T00:00:00Z`, 105));
    const findings = run(quota, createBaseRecords({ withdrawals: small }));
    expect(findings.map((finding) => finding.severity)).toEqual(['low', 'medium', 'high']);
  });

  it('keeps the same ids and findings when records come in another order', () => {
    const forward = run(quota, createBaseRecords({ withdrawals }));
    const backward = run(quota, createBaseRecords({ withdrawals: [...withdrawals].reverse() }));
    expect(backward).toEqual(forward);
  });
});
