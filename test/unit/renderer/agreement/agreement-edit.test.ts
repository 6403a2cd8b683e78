import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUSE_KINDS, parseAgreement, type Agreement } from '../../../../src/domain/agreement';
import {
  amend,
  checkAgreement,
  dayBefore,
  describePath,
  defaultParams,
  exportFileName,
  isAmendProblem,
  latestVersion,
  newClauseId,
  parseLocaleNumber,
  readAgreementFile,
  setAt,
  withClause,
} from '../../../../renderer/features/agreement/agreement-edit';
import { CLAUSE_FIELDS } from '../../../../renderer/features/agreement/clause-fields';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const exampleText = readFileSync(path.join(root, 'test', 'fixtures', 'rules', 'agreement-example.json'), 'utf8');

function example(): Agreement {
  const parsed = parseAgreement(JSON.parse(exampleText));
  if (!parsed.ok) throw new Error(parsed.code);
  return Object.freeze(parsed.agreement);
}

describe('amendments', () => {
  it('add a version from a date and close the one in force the day before', () => {
    const agreement = example();
    const quota = latestVersion(agreement).clauses[0]!;
    const changed = { ...quota, params: { ...quota.params, limitM3: 600 } as typeof quota.params };
    const amended = amend(
      agreement,
      '2026-09-01',
      withClause(latestVersion(agreement).clauses, changed),
      'Cuota más baja.',
    );
    if (isAmendProblem(amended)) throw new Error(amended.code);
    expect(amended.versions.map((version) => [version.version, version.effectiveFrom, version.effectiveTo])).toEqual([
      [1, '2025-03-01', '2026-03-31'],
      [2, '2026-04-01', '2026-08-31'],
      [3, '2026-09-01', null],
    ]);
    const clauses = latestVersion(amended).clauses;
    expect(clauses.map((clause) => [clause.id, clause.version])).toEqual([
      ['c3', 3],
      ['c7', 1],
      ['c8', 1],
    ]);
    expect(latestVersion(amended).amendmentNote).toBe('Cuota más baja.');
    expect(checkAgreement(amended).ok).toBe(true);
    // The signed text of earlier versions is kept as it was.
    expect(amended.versions[1]!.clauses).toEqual(agreement.versions[1]!.clauses);
  });

  it('can change the signatories and the ladder, keeping every clause version', () => {
    const agreement = example();
    const amended = amend(agreement, '2026-09-01', latestVersion(agreement).clauses, 'Entra la vereda Nueva.', {
      signatories: ['alta', 'media', 'baja', 'nueva'],
      ladder: { windowDays: 180, rungs: ['notice', 'notice', 'sanction'] },
    });
    if (isAmendProblem(amended)) throw new Error(amended.code);
    expect(latestVersion(amended).signatories).toEqual(['alta', 'media', 'baja', 'nueva']);
    expect(latestVersion(amended).ladder).toEqual({ windowDays: 180, rungs: ['notice', 'notice', 'sanction'] });
    expect(latestVersion(amended).clauses).toEqual(latestVersion(agreement).clauses);
    expect(amended.versions[1]!.signatories).toEqual(['alta', 'media', 'baja']);
  });

  it('must start after the version in force began', () => {
    const agreement = example();
    const amended = amend(agreement, '2026-04-01', latestVersion(agreement).clauses, '');
    expect(amended).toEqual({ code: 'agreement.amend.fromTooEarly', params: { date: '2026-04-01' } });
  });

  it('is refused with the path of the first error when a clause breaks the format', () => {
    const agreement = example();
    const quota = latestVersion(agreement).clauses[0]!;
    const broken = setAt(quota, ['params', 'limitM3'], -1);
    const amended = amend(agreement, '2026-09-01', withClause(latestVersion(agreement).clauses, broken), '');
    if (isAmendProblem(amended)) throw new Error(amended.code);
    expect(checkAgreement(amended)).toMatchObject({
      ok: false,
      path: 'versions[2].clauses[0].params.limitM3',
      code: 'rules.agreement.tooSmall',
    });
  });

  it('gives new clauses an id no version uses, and parameters the format accepts', () => {
    const agreement = example();
    expect(newClauseId(agreement, 'withdrawal-quota')).toBe('withdrawal-quota-1');
    for (const kind of CLAUSE_KINDS) {
      const params = defaultParams(kind, {
        communityIds: ['alta'],
        intakeIds: ['i-alta'],
        pointIds: ['p1'],
        today: '2026-11-01',
      });
      const clause = {
        id: newClauseId(agreement, kind),
        number: 20,
        version: 1,
        wording: 'Texto de prueba de la cláusula nueva.',
        params,
      };
      const amended = amend(agreement, '2026-12-01', [...latestVersion(agreement).clauses, clause], '');
      if (isAmendProblem(amended)) throw new Error(amended.code);
      expect({ kind, result: checkAgreement(amended).ok }).toEqual({ kind, result: true });
    }
  });
});

