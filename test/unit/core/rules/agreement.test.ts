import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgreement, toAgreementDocument, versionInForce } from '../../../../src/domain/agreement';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const example = (): Record<string, unknown> & { versions: { clauses: { params: Record<string, unknown> }[] }[] } =>
  JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'rules', 'agreement-example.json'), 'utf8'));

describe('agreement format v1', () => {
  it('reads the documented example', () => {
    const result = parseAgreement(example());
    expect(result.ok && result.agreement.versions.map((version) => version.clauses.length)).toEqual([1, 3]);
  });

  it('writes back what it read', () => {
    const result = parseAgreement(example());
    expect(result.ok && toAgreementDocument(result.agreement)).toEqual(example());
  });

  it('refuses a file without the format version', () => {
    const { formatVersion: _formatVersion, ...rest } = example();
    expect(parseAgreement(rest)).toMatchObject({ ok: false, path: 'formatVersion', code: 'rules.agreement.formatVersion' });
  });

  it('gives the path of a limit that is not positive', () => {
    const document = example();
    document.versions[1]!.clauses[0]!.params['limitM3'] = 0;
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[0].params.limitM3', code: 'rules.agreement.tooSmall' });
  });

  it('gives the path of an unknown clause kind', () => {
    const document = example();
    document.versions[1]!.clauses[1]!.params['kind'] = 'fishing-quota';
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[1].params.kind', code: 'rules.agreement.unknownKind' });
  });

  it('refuses a month-day that does not exist', () => {
    const document = example();
    document.versions[1]!.clauses[0]!.params['season'] = { startMonthDay: '06-31', endMonthDay: '08-31' };
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[0].params.season.startMonthDay' });
  });

  it('refuses versions that overlap', () => {
    const document = example() as unknown as { versions: { effectiveTo: string | null }[] };
    document.versions[0]!.effectiveTo = '2026-04-01';
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].effectiveFrom', code: 'rules.agreement.versionOverlap' });
  });

  it('refuses shares that add up to more than 100 %', () => {
    const document = example();
    document.versions[1]!.clauses[1]!.params = {
      kind: 'proportional-share',
      controlPointId: 'pc',
      gaugePointId: null,
      scarcityFlowM3s: null,
      ecologicalFlowM3s: 0,
      periodUnit: 'month',
      shares: [{ communityId: 'alta', sharePct: 60 }, { communityId: 'media', sharePct: 50 }],
      tolerancePct: 0,
    };
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[1].params.shares', code: 'rules.agreement.sharesOver100', params: { totalPct: 110 } });
  });

  it('refuses a roster whose filling time fills the cycle', () => {
    const document = example();
    const roster = document.versions[1]!.clauses[2]!.params['roster'] as { cycleHours: number };
    roster.cycleHours = 3;
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[2].params.roster.cycleHours', code: 'rules.agreement.rosterOverfull' });
  });

  it('refuses a quota per season without the season', () => {
    const document = example();
    Object.assign(document.versions[1]!.clauses[0]!.params, { periodUnit: 'season', season: null });
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[0].params.season', code: 'rules.agreement.seasonRequired' });
  });

  it('refuses two clauses with one id', () => {
    const document = example() as unknown as { versions: { clauses: { id: string }[] }[] };
    document.versions[1]!.clauses[1]!.id = 'c3';
    expect(parseAgreement(document)).toMatchObject({ ok: false, path: 'versions[1].clauses[1].id', code: 'rules.agreement.duplicateClauseId' });
  });

  it('finds the version in force on a date', () => {
    const result = parseAgreement(example());
    if (!result.ok) throw new Error(result.code);
    expect([versionInForce(result.agreement, '2026-03-31')?.version, versionInForce(result.agreement, '2026-04-01')?.version, versionInForce(result.agreement, '2025-02-28')]).toEqual([1, 2, null]);
  });
});
