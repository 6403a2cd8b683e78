import { describe, expect, it } from 'vitest';
import type { Community, Intake } from '../../../../src/domain/records';
import { formatMessageNumber as sentenceNumber } from '../../../../src/i18n/translate';
import type { Finding } from '../../../../src/rules/finding';
import {
  basisLabel,
  conditionValue,
  filterFindings,
  findingBadges,
  findingSentence,
  formatPeriod,
  NO_FILTERS,
  periodOverlaps,
  yearsOf,
  type FindingPlaces,
} from '../../../../renderer/features/findings/finding-view';

const META = {
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  author: 'a',
  device: 'd',
  deleted: false,
  reviewState: 'approved' as const,
};

function createIntake(id: string, communityId: string, location: [number, number]): Intake {
  return {
    ...META,
    id,
    name: `Toma ${id}`,
    communityId,
    use: 'irrigation',
    location,
    snap: null,
    returnLocation: null,
    returnSnap: null,
  };
}

function createFinding(id: string, overrides: Partial<Finding> = {}): Finding {
  return Object.freeze({
    id,
    agreementId: 'a',
    agreementVersion: 1,
    clauseId: 'c1',
    clauseVersion: 1,
    clauseNumber: 1,
    kind: 'withdrawal-quota',
    subject: { type: 'intake', id: 'i-alta' },
    period: { start: '2026-03-01', end: '2026-03-31', key: '2026-03' },
    conditions: [{ fact: 'withdrawalM3', operator: 'greaterThan', observed: 1240, limit: 1000, unit: 'm3' }],
    evidence: [{ kind: 'intake', id: 'i-alta' }],
    affectedCommunities: [{ communityId: 'baja', distanceKm: 4.5 }],
    affectedCommunityIds: ['baja'],
    rung: 'notice',
    rungIndex: 0,
    severity: 'medium',
    status: 'open',
    remedy: { code: 'rules.remedy.reduceWithdrawal', params: { excessM3: 240 } },
    sentence: {
      code: 'rules.sentence.withdrawalQuotaIntake',
      params: {
        community: 'Alta',
        intake: 'Bocatoma Alta',
        volumeM3: 1240,
        limitM3: 1000,
        excessPct: 24,
        period: '2026-03',
        clause: 1,
        version: 1,
      },
    },
    ...overrides,
  } as Finding);
}

const PLACES: FindingPlaces = {
  communities: new Map<string, Community>(),
  intakes: new Map([
    ['i-alta', createIntake('i-alta', 'alta', [-75.6, 5.04])],
    ['i-media', createIntake('i-media', 'media', [-75.61, 5.0])],
  ]),
  points: new Map(),
  events: new Map(),
  sites: new Map(),
  anchors: new Map([['baja', [-75.6, 4.96] as const]]),
};

describe('how a finding reads', () => {
  it('says its period in words, in Spanish and Portuguese', () => {
    const finding = createFinding('f1');
    expect(findingSentence(finding, 'es')).toContain('en marzo de 2026 en la toma «Bocatoma Alta»');
    expect(findingSentence(finding, 'es')).toContain('1240 m³');
    expect(findingSentence(finding, 'pt-BR')).toContain('março de 2026');
  });

  it('keeps the decimals that tell a small value from its limit', () => {
    const arsenic = createFinding('f2', {
      sentence: {
        code: 'rules.sentence.waterQualityHigh',
        params: {
          point: 'Quebrada',
          parameter: 'arsenic',
          value: 0.012,
          unit: 'mg/L',
          limit: 0.01,
          basis: 'OMS',
          period: '2026-07',
          clause: 9,
          version: 1,
        },
      },
    });
    expect(findingSentence(arsenic, 'es')).toContain(
      'arsénico llegó a 0,012 mg/L en julio de 2026, por encima del límite de 0,01 mg/L',
    );
    expect([
      sentenceNumber(6.4, 'es'),
      sentenceNumber(0.0005, 'es'),
      sentenceNumber(119811.37, 'es'),
      sentenceNumber(24, 'en'),
    ]).toEqual(['6,4', '0,0005', '119.811,4', '24']);
  });

  it('formats months, days and season intervals', () => {
    expect(formatPeriod('2026-03', 'es')).toBe('marzo de 2026');
    expect(formatPeriod('2026-06-01/2026-08-31', 'es')).toBe('1 jun 2026 – 31 ago 2026');
    expect(formatPeriod('2026', 'es')).toBe('2026');
  });

  it('writes observed values and limits with their units and the decimal comma', () => {
    expect(conditionValue(0.0123, 'mg/L', 'es')).toBe('0,012\u00a0mg/L');
    expect(conditionValue(1.27, 'm3/s', 'pt-BR')).toBe('1,27\u00a0m³/s');
    expect(conditionValue(12, 'days', 'es')).toBe('12 días');
    expect(conditionValue(6.4, 'NTU', 'es')).toBe('6,4\u00a0NTU');
  });
});

