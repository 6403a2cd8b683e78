import type { Agreement, AgreementDocument, Clause, ClauseParams, Roster } from '../domain/agreement';
import { toAgreementDocument } from '../domain/agreement';
import type { Point } from 'geojson';
import { firstVersionMeta } from './records-common';

/** What the agreement of the sample refers to, computed from the generated basin so some clauses are breached. */
export interface SampleAgreementInputs {
  agreementId: string;
  basinName: string;
  communityIds: readonly string[];
  communityNames: readonly string[];
  /** Irrigation quota per intake and month, m3. */
  irrigationQuotaM3: number;
  /** Dry-season (December-March) quota of the large irrigating communities, m3. */
  seasonQuota: { communityIds: readonly string[]; limitM3: number };
  controlPointId: string;
  gaugePointId: string;
  minimumFlowM3s: number;
  scarcityFlowM3s: number;
  /** Ecological flow kept first when sharing in scarcity, m3/s. */
  shareEcologicalFlowM3s: number;
  shares: readonly { communityId: string; sharePct: number }[];
  roster: Roster;
  /** Irrigation intakes of the headwater communities, idle in the dry-season ban. */
  headwaterIrrigationIntakeIds: readonly string[];
  spring: { name: string; point: [number, number] };
  gallery: { name: string; polygon: [number, number][] };
  restorationCommitments: readonly { communityId: string; areaHaPerYear: number; plantsPerYear: number | null }[];
  /** Commitments of the amended version (from 2025-07-01). */
  amendedRestorationCommitments: readonly { communityId: string; areaHaPerYear: number; plantsPerYear: number | null }[];
  /** Monthly quotas of single communities (the scale basin's many clauses), m3. */
  communityQuotas: readonly { communityId: string; limitM3: number }[];
  createdAt: string;
  author: string;
}

