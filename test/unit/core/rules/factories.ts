import type { Agreement, AgreementVersion, Clause, ClauseParams, Ladder } from '../../../../src/domain/agreement';
import type {
  Community,
  ContaminationEvent,
  Decision,
  Intake,
  Measurement,
  MonitoringPoint,
  RecordMeta,
  RestorationSite,
  Withdrawal,
} from '../../../../src/domain/records';
import { evaluate, type EvaluateInput } from '../../../../src/rules/evaluate';
import type { Finding } from '../../../../src/rules/finding';
import type { NetworkPosition, NetworkView } from '../../../../src/rules/network-view';
import type { RuleRecords } from '../../../../src/rules/record-index';

/*
 * Frozen fixtures for the rules tests, built by createX() factories. The network is four reaches:
 *
 *   t1 (5 km) ──┐
 *               ├─> r2 (10 km) ──> r3 (10 km, outlet)
 *   r1 (10 km) ─┘
 *
 * Drainage area grows linearly along each reach: r1 0..100 km2, t1 0..50, r2 150..200, r3 200..250.
 */

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

const REACHES: Record<string, { next: string | null; lengthKm: number; upAreaKm2: number; downAreaKm2: number }> = {
  r1: { next: 'r2', lengthKm: 10, upAreaKm2: 0, downAreaKm2: 100 },
  t1: { next: 'r2', lengthKm: 5, upAreaKm2: 0, downAreaKm2: 50 },
  r2: { next: 'r3', lengthKm: 10, upAreaKm2: 150, downAreaKm2: 200 },
  r3: { next: null, lengthKm: 10, upAreaKm2: 200, downAreaKm2: 250 },
};

function downstreamPath(from: string): string[] {
  const path = [from];
  let next = REACHES[from]?.next ?? null;
  while (next !== null) {
    path.push(next);
    next = REACHES[next]?.next ?? null;
  }
  return path;
}

/** A hand-made network satisfying the rules' NetworkView port. */
export function createNetwork(): NetworkView {
  const isUpstream = (a: NetworkPosition, b: NetworkPosition): boolean =>
    a.reachId === b.reachId ? a.fraction <= b.fraction : downstreamPath(a.reachId).includes(b.reachId);
  const along = (a: NetworkPosition, b: NetworkPosition): number => {
    if (a.reachId === b.reachId) return (b.fraction - a.fraction) * REACHES[a.reachId]!.lengthKm;
    const path = downstreamPath(a.reachId);
    let km = (1 - a.fraction) * REACHES[a.reachId]!.lengthKm;
    for (const reach of path.slice(1, path.indexOf(b.reachId))) km += REACHES[reach]!.lengthKm;
    return km + b.fraction * REACHES[b.reachId]!.lengthKm;
  };
  return {
    isUpstream,
    flowDistanceKm: (a, b) => (isUpstream(a, b) ? along(a, b) : isUpstream(b, a) ? along(b, a) : null),
    drainageAreaKm2: (p) => {
      const reach = REACHES[p.reachId]!;
      return reach.upAreaKm2 + (reach.downAreaKm2 - reach.upAreaKm2) * p.fraction;
    },
  };
}

export function createMeta(id: string, overrides: Partial<RecordMeta> = {}): RecordMeta {
  return {
    id,
    version: 1,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    author: 'secretaria',
    device: 'laptop-1',
    deleted: false,
    reviewState: 'approved',
    ...overrides,
  };
}

export function snapAt(reachId: string, fraction: number): { reachId: string; fraction: number; distanceM: number } {
  return { reachId, fraction, distanceM: 5 };
}

export function createCommunity(id: string, name: string): Community {
  return { ...createMeta(id), name, territory: null, population: 300, contacts: '' };
}

export function createIntake(id: string, overrides: Partial<Intake> = {}): Intake {
  return {
    ...createMeta(id),
    name: `Toma ${id}`,
    communityId: 'alta',
    use: 'irrigation',
    location: [-75, 5],
    snap: snapAt('r1', 0.5),
    returnLocation: null,
    returnSnap: null,
    ...overrides,
  };
}

export function createWithdrawal(id: string, intakeId: string, periodStart: string, periodEnd: string, volumeM3: number): Withdrawal {
  return {
    ...createMeta(id),
    intakeId,
    periodStart,
    periodEnd,
    volumeM3,
    entered: { quantity: 'volume', value: volumeM3, unit: 'm3' },
    method: 'meter',
    reporter: 'fontanero',
  };
}

export function createPoint(id: string, kind: 'gauge' | 'quality', snap: MonitoringPoint['snap'], name = `Punto ${id}`): MonitoringPoint {
  return { ...createMeta(id), name, kind, location: [-75, 5], snap };
}

