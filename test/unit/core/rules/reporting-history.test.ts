import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/rules/evaluate';
import { IncrementalEvaluator } from '../../../../src/rules/incremental';
import {
  createBaseRecords,
  createIntake,
  createMeta,
  createNetwork,
  createWithdrawal,
  run,
  single,
  snapAt,
} from './factories';

// An intake registered in June whose readings from January were imported with it (the sample basin on first run,
// a backup, a spreadsheet): the duty to report starts at its first reading, not at the day it was typed in.
describe('reporting duty over imported history', () => {
  const duty = single({ kind: 'reporting-duty', periodUnit: 'month', intakeIds: ['i-alta'], uses: null, graceDays: 5 });
  const registeredInJune = createIntake('i-alta', {
    ...createMeta('i-alta', { createdAt: '2026-06-10T00:00:00Z' }),
    communityId: 'alta',
    snap: snapAt('r1', 0.5),
  });
  const january = createWithdrawal('w1', 'i-alta', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 100);
  const records = createBaseRecords({ intakes: [registeredInJune], withdrawals: [january] });
  const firstQuarter = { period: { start: '2026-01-01', end: '2026-03-31' }, now: '2026-04-06T00:00:00Z' };

  it('finds the months without a reading after the first imported reading', () => {
    const findings = run(duty, records, firstQuarter);
    expect(findings.map((finding) => finding.period.key)).toEqual(['2026-02', '2026-03']);
  });

  it('starts at the registration day when there is no reading at all', () => {
    const findings = run(duty, createBaseRecords({ intakes: [registeredInJune] }), {
      period: { start: '2026-01-01', end: '2026-08-31' },
      now: '2026-09-10T00:00:00Z',
    });
    expect(findings.map((finding) => finding.period.key)).toEqual(['2026-06', '2026-07', '2026-08']);
  });

  it('keeps the incremental findings equal to a full evaluation when the first reading goes', () => {
    const input = { agreements: [duty], records, network: createNetwork(), ...firstQuarter };
    const evaluator = new IncrementalEvaluator(input);
    evaluator.apply({ kind: 'withdrawal', op: 'delete', id: 'w1' });
    const full = evaluate({ ...input, records: createBaseRecords({ intakes: [registeredInJune] }) });
    expect(evaluator.findings()).toEqual(full);
    expect(full).toEqual([]);
  });
});