/** Writes an integer with dots between thousands, as Spanish text in Colombia does. */
function thousands(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function clause(id: string, number: number, version: number, wording: string, params: ClauseParams): Clause {
  return { id, number, version, wording, params };
}

/** Every clause of the agreement as first signed (version 1). */
function firstClauses(inputs: SampleAgreementInputs): Clause[] {
  const springGeometry: Point = { type: 'Point', coordinates: inputs.spring.point };
  return [
    clause(
      'cuota-riego',
      1,
      1,
      `Ninguna toma de riego podrá captar más de ${thousands(inputs.irrigationQuotaM3)} metros cúbicos en un mes calendario. La medición se hace con el medidor de la toma o, donde no lo haya, con el aforo del fontanero.`,
      { kind: 'withdrawal-quota', scope: 'intake', subjectIds: null, uses: ['irrigation'], periodUnit: 'month', season: null, limitM3: inputs.irrigationQuotaM3 },
    ),
    clause(
      'cuota-verano',
      2,
      1,
      `En el verano largo, del 1 de diciembre al 31 de marzo, las veredas que riegan con el río principal no podrán captar entre todas sus tomas más de ${thousands(inputs.seasonQuota.limitM3)} metros cúbicos cada una.`,
      {
        kind: 'withdrawal-quota',
        scope: 'community',
        subjectIds: [...inputs.seasonQuota.communityIds],
        uses: null,
        periodUnit: 'season',
        season: { startMonthDay: '12-01', endMonthDay: '03-31' },
        limitM3: inputs.seasonQuota.limitM3,
      },
    ),
    clause(
      'reparto-escasez',
      3,
      1,
      'Cuando el caudal en el puente de control baje del nivel de escasez, primero se garantiza el caudal ecológico y el agua de consumo humano; lo que sobre se reparte entre las veredas de arriba del puente según los porcentajes acordados, con un margen del 10 %.',
      {
        kind: 'proportional-share',
        controlPointId: inputs.controlPointId,
        gaugePointId: inputs.gaugePointId,
        scarcityFlowM3s: inputs.scarcityFlowM3s,
        ecologicalFlowM3s: inputs.shareEcologicalFlowM3s,
        periodUnit: 'month',
        shares: inputs.shares.map((share) => ({ ...share })),
        tolerancePct: 10,
      },
    ),
    clause(
      'caudal-ecologico',
      4,
      1,
      `En el puente de control el río debe llevar siempre por lo menos ${inputs.minimumFlowM3s.toString().replace('.', ',')} metros cúbicos por segundo después de las captaciones de arriba, para que viva el río y tengan agua las veredas de abajo.`,
      { kind: 'minimum-flow', controlPointId: inputs.controlPointId, gaugePointId: inputs.gaugePointId, minimumFlowM3s: inputs.minimumFlowM3s, periodUnit: 'month', season: null },
    ),
    clause(
      'turnos-canal',
      5,
      1,
      'El canal comunitario se reparte por turnos semanales, de la cabeza a la cola, con tiempo proporcional al área regada y el tiempo de llenado compensado. Nadie abre su compuerta fuera de su turno; los cambios de turno se anotan en el libro del canal.',
      { kind: 'rotation', roster: inputs.roster, toleranceMinutes: 30 },
    ),
    clause(
      'veda-riego-alto',
      6,
      1,
      'Del 1 de enero al 15 de marzo las veredas de la parte alta no riegan con agua de las quebradas, para dejar el agua a los nacimientos y a las veredas de abajo.',
      {
        kind: 'seasonal-ban',
        season: { startMonthDay: '01-01', endMonthDay: '03-15' },
        uses: ['irrigation'],
        intakeIds: [...inputs.headwaterIrrigationIntakeIds],
        pollutantClasses: [],
        toleranceM3: 50,
      },
    ),
    clause(
      'veda-fumigacion',
      7,
      1,
      'En el invierno de abril y mayo no se fumiga al lado de las quebradas, porque el aguacero lava el veneno al río.',
      { kind: 'seasonal-ban', season: { startMonthDay: '04-01', endMonthDay: '05-31' }, uses: [], intakeIds: null, pollutantClasses: ['agrochemicals'], toleranceM3: 0 },
    ),
    clause(
      'nacimiento-protegido',
      8,
      1,
      `A menos de 100 metros del ${inputs.spring.name} no se permiten tomas de riego, abrevaderos ni industria, ni ganado, basuras o vertimientos de ninguna clase.`,
      { kind: 'protected-zone', featureName: inputs.spring.name, geometry: springGeometry, distanceM: 100, intakeUses: ['irrigation', 'livestock', 'industry'], pollutantClasses: null },
    ),
    clause(
      'calidad-agua',
      9,
      1,
      'El agua en los puntos de monitoreo debe cumplir los valores guía de la Organización Mundial de la Salud para agua de consumo.',
      { kind: 'water-quality', parameters: null, pointIds: null, overrides: [] },
    ),
    clause(
      'aviso-aguas-abajo',
      10,
      1,
      'Quien vea una contaminación en el río avisa en menos de 12 horas a todas las veredas que estén hasta 10 kilómetros aguas abajo, por teléfono, radio o en persona.',
      { kind: 'downstream-warning', distanceKm: 10, withinHours: 12, pollutantClasses: null },
    ),
    clause(
      'plazo-remediacion',
      11,
      1,
      'Toda contaminación registrada debe quedar remediada en un plazo de 45 días desde que se observó.',
      { kind: 'remediation-deadline', days: 45, pollutantClasses: null },
    ),
    clause(
      'compromiso-restauracion',
      12,
      1,
      'Cada vereda restaura cada año, a partir del 1 de abril, el área que se comprometió en la asamblea, con las plántulas que le entregue el vivero comunitario.',
      { kind: 'restoration-commitment', commitments: inputs.restorationCommitments.map((commitment) => ({ ...commitment })), yearStartMonthDay: '04-01' },
    ),
    clause(
      'reporte-mensual',
      13,
      1,
      'Cada toma reporta su lectura de medidor (o su estimado) de cada mes a más tardar el día 15 del mes siguiente.',
      { kind: 'reporting-duty', periodUnit: 'month', intakeIds: null, uses: null, graceDays: 15 },
    ),
  ];
}

/**
 * The agreement of the sample basin in the rules engine's format: version 1 signed by every community, and
 * version 2 (from 2025-07-01) that amends the restoration commitments and protects the gallery forest.
 */
export function buildSampleAgreement(inputs: SampleAgreementInputs): AgreementDocument {
  const clauses = firstClauses(inputs);
  inputs.communityQuotas.forEach((quota, index) => {
    const name = inputs.communityNames[inputs.communityIds.indexOf(quota.communityId)] ?? quota.communityId;
    clauses.push(
      clause(
        `cuota-vereda-${index + 1}`,
        100 + index,
        1,
        `${name} no capta entre todas sus tomas más de ${thousands(quota.limitM3)} metros cúbicos en un mes calendario.`,
        { kind: 'withdrawal-quota', scope: 'community', subjectIds: [quota.communityId], uses: null, periodUnit: 'month', season: null, limitM3: quota.limitM3 },
      ),
    );
  });
  const galleryRing = [...inputs.gallery.polygon, inputs.gallery.polygon[0] as [number, number]];
  const amended = clauses.map((existing) =>
    existing.params.kind === 'restoration-commitment'
      ? clause(
          existing.id,
          existing.number,
          2,
          'Cada vereda restaura cada año, a partir del 1 de abril, el área acordada en la asamblea de junio de 2025 (tabla anexa), con las plántulas del vivero comunitario. Las veredas que quedaron atrasadas recuperan el área pendiente.',
          { ...existing.params, commitments: inputs.amendedRestorationCommitments.map((commitment) => ({ ...commitment })) },
        )
      : existing,
  );
  amended.push(
    clause(
      'bosque-galeria',
      14,
      1,
      `Se protege el ${inputs.gallery.name}: a menos de 50 metros no se permiten tomas de ningún uso ni vertimientos.`,
      {
        kind: 'protected-zone',
        featureName: inputs.gallery.name,
        geometry: { type: 'Polygon', coordinates: [galleryRing] },
        distanceM: 50,
        intakeUses: null,
        pollutantClasses: null,
      },
    ),
  );
  const ladder = { windowDays: 365, rungs: ['notice', 'warning', 'sanction'] as ('notice' | 'warning' | 'sanction')[] };
  const agreement: Agreement = {
    ...firstVersionMeta(inputs.agreementId, inputs.createdAt, inputs.author),
    title: `Acuerdo de la ${inputs.basinName}`,
    versions: [
      {
        version: 1,
        effectiveFrom: '2023-11-01',
        effectiveTo: '2025-06-30',
        signatories: [...inputs.communityIds],
        ladder,
        clauses,
        amendmentNote: 'Acuerdo firmado en la asamblea general de la cuenca del 28 de octubre de 2023 por las doce veredas.',
      },
      {
        version: 2,
        effectiveFrom: '2025-07-01',
        effectiveTo: null,
        signatories: [...inputs.communityIds],
        ladder,
        clauses: amended,
        amendmentNote:
          'Reforma aprobada en la asamblea del 21 de junio de 2025: nuevos compromisos de restauración por vereda (cláusula 12) y protección del bosque de galería (cláusula 14).',
      },
    ],
  };
  return toAgreementDocument(agreement);
}
