import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../../src/ports/repository';
import {
  draftWithdrawal,
  evaluationWindow,
  FindingsEngine,
  isoOffset,
} from '../../../../renderer/features/findings/engine';
import type { StoredBasin } from '../../../../renderer/session/basin-files';
import { BASIN_META_KEY } from '../../../../renderer/session/sample-import';
import {
  COORDINATOR,
  createCommunityDraft,
  createIntakeDraft,
  createWithdrawalDraft,
  openStore,
} from '../store/store-fixtures';

// The worker's engine over a real (in-memory) store: it follows the audit log, so what the page writes through the
// repository reaches the findings, and its incremental state always equals opening the store afresh.

type Line = [number, number][];
const reach = (id: string, toid: string | null, coordinates: Line) => ({
  type: 'Feature' as const,
  properties: { id, toid },
  geometry: { type: 'LineString' as const, coordinates },
});

const BASIN: StoredBasin = Object.freeze({
  info: {
    formatVersion: 1 as const,
    name: 'Cuenca de prueba',
    fictional: true,
    bounds: [-75.62, 4.95, -75.59, 5.05] as [number, number, number, number],
    outlet: [-75.6, 4.95] as [number, number],
    settings: {
      flowVelocityMs: 0.8,
      timeZone: 'America/Bogota',
      utcOffsetMinutes: -300,
      locale: 'es',
      snapToleranceM: 100,
      referenceDate: '2026-04-15',
    },
    communities: [
      { id: 'alta', name: 'Vereda Alta', anchor: [-75.6, 5.04] as [number, number] },
      { id: 'baja', name: 'Vereda Baja', anchor: [-75.6, 4.96] as [number, number] },
    ],
  },
  reaches: {
    type: 'FeatureCollection' as const,
    features: [
      reach('upper', 'lower', [
        [-75.6, 5.05],
        [-75.6, 5.0],
      ]),
      reach('lower', null, [
        [-75.6, 5.0],
        [-75.6, 4.95],
      ]),
    ],
  },
  subbasins: { type: 'FeatureCollection' as const, features: [] },
  hillshadeUrl: null,
});

function quotaAgreement(limitM3: number): Draft<'agreements'> {
  return {
    title: 'Acuerdo de prueba',
    versions: [
      {
        version: 1,
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
        signatories: ['alta', 'baja'],
        ladder: { windowDays: 365, rungs: ['notice', 'warning', 'sanction'] },
        amendmentNote: '',
        clauses: [
          {
            id: 'c1',
            number: 1,
            version: 1,
            wording: 'Cada toma podrá captar hasta cien metros cúbicos al mes.',
            params: {
              kind: 'withdrawal-quota',
              scope: 'intake',
              subjectIds: null,
              uses: null,
              periodUnit: 'month',
              season: null,
              limitM3,
            },
          },
        ],
      },
    ],
  };
}

async function createStore() {
  const { db, repository } = openStore();
  await repository.setMeta(BASIN_META_KEY, BASIN);
  const community = await repository.create('communities', createCommunityDraft({ name: 'Vereda Alta' }), COORDINATOR);
  if (!community.ok) throw new Error('community');
  const intake = await repository.create(
    'intakes',
    createIntakeDraft({
      communityId: community.value.id,
      location: [-75.6, 5.03],
      snap: { reachId: 'upper', fraction: 0.4, distanceM: 2 },
    }),
    COORDINATOR,
  );
  if (!intake.ok) throw new Error('intake');
  const agreement = await repository.create('agreements', quotaAgreement(100), COORDINATOR);
  if (!agreement.ok) throw new Error('agreement');
  return { db, repository, intakeId: intake.value.id, agreement: agreement.value };
}

const ALL_TIME = { start: '1900-01-01', end: '2999-12-31' };
const march = (intakeId: string, volumeM3: number) =>
  createWithdrawalDraft({
    intakeId,
    periodStart: '2026-03-10T00:00:00-05:00',
    periodEnd: '2026-03-11T00:00:00-05:00',
    volumeM3,
    entered: { quantity: 'volume', value: volumeM3, unit: 'm3' },
  });