describe('agreement files', () => {
  it('read a valid file', () => {
    expect(readAgreementFile(exampleText).ok).toBe(true);
  });

  it('refuse a file that is not JSON', () => {
    expect(readAgreementFile('{ no es json')).toEqual({
      ok: false,
      path: '',
      code: 'agreement.import.notJson',
      params: {},
    });
  });

  it('refuse a broken file with the path of its first error', () => {
    const document = JSON.parse(exampleText) as { versions: { clauses: { params: Record<string, unknown> }[] }[] };
    document.versions[1]!.clauses[1]!.params['withinHours'] = 'veinticuatro';
    expect(readAgreementFile(JSON.stringify(document))).toMatchObject({
      ok: false,
      path: 'versions[1].clauses[1].params.withinHours',
      code: 'rules.agreement.invalidType',
    });
  });

  it('say where the error is in plain words: version, clause number, field', () => {
    const document = JSON.parse(exampleText) as unknown;
    expect(describePath('versions[1].clauses[1].params.withinHours', document)).toEqual([
      { type: 'version', version: 2 },
      { type: 'clause', number: 7 },
      { type: 'field', key: 'withinHours' },
    ]);
    expect(describePath('versions[0].effectiveTo', document)).toEqual([
      { type: 'version', version: 1 },
      { type: 'field', key: 'effectiveTo' },
    ]);
    expect(describePath('versions[1].clauses[0].params.limitM3', document).at(-1)).toEqual({
      type: 'field',
      key: 'limitM3',
    });
    expect(describePath('formatVersion', document)).toEqual([]);
  });

  it('are named after the agreement and its latest version', () => {
    expect(exportFileName(example())).toBe('acuerdo-de-aguas-de-la-microcuenca-el-salto-v2.json');
  });
});

describe('forms', () => {
  it('have a field for every parameter of every clause kind', () => {
    for (const kind of CLAUSE_KINDS) {
      const params = defaultParams(kind, {
        communityIds: ['alta'],
        intakeIds: ['i-alta'],
        pointIds: ['p1'],
        today: '2026-11-01',
      });
      const keys = Object.keys(params)
        .filter((key) => key !== 'kind')
        .sort();
      expect({ kind, keys: CLAUSE_FIELDS[kind].map((field) => field.key).sort() }).toEqual({ kind, keys });
    }
  });

  it('read numbers as typed in Spanish, Portuguese or English', () => {
    expect(parseLocaleNumber('102.000', ',')).toBe(102000);
    expect(parseLocaleNumber('1.240,5', ',')).toBe(1240.5);
    expect(parseLocaleNumber('0,93', ',')).toBe(0.93);
    expect(parseLocaleNumber('0.93', ',')).toBe(0.93);
    expect(parseLocaleNumber('1,240.5', '.')).toBe(1240.5);
    expect(parseLocaleNumber('doce', ',')).toBeNull();
    expect(parseLocaleNumber('', ',')).toBeNull();
  });

  it('set a value deep inside a clause without touching the original', () => {
    const params = Object.freeze({
      roster: Object.freeze({ entries: Object.freeze([Object.freeze({ fillingHours: 1 })]) }),
    });
    const next = setAt(params, ['roster', 'entries', 0, 'fillingHours'], 2);
    expect(next.roster.entries[0]!.fillingHours).toBe(2);
    expect(params.roster.entries[0]!.fillingHours).toBe(1);
  });

  it('count days back across months and leap years', () => {
    expect([dayBefore('2026-03-01'), dayBefore('2028-03-01'), dayBefore('2026-01-01')]).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2025-12-31',
    ]);
  });
});
