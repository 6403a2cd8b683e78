import { describe, expect, it } from 'vitest';
import { createBaseRecords, createVersion, createAgreement, createClause, createWithdrawal, createIntake, deepFreeze, monthlyQuota, run, single, snapAt } from './factories';
import { render } from './render';

const march = (volumeM3: number, id = 'w1', intakeId = 'i-alta') => createWithdrawal(id, intakeId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', volumeM3);

describe('withdrawal quota', () => {
  it.each([
    ['just under', 999.99, 0],
    ['at', 1000, 0],
    ['just over', 1000.01, 1],
  ])('a month %s the limit gives %i findings', (_label, volumeM3, expected) => {
    const findings = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: [march(volumeM3)] }));
    expect(findings).toHaveLength(expected);
  });

  it('reports the observed volume beside the limit with the withdrawals as evidence', () => {
    const [finding] = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: [march(1240)] }));
    expect(finding?.conditions).toEqual([{ fact: 'withdrawalM3', operator: 'greaterThan', observed: 1240, limit: 1000, unit: 'm3' }]);
    expect(finding?.evidence).toEqual([
      { kind: 'intake', id: 'i-alta' },
      { kind: 'withdrawal', id: 'w1' },
    ]);
    expect(finding?.period).toEqual({ start: '2026-03-01', end: '2026-03-31', key: '2026-03' });
  });

  it('gives the finding a stable id from agreement, clause, subject and period', () => {
    const [finding] = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: [march(1240)] }));
    expect(finding?.id).toBe('acuerdo/c3|intake:i-alta|2026-03');
  });

  it('counts a reading spanning two months pro rata', () => {
    const spanning = createWithdrawal('w1', 'i-alta', '2026-03-17T00:00:00Z', '2026-04-16T00:00:00Z', 3000);
    const findings = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: [spanning] }));
    expect(findings.map((finding) => [finding.period.key, finding.conditions[0]?.observed])).toEqual([
      ['2026-03', 1500],
      ['2026-04', 1500],
    ]);
  });

  it('sums a community over its intakes', () => {
    const records = createBaseRecords({
      intakes: [createIntake('i-alta'), createIntake('i-alta-2', { communityId: 'alta', snap: snapAt('r1', 0.9) })],
      withdrawals: [march(600), march(600, 'w2', 'i-alta-2')],
    });
    const findings = run(single(monthlyQuota(1000, { scope: 'community' })), records);
    expect(findings.map((finding) => [finding.subject, finding.conditions[0]?.observed])).toEqual([[{ type: 'community', id: 'alta' }, 1200]]);
  });

  it('only counts intakes of the uses named', () => {
    const records = createBaseRecords({ intakes: [createIntake('i-alta', { use: 'domestic' })], withdrawals: [march(5000)] });
    expect(run(single(monthlyQuota(1000, { uses: ['irrigation'] })), records)).toEqual([]);
  });

  describe('in a season that wraps the year end (12-01 to 02-28)', () => {
    const seasonal = single(monthlyQuota(100, { periodUnit: 'season', season: { startMonthDay: '12-01', endMonthDay: '02-28' } }));
    const day = (date: string) => createWithdrawal(`w-${date}`, 'i-alta', `${date}T00:00:00Z`, `${date}T23:59:59Z`, 150);
    it.each([
      ['the last day before', '2026-11-30', 0],
      ['the first day', '2026-12-01', 1],
      ['the last day', '2026-02-28', 1],
      ['the first day after', '2026-03-01', 0],
    ])('a withdrawal on %s (%s) gives %i findings', (_label, date, expected) => {
      expect(run(seasonal, createBaseRecords({ withdrawals: [day(date)] }))).toHaveLength(expected);
    });

    it('keys the occurrence by its first and last day', () => {
      const [finding] = run(seasonal, createBaseRecords({ withdrawals: [day('2026-12-01')] }));
      expect(finding?.period.key).toBe('2026-12-01/2027-02-28');
    });
  });

  it('counts only the volume inside the season of a monthly quota', () => {
    const summer = single(monthlyQuota(100, { season: { startMonthDay: '06-16', endMonthDay: '08-31' } }));
    const june = createWithdrawal('w1', 'i-alta', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', 300);
    const [finding] = run(summer, createBaseRecords({ withdrawals: [june] }));
    expect(finding?.conditions[0]?.observed).toBe(150);
  });

  describe('amended on 2026-04-01 (version 2 lowers the limit to 500)', () => {
    const amended = deepFreeze(
      createAgreement([
        createVersion([createClause(monthlyQuota(1000))], { effectiveTo: '2026-03-31' }),
        createVersion([createClause(monthlyQuota(500), { version: 2 })], { version: 2, effectiveFrom: '2026-04-01' }),
      ]),
    );
    it('judges the month before the effective date by version 1', () => {
      expect(run(amended, createBaseRecords({ withdrawals: [march(800)] }))).toEqual([]);
    });
    it('judges the month from the effective date by version 2', () => {
      const april = createWithdrawal('w1', 'i-alta', '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', 800);
      const [finding] = run(amended, createBaseRecords({ withdrawals: [april] }));
      expect([finding?.clauseVersion, finding?.agreementVersion, finding?.conditions[0]?.limit]).toEqual([2, 2, 500]);
    });
  });

  describe('ladder', () => {
    const monthsOver = ['01', '02', '03'].map((month, i) =>
      createWithdrawal(`w${i}`, 'i-alta', `2026-${month}-01T00:00:00Z`, `2026-${month}-02T00:00:00Z`, 2000),
    );
    it('climbs a rung on each repeat within the window', () => {
      const findings = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: monthsOver }));
      expect(findings.map((finding) => finding.rung)).toEqual(['notice', 'warning', 'sanction']);
    });
    it('counts only repeats whose period started within the window', () => {
      const agreement = deepFreeze(createAgreement([createVersion([createClause(monthlyQuota(1000))], { ladder: { windowDays: 40, rungs: ['notice', 'warning', 'sanction'] } })]));
      const findings = run(agreement, createBaseRecords({ withdrawals: monthsOver }));
      expect(findings.map((finding) => finding.rung)).toEqual(['notice', 'warning', 'warning']);
    });
  });

  describe('sentence', () => {
    const [finding] = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: [march(1240)] }));
    it('renders in Spanish', () => {
      expect(render('es', finding!.sentence)).toBe(
        'La comunidad Alta extrajo 1240 m³ en marzo de 2026 en la toma «Bocatoma Alta»; su cuota es 1000 m³ (cláusula 3, versión 1): 24 % por encima.',
      );
    });
    it('renders in Brazilian Portuguese', () => {
      expect(render('pt-BR', finding!.sentence)).toBe(
        'A comunidade Alta captou 1.240 m³ em março de 2026 na captação “Bocatoma Alta”; sua cota é 1.000 m³ (cláusula 3, versão 1): 24% acima.',
      );
    });
    it('renders in English', () => {
      expect(render('en', finding!.sentence)).toBe(
        'The community Alta withdrew 1,240 m³ in March 2026 at the intake “Bocatoma Alta”; its quota is 1,000 m³ (clause 3, version 1): 24% over.',
      );
    });
    it('suggests a remedy with the excess', () => {
      expect(finding?.remedy).toEqual({ code: 'rules.remedy.reduceWithdrawal', params: { excessM3: 240 } });
    });
  });

  it('lists the communities downstream of the intake, nearest first', () => {
    const [finding] = run(single(monthlyQuota(1000)), createBaseRecords({ withdrawals: [march(1240)] }));
    expect(finding?.affectedCommunities).toEqual([{ communityId: 'baja', distanceKm: 20 }]);
  });
});