describe('evaluationWindow', () => {
  it('clips the shared filter to the first record and to the reference date, judged at noon local time', () => {
    expect(evaluationWindow(ALL_TIME, '2023-11-01', '2026-11-01', -300)).toEqual({
      period: { start: '2023-11-01', end: '2026-11-01' },
      now: '2026-11-01T12:00:00-05:00',
    });
  });

  it('keeps a filter that lies inside the data', () => {
    expect(evaluationWindow({ start: '2025-01-01', end: '2025-12-31' }, '2023-11-01', '2026-11-01', 0).period).toEqual({
      start: '2025-01-01',
      end: '2025-12-31',
    });
  });

  it('writes offsets east and west of UTC', () => {
    expect([isoOffset(-300), isoOffset(-180), isoOffset(0), isoOffset(330)]).toEqual([
      '-05:00',
      '-03:00',
      '+00:00',
      '+05:30',
    ]);
  });
});

describe('FindingsEngine', () => {
  it('finds a breach written after it opened, as a fresh evaluation of the store does', async () => {
    const { db, repository, intakeId, agreement } = await createStore();
    const engine = await FindingsEngine.open(db, ALL_TIME);
    expect(engine.findings()).toEqual([]);
    const written = await repository.create('withdrawals', march(intakeId, 150), COORDINATOR);
    expect(written.ok).toBe(true);
    expect(await engine.sync()).toBe(1);
    expect(engine.findings().map((finding) => finding.id)).toEqual([`${agreement.id}/c1|intake:${intakeId}|2026-03`]);
    expect(engine.findings()[0]?.conditions[0]).toMatchObject({ observed: 150, limit: 100, unit: 'm3' });
    const fresh = await FindingsEngine.open(db, ALL_TIME);
    expect(engine.findings()).toEqual(fresh.findings());
  });

  it('changes a finding status only when a decision is recorded', async () => {
    const { db, repository, intakeId, agreement } = await createStore();
    await repository.create('withdrawals', march(intakeId, 150), COORDINATOR);
    const engine = await FindingsEngine.open(db, ALL_TIME);
    const id = `${agreement.id}/c1|intake:${intakeId}|2026-03`;
    expect(engine.findings()[0]?.status).toBe('open');
    await repository.create(
      'decisions',
      {
        findingId: id,
        meetingId: null,
        status: 'sanctioned',
        note: 'Multa acordada.',
        decidedAt: '2026-04-10T10:00:00-05:00',
      },
      COORDINATOR,
    );
    await engine.sync();
    expect(engine.findings()[0]?.status).toBe('sanctioned');
  });

  it('clears the finding when the withdrawal is deleted, and follows an amended agreement', async () => {
    const { db, repository, intakeId, agreement } = await createStore();
    const written = await repository.create('withdrawals', march(intakeId, 150), COORDINATOR);
    if (!written.ok) throw new Error('withdrawal');
    const engine = await FindingsEngine.open(db, ALL_TIME);
    expect(engine.findings()).toHaveLength(1);
    const raised = await repository.update(
      'agreements',
      agreement.id,
      { versions: quotaAgreement(200).versions },
      COORDINATOR,
      { expectedVersion: agreement.version },
    );
    expect(raised.ok).toBe(true);
    await engine.sync();
    expect(engine.findings()).toEqual([]);
    await repository.update('agreements', agreement.id, { versions: quotaAgreement(100).versions }, COORDINATOR, {
      expectedVersion: agreement.version + 1,
    });
    await engine.sync();
    expect(engine.findings()).toHaveLength(1);
    await repository.remove('withdrawals', written.value.id, COORDINATOR);
    await engine.sync();
    expect(engine.findings()).toEqual([]);
  });

  it('answers a what-if for a draft withdrawal without keeping it', async () => {
    const { db, intakeId } = await createStore();
    const engine = await FindingsEngine.open(db, ALL_TIME);
    const draft = {
      ...march(intakeId, 180),
      createdAt: '2026-04-01T00:00:00Z',
      updatedAt: '2026-04-01T00:00:00Z',
      author: 'x',
      device: 'y',
      deleted: false,
      reviewState: 'received' as const,
    };
    const result = engine.whatIf({ kind: 'withdrawal', op: 'put', record: draftWithdrawal(draft, null) });
    expect(result.created.map((finding) => finding.period.key)).toEqual(['2026-03']);
    expect(engine.findings()).toEqual([]);
  });

  it('judges only the period of the shared filter', async () => {
    const { db, repository, intakeId } = await createStore();
    await repository.create('withdrawals', march(intakeId, 150), COORDINATOR);
    const engine = await FindingsEngine.open(db, ALL_TIME);
    engine.setPeriod({ start: '2026-01-01', end: '2026-02-28' });
    expect(engine.findings()).toEqual([]);
    engine.setPeriod({ start: '2026-03-01', end: '2026-03-31' });
    expect(engine.findings()).toHaveLength(1);
  });

  it('does not judge past the reference date', async () => {
    const { db, repository, intakeId } = await createStore();
    const may = createWithdrawalDraft({
      intakeId,
      periodStart: '2026-05-10T00:00:00-05:00',
      periodEnd: '2026-05-11T00:00:00-05:00',
      volumeM3: 500,
    });
    await repository.create('withdrawals', may, COORDINATOR);
    const engine = await FindingsEngine.open(db, ALL_TIME);
    expect(engine.findings()).toEqual([]);
    const later = await FindingsEngine.open(db, ALL_TIME, () => '2026-06-15');
    expect(later.findings().map((finding) => finding.period.key)).toEqual(['2026-05']);
  });
});

