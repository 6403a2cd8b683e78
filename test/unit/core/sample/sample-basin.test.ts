import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAUSE_KINDS, parseAgreement } from '../../../../src/domain/agreement';
import {
  CommunitySchema,
  ContaminationEventSchema,
  IntakeSchema,
  MeasurementSchema,
  MeetingSchema,
  MonitoringPointSchema,
  RestorationSiteSchema,
  RestorationVisitSchema,
  WithdrawalSchema,
} from '../../../../src/domain/records';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import { evaluate } from '../../../../src/rules/evaluate';
import { generateSampleBasin, SAMPLE_BASIN_OPTIONS, type SampleBasin } from '../../../../src/sample/generate-basin';
import { sampleBasinFiles } from '../../../../src/sample/serialize';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = path.join(repoRoot, 'data', 'sample-basin');
const SNAP_TOLERANCE_M = 100;

function digestOf(basin: SampleBasin): Map<string, string> {
  return new Map(sampleBasinFiles(basin).map((file) => [file.name, createHash('sha256').update(file.content).digest('hex')]));
}

let basin: SampleBasin;
let network: RiverNetwork;
let diagnostics: { code: string }[];

beforeAll(() => {
  basin = generateSampleBasin(SAMPLE_BASIN_OPTIONS);
  ({ network, diagnostics } = RiverNetwork.fromGeoJson(basin.reaches));
}, 120_000);