export function createMeasurement(id: string, pointId: string, parameter: string, value: number, unit: string, time: string, detectionLimit?: number): Measurement {
  const measurement: Measurement = { ...createMeta(id), pointId, parameter, value, unit, time };
  return detectionLimit === undefined ? measurement : { ...measurement, detectionLimit };
}

export function createEvent(id: string, overrides: Partial<ContaminationEvent> = {}): ContaminationEvent {
  return {
    ...createMeta(id),
    location: [-75, 5],
    snap: snapAt('r1', 0.5),
    observedAt: '2026-05-10T08:00:00Z',
    pollutantClass: 'mining',
    suspectedSource: 'relave de la mina',
    description: '',
    status: 'open',
    closedAt: null,
    notifications: [],
    photoIds: [],
    ...overrides,
  };
}

export function createSite(id: string, communityId: string, workDate: string, doneAreaHa: number, overrides: Partial<RestorationSite> = {}): RestorationSite {
  return {
    ...createMeta(id),
    name: `Sitio ${id}`,
    communityId,
    geometry: { type: 'Polygon', coordinates: [[[-75, 5], [-75, 5.01], [-74.99, 5.01], [-75, 5]]] },
    activity: 'reforestation',
    status: 'done',
    plannedAreaHa: doneAreaHa,
    doneAreaHa,
    plantsPlanted: 0,
    workDate,
    ...overrides,
  };
}

export function createDecision(id: string, findingId: string, status: Decision['status'], decidedAt = '2026-12-01T00:00:00Z'): Decision {
  return { ...createMeta(id), findingId, meetingId: null, status, note: '', decidedAt };
}

export function createClause(params: ClauseParams, overrides: Partial<Omit<Clause, 'params'>> = {}): Clause {
  return { id: 'c3', number: 3, version: 1, wording: 'Cláusula tercera, tal como se firmó.', params, ...overrides };
}

export const DEFAULT_LADDER: Ladder = { windowDays: 365, rungs: ['notice', 'warning', 'sanction'] };

export function createVersion(clauses: Clause[], overrides: Partial<AgreementVersion> = {}): AgreementVersion {
  return {
    version: 1,
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    signatories: ['alta', 'media', 'baja'],
    ladder: DEFAULT_LADDER,
    clauses,
    amendmentNote: '',
    ...overrides,
  };
}

export function createAgreement(versions: AgreementVersion[], id = 'acuerdo'): Agreement {
  return { ...createMeta(id), title: 'Acuerdo de la cuenca', versions };
}

/** Communities: alta (r1), media (t1), baja (r3), with one intake each unless a test passes its own. */
export function createBaseRecords(overrides: Partial<RuleRecords> = {}): RuleRecords {
  return deepFreeze({
    communities: [createCommunity('alta', 'Alta'), createCommunity('media', 'Media'), createCommunity('baja', 'Baja')],
    intakes: [
      createIntake('i-alta', { communityId: 'alta', snap: snapAt('r1', 0.5), name: 'Bocatoma Alta' }),
      createIntake('i-media', { communityId: 'media', snap: snapAt('t1', 0.5), name: 'Bocatoma Media' }),
      createIntake('i-baja', { communityId: 'baja', snap: snapAt('r3', 0.5), name: 'Bocatoma Baja' }),
    ],
    withdrawals: [],
    monitoringPoints: [],
    measurements: [],
    contaminationEvents: [],
    restorationSites: [],
    ...overrides,
  });
}

/** Evaluates one agreement over records for 2026, judged on 2027-01-15 unless told otherwise. */
export function run(agreement: Agreement, records: RuleRecords, options: Partial<EvaluateInput> = {}): Finding[] {
  return evaluate({
    agreements: [agreement],
    records,
    network: createNetwork(),
    period: { start: '2026-01-01', end: '2026-12-31' },
    now: '2027-01-15T00:00:00Z',
    ...options,
  });
}

/** One clause in a one-version agreement. */
export function single(params: ClauseParams, overrides: Partial<Omit<Clause, 'params'>> = {}): Agreement {
  return deepFreeze(createAgreement([createVersion([createClause(params, overrides)])]));
}

/** An intake-scoped monthly withdrawal quota of `limitM3` (overrides change any parameter). */
export function monthlyQuota(
  limitM3: number,
  overrides: Partial<Extract<ClauseParams, { kind: 'withdrawal-quota' }>> = {},
): ClauseParams {
  return { kind: 'withdrawal-quota', scope: 'intake', subjectIds: null, uses: null, periodUnit: 'month', season: null, limitM3, ...overrides };
}