describe('FindingsEngine and the national water-quality standard', () => {
  it('judges samples against the standard the committee saved, and again when it changes', async () => {
    const { db, repository, agreement } = await createStore();
    const version = agreement.versions[0]!;
    const clause = {
      id: 'c9',
      number: 9,
      version: 1,
      wording: 'El agua debe cumplir la norma.',
      params: { kind: 'water-quality' as const, parameters: null, pointIds: null, overrides: [] },
    };
    await repository.update(
      'agreements',
      agreement.id,
      { versions: [{ ...version, clauses: [clause] }] },
      COORDINATOR,
      {
        expectedVersion: 1,
      },
    );
    const point = await repository.create(
      'monitoringPoints',
      {
        name: 'Quebrada Alta',
        kind: 'quality',
        location: [-75.6, 5.02],
        snap: { reachId: 'upper', fraction: 0.6, distanceM: 1 },
      },
      COORDINATOR,
    );
    if (!point.ok) throw new Error('point');
    // 30 mg/L of nitrate: within WHO's 50 mg/L, above a stricter national 10 mg/L.
    await repository.create(
      'measurements',
      { pointId: point.value.id, parameter: 'nitrate', value: 30, unit: 'mg/L', time: '2026-03-05T09:00:00-05:00' },
      COORDINATOR,
    );
    const engine = await FindingsEngine.open(db, ALL_TIME);
    expect(engine.findings().filter((finding) => finding.kind === 'water-quality')).toEqual([]);

    const standard = {
      name: 'Norma nacional',
      entries: { nitrate: { unit: 'mg/L', maxValue: 10, minValue: null, basis: 'Norma nacional', health: true } },
    };
    await repository.setMeta('field.guidelines.national', standard);
    expect(await engine.sync()).toBeGreaterThan(0);
    expect(engine.findings().filter((finding) => finding.kind === 'water-quality')).toHaveLength(1);
    expect((await FindingsEngine.open(db, ALL_TIME)).findings()).toEqual(engine.findings());

    await repository.setMeta('field.guidelines.national', null);
    await engine.sync();
    expect(engine.findings().filter((finding) => finding.kind === 'water-quality')).toEqual([]);
  });
});
