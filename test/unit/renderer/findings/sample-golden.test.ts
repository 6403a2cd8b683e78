import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAgreement } from '../../../../src/domain/agreement';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import { evaluate } from '../../../../src/rules/evaluate';
import type { Finding } from '../../../../src/rules/finding';
import type { RuleRecords } from '../../../../src/rules/record-index';
import type { StoredBasin } from '../../../../renderer/session/basin-files';
import { BasinFileSchema } from '../../../../renderer/session/basin-files';
import { importSampleBasin } from '../../../../renderer/session/sample-import';
import { communityPositionsOf, FindingsEngine } from '../../../../renderer/features/findings/engine';
import { findingSentence } from '../../../../renderer/features/findings/finding-view';
import { openStore } from '../store/store-fixtures';

// Every finding of the sample basin as the app shows it on first run: the sample imported into the store, the
// worker's engine judging the whole record up to the basin's reference date (2026-11-01). The expected file is
// committed; UPDATE_GOLDEN=1 rewrites it after a deliberate change to the rules or the sample.

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const sampleDir = path.join(root, 'data', 'sample-basin');
const expectedFile = path.join(root, 'test', 'fixtures', 'rules', 'sample-basin-findings.json');
const ALL_TIME = { start: '1900-01-01', end: '2999-12-31' };

/** What the golden file keeps of each finding: everything a committee sees, and the Spanish sentence as read. */
function summary(finding: Finding) {
  return {
    id: finding.id,
    kind: finding.kind,
    clause: `${finding.clauseId} v${finding.clauseVersion} (agreement v${finding.agreementVersion})`,
    subject: finding.subject,
    period: finding.period,
    conditions: finding.conditions,
    evidence: finding.evidence,
    affectedCommunities: finding.affectedCommunities,
    rung: finding.rung,
    rungIndex: finding.rungIndex,
    severity: finding.severity,
    status: finding.status,
    remedy: finding.remedy,
    sentence: finding.sentence,
    sentenceEs: findingSentence(finding, 'es'),
  };
}

let engine: FindingsEngine;

beforeAll(async () => {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL) => {
    const name = path.basename(new URL(String(input)).pathname);
    const bytes = readFileSync(path.join(sampleDir, name));
    // The page's Blob (jsdom's), so the hillshade reads back as a data URL as it does in the browser.
    return {
      ok: true,
      status: 200,
      json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
      blob: async () => new Blob([new Uint8Array(bytes)]),
    };
  }) as unknown as typeof fetch;
  try {
    const { db, repository } = openStore();
    await importSampleBasin(repository);
    engine = await FindingsEngine.open(db, ALL_TIME);
  } finally {
    globalThis.fetch = realFetch;
  }
}, 120_000);

describe('sample basin findings', () => {
  it('match the committed golden file', () => {
    const findings = engine.findings().map(summary);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedFile))
      writeFileSync(expectedFile, `${JSON.stringify(findings, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ReturnType<typeof summary>[];
    expect(findings.map((finding) => finding.id)).toEqual(expected.map((finding) => finding.id));
    expect(findings).toEqual(expected);
  });

  it('are judged up to the reference date, over every kind of clause', () => {
    expect(engine.referenceDate).toBe('2026-11-01');
    expect(engine.window().period.end).toBe('2026-11-01');
    expect(new Set(engine.findings().map((finding) => finding.kind)).size).toBe(11);
  });

  it('equal a full evaluation of the sample files themselves, as the core evaluates them', () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(path.join(sampleDir, name), 'utf8'));
    const parsed = parseAgreement(read('agreement.json'));
    if (!parsed.ok) throw new Error(`${parsed.path}: ${parsed.code}`);
    const info = BasinFileSchema.parse(read('basin.json'));
    const reaches = read('reaches.geojson') as GeoJSON.FeatureCollection;
    const { network } = RiverNetwork.fromGeoJson(reaches);
    const basin = { info, reaches } as StoredBasin;
    const records = read('records.json') as unknown as RuleRecords;
    const { period, now } = engine.window();
    const full = evaluate({
      agreements: [parsed.agreement],
      records: { ...records, communityPositions: communityPositionsOf(basin, network) },
      network,
      period,
      now,
      utcOffsetMinutes: info.settings.utcOffsetMinutes,
    });
    expect(engine.findings()).toEqual(full);
  });
});
