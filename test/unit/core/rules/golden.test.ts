import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseAgreement } from '../../../../src/domain/agreement';
import { evaluate } from '../../../../src/rules/evaluate';
import type { RuleRecords } from '../../../../src/rules/record-index';
import { createNetwork } from './factories';

// Input: the documented agreement example and a few records; output: the findings, as files.
// UPDATE_GOLDEN=1 regenerates the output after a deliberate change.
const folder = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'rules');
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(folder, name), 'utf8'));

it('evaluates the example agreement over the golden records to the stored findings', () => {
  const parsed = parseAgreement(read('agreement-example.json'));
  if (!parsed.ok) throw new Error(`${parsed.path}: ${parsed.code}`);
  const findings = evaluate({
    agreements: [parsed.agreement],
    records: read('golden-records.json') as RuleRecords,
    network: createNetwork(),
    period: { start: '2026-01-01', end: '2026-12-31' },
    now: '2027-01-15T12:00:00-05:00',
    utcOffsetMinutes: -300,
  });
  const expectedFile = path.join(folder, 'golden-findings.json');
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(findings, null, 2)}\n`);
  expect(findings).toEqual(read('golden-findings.json'));
});