describe('sample basin generation', () => {
  it('writes bit-identical files on every run', () => {
    const again = generateSampleBasin(SAMPLE_BASIN_OPTIONS);
    expect(digestOf(again)).toEqual(digestOf(basin));
  }, 120_000);

  it('matches the committed data/sample-basin (run `npm run sample` after changing the generator)', () => {
    const committed = new Map(readdirSync(dataDir).map((name) => [name, createHash('sha256').update(readFileSync(path.join(dataDir, name))).digest('hex')]));
    expect(committed).toEqual(digestOf(basin));
  });

  it('keeps the committed folder under 5 MB', () => {
    const totalBytes = readdirSync(dataDir).reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0);
    expect(totalBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('is labelled fictional', () => {
    expect(basin.info.fictional).toBe(true);
    expect(basin.info.description).toMatch(/ficticia/);
  });
});

describe('sample basin hydrology', () => {
  it('has a few hundred reaches and a main stem of Strahler order 4 or more', () => {
    expect(network.reachCount).toBeGreaterThanOrEqual(200);
    expect(network.reachCount).toBeLessThan(1000);
    expect(Math.max(...basin.reaches.features.map((feature) => feature.properties.streamOrder))).toBeGreaterThanOrEqual(4);
  });

  it('drains to a single outlet with no network diagnostics', () => {
    expect(network.outletIds()).toHaveLength(1);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([]);
  });

  it('gives every reach a drainage area that grows downstream', () => {
    for (const id of network.reachIds()) {
      const reach = network.reach(id)!;
      if (reach.downstreamId === null) continue;
      expect(network.reach(reach.downstreamId)!.drainageAreaKm2).toBeGreaterThan(reach.drainageAreaKm2);
    }
  });

  it('stores on every intake, station and event the snap the river network computes', () => {
    const placed = [...basin.records.intakes, ...basin.records.monitoringPoints, ...basin.records.contaminationEvents];
    for (const record of placed) {
      const snap = network.snap(record.location, SNAP_TOLERANCE_M);
      expect(snap.ok, record.id).toBe(true);
      if (!snap.ok) continue;
      expect(record.snap?.reachId, record.id).toBe(snap.position.reachId);
      expect(record.snap!.fraction).toBeCloseTo(snap.position.fraction, 2);
      expect(Math.abs(record.snap!.distanceM - snap.distanceM)).toBeLessThan(0.5);
    }
  });

  it('places the diversion return downstream of its intake', () => {
    const diversions = basin.records.intakes.filter((intake) => intake.returnSnap !== null);
    expect(diversions).toHaveLength(1);
    const diversion = diversions[0]!;
    expect(network.isUpstream(diversion.snap!, diversion.returnSnap!)).toBe(true);
  });

  it('puts every intake inside its community territory or within 300 m of it', () => {
    const territories = new Map(basin.records.communities.map((community) => [community.id, community.territory!]));
    for (const intake of basin.records.intakes) {
      const territory = territories.get(intake.communityId)!;
      const inside = booleanPointInPolygon(point(intake.location), territory);
      const distanceM = inside ? 0 : pointToPolygonDistance(point(intake.location), territory, { units: 'meters' });
      expect(distanceM, intake.name).toBeLessThan(300);
    }
  });

  it('orders communities from the headwaters to the outlet by flow distance', () => {
    const distances = basin.info.communities.map((community) => {
      const snap = network.snap(community.anchor, SNAP_TOLERANCE_M);
      if (!snap.ok) throw new Error(`community ${community.name} is off the network`);
      return network.distanceToOutletKm(snap.position);
    });
    expect(distances).toEqual([...distances].sort((a, b) => b - a));
    expect(basin.info.communities.map((community) => community.id)).toEqual(basin.records.communities.map((community) => community.id));
  });
});

describe('sample basin records', () => {
  it('validates every record against its schema', () => {
    const { records } = basin;
    const checks: [unknown[], { safeParse: (value: unknown) => { success: boolean } }][] = [
      [records.communities, CommunitySchema],
      [records.intakes, IntakeSchema],
      [records.withdrawals, WithdrawalSchema],
      [records.monitoringPoints, MonitoringPointSchema],
      [records.measurements, MeasurementSchema],
      [records.contaminationEvents, ContaminationEventSchema],
      [records.restorationSites, RestorationSiteSchema],
      [records.restorationVisits, RestorationVisitSchema],
      [records.meetings, MeetingSchema],
    ];
    for (const [list, schema] of checks) {
      expect(list.length).toBeGreaterThan(0);
      for (const record of list) expect(schema.safeParse(record).success, JSON.stringify(record).slice(0, 200)).toBe(true);
    }
  });

  it('gives every record a unique id', () => {
    const ids = Object.values(basin.records).flatMap((list: { id: string }[]) => list.map((record) => record.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has twelve communities with 2 to 4 intakes each and every use represented', () => {
    expect(basin.records.communities).toHaveLength(12);
    for (const community of basin.records.communities) {
      const count = basin.records.intakes.filter((intake) => intake.communityId === community.id).length;
      expect(count, community.name).toBeGreaterThanOrEqual(2);
      expect(count, community.name).toBeLessThanOrEqual(4);
    }
    expect(new Set(basin.records.intakes.map((intake) => intake.use))).toEqual(new Set(['domestic', 'irrigation', 'livestock', 'industry']));
  });

  it('keeps a gauge with three years of daily discharge, lower in the dry seasons', () => {
    const gauge = basin.records.monitoringPoints.find((candidate) => candidate.kind === 'gauge')!;
    const discharge = basin.records.measurements.filter((measurement) => measurement.pointId === gauge.id && measurement.parameter === 'discharge');
    expect(discharge.length).toBeGreaterThanOrEqual(3 * 365);
    const meanOf = (monthsWanted: string[]): number => {
      const values = discharge.filter((measurement) => monthsWanted.includes(measurement.time.slice(5, 7))).map((measurement) => measurement.value);
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    expect(meanOf(['01', '02'])).toBeLessThan(0.7 * meanOf(['04', '05', '10', '11']));
    expect(meanOf(['07', '08'])).toBeLessThan(meanOf(['04', '05', '10', '11']));
  });

  it('reports withdrawals with positive-length periods, mostly metered', () => {
    const { withdrawals } = basin.records;
    expect(withdrawals.every((withdrawal) => Date.parse(withdrawal.periodEnd) > Date.parse(withdrawal.periodStart))).toBe(true);
    const metered = withdrawals.filter((withdrawal) => withdrawal.method === 'meter').length;
    expect(metered / withdrawals.length).toBeGreaterThan(0.6);
    expect(metered).toBeLessThan(withdrawals.length);
  });
});

describe('sample agreement', () => {
  it('parses in the rules format with two versions', () => {
    const parsed = parseAgreement(JSON.parse(JSON.stringify(basin.agreement)));
    expect(parsed.ok).toBe(true);
    expect(basin.agreement.versions).toHaveLength(2);
  });

  it('has at least one clause of every kind, each with its Spanish wording', () => {
    for (const version of basin.agreement.versions) {
      const kinds = new Set(version.clauses.map((clause) => clause.params.kind));
      expect([...kinds].sort()).toEqual([...CLAUSE_KINDS].sort());
      for (const clause of version.clauses) expect(clause.wording.length).toBeGreaterThan(30);
    }
  });

  it('opens with findings of every clause kind, and some clauses complied with', () => {
    const parsed = parseAgreement(JSON.parse(JSON.stringify(basin.agreement)));
    if (!parsed.ok) throw new Error(parsed.code);
    const findings = evaluate({
      agreements: [parsed.agreement],
      records: basin.records,
      network,
      period: { start: '2023-11-01', end: '2026-10-31' },
      now: `${basin.info.settings.referenceDate}T12:00:00-05:00`,
      utcOffsetMinutes: basin.info.settings.utcOffsetMinutes,
    });
    expect(new Set(findings.map((finding) => finding.kind))).toEqual(new Set(CLAUSE_KINDS));
    const clauseIds = new Set(basin.agreement.versions.flatMap((version) => version.clauses.map((clause) => clause.id)));
    const breachedIds = new Set(findings.map((finding) => finding.clauseId));
    expect(breachedIds.size).toBeLessThan(clauseIds.size);
  });
});