describe('filters of the list', () => {
  const findings = [
    createFinding('a/c1|intake:i-alta|2026-03'),
    createFinding('a/c1|intake:i-media|2025-07', {
      subject: { type: 'intake', id: 'i-media' },
      period: { start: '2025-07-01', end: '2025-07-31', key: '2025-07' },
      severity: 'high',
      affectedCommunityIds: [],
    }),
    createFinding('a/c9|point:p1:arsenic|2026-02', {
      clauseId: 'c9',
      kind: 'water-quality',
      subject: { type: 'point', id: 'p1', aspect: 'arsenic' },
      severity: 'low',
      status: 'resolved',
      period: { start: '2026-02-01', end: '2026-02-28', key: '2026-02' },
      affectedCommunityIds: [],
    }),
  ];

  it('lists the most severe first, then the newest', () => {
    expect(filterFindings(findings, NO_FILTERS, PLACES).map((finding) => finding.severity)).toEqual([
      'high',
      'medium',
      'low',
    ]);
  });

  it('filters by clause, community (subject or downstream), severity, status and year', () => {
    const ids = (filters: Partial<typeof NO_FILTERS>) =>
      filterFindings(findings, { ...NO_FILTERS, ...filters }, PLACES).map((finding) => finding.id);
    expect(ids({ clauseId: 'c9' })).toEqual(['a/c9|point:p1:arsenic|2026-02']);
    expect(ids({ communityId: 'media' })).toEqual(['a/c1|intake:i-media|2025-07']);
    expect(ids({ communityId: 'baja' })).toEqual(['a/c1|intake:i-alta|2026-03']);
    expect(ids({ status: 'resolved' })).toEqual(['a/c9|point:p1:arsenic|2026-02']);
    expect(ids({ period: '2025' })).toEqual(['a/c1|intake:i-media|2025-07']);
    expect(ids({ severity: 'medium', period: '2026' })).toEqual(['a/c1|intake:i-alta|2026-03']);
  });

  it('offers the years the findings cover, newest first', () => {
    expect(yearsOf(findings)).toEqual(['2026', '2025']);
    expect(periodOverlaps({ start: '2025-12-01', end: '2026-02-28' }, '2026-01')).toBe(true);
    expect(periodOverlaps({ start: '2025-12-01', end: '2025-12-31' }, '2026')).toBe(false);
  });
});

describe('map badges', () => {
  it('puts one clickable badge per place with its open findings, pointing at the most severe', () => {
    const findings = [
      createFinding('x1'),
      createFinding('x2', { severity: 'high', period: { start: '2026-04-01', end: '2026-04-30', key: '2026-04' } }),
      createFinding('x3', { status: 'dismissed', severity: 'high' }),
      createFinding('x4', { subject: { type: 'community', id: 'baja' } }),
      createFinding('x5', { subject: { type: 'point', id: 'nowhere' }, evidence: [] }),
    ];
    const badges = findingBadges(findings, PLACES);
    expect(badges.features.map((feature) => feature.properties)).toEqual([
      { kind: 'finding', id: 'x2', count: 2, severity: 'high', label: '2' },
      { kind: 'finding', id: 'x4', count: 1, severity: 'medium', label: '1' },
    ]);
    expect(badges.features[0]?.geometry.coordinates).toEqual([-75.6, 5.04]);
  });
});

describe('the source of a guideline value', () => {
  it('is translated for WHO values, with their notes', () => {
    expect(basisLabel('WHO 2022 (as NO3)', 'es')).toBe('OMS 2022 (como NO3)');
    expect(basisLabel('WHO 2022 (acceptability; 1 NTU for disinfection)', 'pt-BR')).toBe(
      'OMS 2022 (aceitabilidade; 1 NTU para desinfecção)',
    );
    expect(basisLabel('WHO 2022', 'en')).toBe('WHO 2022');
  });

  it("keeps a national standard's name as the committee wrote it", () => {
    expect(basisLabel('Res. 2115/2007 (total)', 'es')).toBe('Res. 2115/2007 (total)');
  });
});
