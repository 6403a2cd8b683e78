import type { AgreementDocument, Roster } from '../domain/agreement';
import type {
  Community,
  ContaminationEvent,
  Intake,
  Measurement,
  Meeting,
  MonitoringPoint,
  RestorationSite,
  RestorationVisit,
  Withdrawal,
} from '../domain/records';
import type { SampleReachCollection, SampleSubbasinCollection, SampleTopology } from './topology';
import { buildTopology, pointAlongReach } from './topology';
import { planCommunities, type SampleCommunityPlan } from './communities';
import { contaminationEvents, SAMPLE_EVENT_SCRIPTS, type EventScript } from './events';
import { planIntakes, placeOnReach } from './intakes';
import { dailyDischarge, dischargeMeasurements, qualityMeasurements, type DailyFlow, type StationLoad } from './measurements';
import { delineateSample } from './network-step';
import { encodeGrayscalePng } from './png';
import { createPrng, type Prng } from './prng';
import { idFactory, firstVersionMeta, isoDate, isoLocal, monthsFrom, round, SAMPLE_UTC_OFFSET_MINUTES, type SampleMonth } from './records-common';
import { restorationRecords, SAMPLE_RESTORATION_SCRIPTS, type RestorationScript } from './restoration';
import { rotationWithdrawals } from './rotation';
import { buildSampleAgreement } from './sample-agreement';
import { createSnapper } from './snap';
import { RiverNetwork, type NetworkPosition } from '../hydrology/river-network';
import { generateSyntheticDem, SAMPLE_DEM_OPTIONS, type SyntheticDemOptions } from './synthetic-dem';
import { dailyWithdrawals, expectedRateLps, monthlyWithdrawals, type WithdrawalSchedule } from './withdrawals';
import { FAMILY_NAMES, GIVEN_NAMES_MEN, GIVEN_NAMES_WOMEN, SAMPLE_RIVER_NAME } from './names';

/** Parameters of a generated basin; SAMPLE_BASIN_OPTIONS is the embedded sample, SCALE_BASIN_OPTIONS the benchmark one. */
export interface SampleBasinOptions {
  seed: number;
  dem: SyntheticDemOptions;
  /** Cells draining through a cell for it to start a stream. */
  streamThresholdCells: number;
  communityCount: number;
  /** Use the twelve named communities (the embedded sample) instead of numbered names. */
  namedCommunities: boolean;
  intakesPerCommunity: readonly [number, number];
  /** First month of records, [year, month 1..12], and how many months. */
  firstMonth: readonly [number, number];
  monthCount: number;
  /** Monthly readings (the sample), or daily readings over `days` days ending with the period (the scale basin). */
  withdrawalCadence: { kind: 'month' } | { kind: 'day'; days: number };
  /** Water-quality stations besides the scripted ones (scale basin), sampled monthly. */
  extraQualityStations: number;
  /** Times the scripted contamination events and restoration sites are repeated across the basin. */
  eventRepeats: number;
  restorationRepeats: number;
  /** Extra quota clauses (one per community, in turn) to reach the clause count of the scale basin. */
  extraQuotaClauses: number;
  /** Mean annual flow at the outlet per km2 of basin, m3/s per km2 (about 1,000 mm of runoff a year). */
  specificFlowM3sPerKm2: number;
}

/** The embedded sample basin: about 150 km2, a few hundred reaches, twelve communities, three years of records. */
export const SAMPLE_BASIN_OPTIONS: SampleBasinOptions = {
  seed: 20260301,
  dem: SAMPLE_DEM_OPTIONS,
  streamThresholdCells: 250,
  communityCount: 12,
  namedCommunities: true,
  intakesPerCommunity: [2, 4],
  firstMonth: [2023, 11],
  monthCount: 36,
  withdrawalCadence: { kind: 'month' },
  extraQualityStations: 0,
  eventRepeats: 1,
  restorationRepeats: 1,
  extraQuotaClauses: 0,
  specificFlowM3sPerKm2: 0.032,
};

/**
 * The scale basin of DESIGN.md's performance targets: about 5,000 reaches, 200 communities, 2,000 intakes,
 * 1,000,000 withdrawals, 100,000 measurements, 10,000 contamination events, 5,000 restoration sites, 300 clauses.
 */
export const SCALE_BASIN_OPTIONS: SampleBasinOptions = {
  seed: 20260302,
  dem: { ...SAMPLE_DEM_OPTIONS, seed: 20260302, width: 1600, height: 1600, noiseWavelengthCells: 256, axialReliefM: 2400 },
  streamThresholdCells: 260,
  communityCount: 200,
  namedCommunities: false,
  intakesPerCommunity: [10, 10],
  firstMonth: [2023, 11],
  monthCount: 36,
  withdrawalCadence: { kind: 'day', days: 500 },
  extraQualityStations: 687,
  eventRepeats: 1250,
  restorationRepeats: 250,
  extraQuotaClauses: 286,
  specificFlowM3sPerKm2: 0.032,
};

/** Per-community entry of basin.json: where its settlement sits on the network. */
export interface SampleCommunityAnchor {
  id: string;
  name: string;
  rank: number;
  anchor: [number, number];
  reachId: string;
  distanceToOutletKm: number;
}

/** basin.json: what the app needs to open the basin before reading any record. */
export interface SampleBasinInfo {
  formatVersion: 1;
  name: string;
  fictional: true;
  description: string;
  /** [west, south, east, north], degrees. */
  bounds: [number, number, number, number];
  /** The outlet, [lon, lat]. */
  outlet: [number, number];
  areaKm2: number;
  reachCount: number;
  maxStreamOrder: number;
  settings: {
    /** Mean flow velocity for arrival times of contamination downstream, m/s. */
    flowVelocityMs: number;
    timeZone: string;
    /** Offset of basin local time from UTC, minutes. */
    utcOffsetMinutes: number;
    locale: 'es';
    /** The day the sample's records run up to; findings are meant to be read as of this day. */
    referenceDate: string;
    /** Snap tolerance for points placed on the network, metres. */
    snapToleranceM: number;
  };
  hillshade: { file: string; bounds: [number, number, number, number]; width: number; height: number };
  communities: SampleCommunityAnchor[];
  counts: Record<string, number>;
  generator: { seed: number; script: string };
}

/** All records of the basin, keyed by kind (withdrawals empty when streamed, as in the scale basin). */
export interface SampleRecords {
  communities: Community[];
  intakes: Intake[];
  withdrawals: Withdrawal[];
  monitoringPoints: MonitoringPoint[];
  measurements: Measurement[];
  contaminationEvents: ContaminationEvent[];
  restorationSites: RestorationSite[];
  restorationVisits: RestorationVisit[];
  meetings: Meeting[];
}

/** A generated basin: everything data/sample-basin holds, as values. */
export interface SampleBasin {
  info: SampleBasinInfo;
  reaches: SampleReachCollection;
  subbasins: SampleSubbasinCollection;
  hillshadePng: Uint8Array;
  records: SampleRecords;
  agreement: AgreementDocument;
  /** Every withdrawal, produced on demand in a fixed order (the scale basin streams them to disk). */
  withdrawals: () => Iterable<Withdrawal>;
  /** Number of withdrawals `withdrawals()` yields. */
  withdrawalCount: number;
}

const AUTHOR = 'secretaria-comite';
const CREATED_AT = '2023-10-28T15:00:00-05:00';
const REFERENCE_DATE = '2026-11-01';

function personName(prng: Prng): string {
  const given = prng.chance(0.5) ? prng.pick(GIVEN_NAMES_WOMEN) : prng.pick(GIVEN_NAMES_MEN);
  return `${given} ${prng.pick(FAMILY_NAMES)}`;
}

/** Drainage area at `fraction` along a reach, km2 (linear between the reach's upstream inflow and its end). */
function drainageAreaAt(topology: SampleTopology, reachId: string, fraction: number): number {
  const end = topology.reaches.get(reachId)?.properties.drainageAreaKm2 ?? 0;
  const inflow = (topology.upstreamOf.get(reachId) ?? []).reduce((sum, id) => sum + (topology.reaches.get(id)?.properties.drainageAreaKm2 ?? 0), 0);
  return inflow + (end - inflow) * fraction;
}

function monthlyMeanFlows(flows: readonly DailyFlow[], months: readonly SampleMonth[]): number[] {
  return months.map((month) => {
    const days = flows.filter((flow) => flow.year === month.year && flow.month === month.month);
    return days.reduce((sum, flow) => sum + flow.dischargeM3s, 0) / Math.max(1, days.length);
  });
}

/** A threshold between the `breaches` lowest values and the rest, in the widest gap among the lowest few. */
function thresholdBelow(values: readonly number[], minBreaches: number, maxBreaches: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let bestIndex = minBreaches;
  let bestGap = -Infinity;
  for (let index = minBreaches; index <= maxBreaches && index < sorted.length; index += 1) {
    const gap = (sorted[index] ?? 0) - (sorted[index - 1] ?? 0);
    if (gap > bestGap) {
      bestGap = gap;
      bestIndex = index;
    }
  }
  return ((sorted[bestIndex - 1] ?? 0) + (sorted[bestIndex] ?? 0)) / 2;
}

/**
 * Generates a whole basin from its options: terrain, network, communities, intakes, monitoring, withdrawals,
 * events, restoration, meetings and the agreement. Pure and deterministic: the same options give the same values.
 * @example generateSampleBasin(SAMPLE_BASIN_OPTIONS).records.communities.length === 12
 */
export function generateSampleBasin(options: SampleBasinOptions): SampleBasin {
  const prng = createPrng(options.seed);
  const dem = generateSyntheticDem(options.dem);
  const step = delineateSample(dem, options.streamThresholdCells);
  const topology = buildTopology(step.reaches);
  const snapper = createSnapper(topology);
  const months = monthsFrom(options.firstMonth[0], options.firstMonth[1], options.monthCount);
  const lastMonth = months[months.length - 1] as SampleMonth;
  const periodEndMs = Date.UTC(lastMonth.year, lastMonth.month, 1) - SAMPLE_UTC_OFFSET_MINUTES * 60_000;
  const ids = {
    community: idFactory('c0a11e5e'),
    intake: idFactory('1a7a4e00'),
    withdrawal: idFactory('2d1a0000'),
    point: idFactory('3e5a0000'),
    measurement: idFactory('4ea50000'),
    event: idFactory('5e0e0000'),
    site: idFactory('6e5a0000'),
    visit: idFactory('7a150000'),
    meeting: idFactory('8ee70000'),
    agreement: idFactory('a9ee0000'),
  };
  const count = options.communityCount;
  const rankAt = (share: number): number => Math.min(count - 1, Math.round(share * (count - 1)));

  const communities = planCommunities(prng.fork('communities'), topology, {
    count,
    namedSample: options.namedCommunities,
    createdAt: CREATED_AT,
    author: AUTHOR,
    nextId: ids.community,
    territories: step.territories,
  });
  const rosterRanks = [rankAt(5 / 11), rankAt(6 / 11), rankAt(7 / 11)];
  const intakes = planIntakes(prng.fork('intakes'), topology, snapper, communities, {
    minPerCommunity: options.intakesPerCommunity[0],
    maxPerCommunity: options.intakesPerCommunity[1],
    industryCommunityRank: rankAt(7 / 11),
    diversionCommunityRank: rankAt(9 / 11),
    createdAt: CREATED_AT,
    author: AUTHOR,
    nextId: ids.intake,
  });
  const intakeRecords = intakes.map((plan) => plan.record);
  const communityOfRank = (rank: number): SampleCommunityPlan => communities[rank] as SampleCommunityPlan;

  // Monitoring: a gauge near the outlet, a control point two thirds down the main stem, scripted quality stations.
  const pointPrng = prng.fork('monitoring');
  const mainStem = topology.mainStem;
  const gaugeReach = mainStem[Math.max(0, mainStem.length - 2)] as string;
  const controlReach = mainStem[Math.floor(mainStem.length * 0.62)] as string;
  const monitoringPoint = (name: string, kind: MonitoringPoint['kind'], reachId: string): MonitoringPoint => {
    const { location, snap } = placeOnReach(pointPrng, topology, snapper, reachId, 10);
    return { ...firstVersionMeta(ids.point(), CREATED_AT, AUTHOR), name, kind, location, snap };
  };
  const gauge = monitoringPoint(`Estación limnimétrica del puente de ${communityOfRank(count - 1).record.name}`, 'gauge', gaugeReach);
  const controlPoint = monitoringPoint('Punto de control del puente La Palmita', 'quality', controlReach);
  const stationNear = (rank: number): string => {
    const community = communityOfRank(rank);
    return topology.downstreamOf.get(community.anchorReachId) ?? community.anchorReachId;
  };
  const reference = monitoringPoint(`Referencia aguas arriba (${communityOfRank(0).record.name})`, 'quality', communityOfRank(0).anchorReachId);
  const belowVillage = monitoringPoint(`Abajo del caserío de ${communityOfRank(rankAt(2 / 11)).record.name}`, 'quality', stationNear(rankAt(2 / 11)));
  const belowMining = monitoringPoint(`Quebrada de ${communityOfRank(rankAt(4 / 11)).record.name}`, 'quality', stationNear(rankAt(4 / 11)));
  const nearOutlet = monitoringPoint(`Bocatoma de ${communityOfRank(count - 1).record.name}`, 'quality', mainStem[mainStem.length - 1] as string);
  const monthIndexOf = (year: number, month: number): number => months.findIndex((candidate) => candidate.year === year && candidate.month === month);
  const stations: StationLoad[] = [
    { point: reference, multipliers: {}, spikes: [] },
    { point: belowVillage, multipliers: { ecoli: 4, nitrate: 2 }, spikes: [{ monthIndex: monthIndexOf(2024, 2), parameter: 'ecoli', factor: 40 }] },
    {
      point: belowMining,
      multipliers: { arsenic: 2.2, turbidity: 1.8 },
      spikes: [
        { monthIndex: monthIndexOf(2024, 9), parameter: 'arsenic', factor: 4 },
        { monthIndex: monthIndexOf(2024, 10), parameter: 'arsenic', factor: 3 },
        { monthIndex: monthIndexOf(2024, 9), parameter: 'turbidity', factor: 5 },
      ],
    },
    { point: controlPoint, multipliers: { nitrate: 3, ecoli: 2 }, spikes: [{ monthIndex: monthIndexOf(2026, 3), parameter: 'ecoli', factor: 60 }] },
    { point: nearOutlet, multipliers: { ecoli: 3, turbidity: 1.4 }, spikes: [] },
  ];
  const extraStationPrng = prng.fork('extra-stations');
  const reachIds = [...topology.reaches.keys()].sort();
  for (let index = 0; index < options.extraQualityStations; index += 1) {
    const point = monitoringPoint(`Estación de calidad ${index + 1}`, 'quality', extraStationPrng.pick(reachIds));
    stations.push({ point, multipliers: { ecoli: extraStationPrng.range(0.5, 4), nitrate: extraStationPrng.range(0.5, 3) }, spikes: [] });
  }
  const outletAreaKm2 = topology.reaches.get(topology.outletReachId)?.properties.drainageAreaKm2 ?? step.watershedAreaKm2;
  const gaugeAreaKm2 = gauge.snap ? drainageAreaAt(topology, gauge.snap.reachId, gauge.snap.fraction) : outletAreaKm2;
  const flows = dailyDischarge(prng.fork('discharge'), months, options.specificFlowM3sPerKm2 * gaugeAreaKm2);
  const measurements = [
    ...dischargeMeasurements(gauge, flows, { author: AUTHOR, nextId: ids.measurement }),
    ...qualityMeasurements(prng.fork('quality'), stations, months, { author: AUTHOR, nextId: ids.measurement }),
  ];

  // Withdrawal habits. Ranks 6 and 10 of 12 over-irrigate in dry months; two intakes stop reporting.
  const schedulePrng = prng.fork('schedules');
  const headwaterRanks = new Set(Array.from({ length: Math.max(1, Math.round(count / 4)) }, (_, index) => index));
  const banViolatorRank = rankAt(1 / 11);
  const banMonths = (rank: number): Set<number> =>
    new Set(
      months
        .filter((month) => month.month <= 3)
        .filter((month) => rank !== banViolatorRank || !((month.year === 2025 && month.month === 2) || (month.year === 2026 && month.month <= 2)))
        .map((month) => month.index),
    );
  const silentIntakes = new Set(
    intakes
      .filter((plan) => plan.record.use !== 'domestic' && !rosterRanks.includes(plan.communityRank))
      .filter((_, index, list) => index === Math.floor(list.length / 3) || index === Math.floor((2 * list.length) / 3))
      .map((plan) => plan.record.id),
  );
  const schedules: WithdrawalSchedule[] = intakes.map((plan, index) => {
    const isHeadwaterIrrigation = plan.record.use === 'irrigation' && headwaterRanks.has(plan.communityRank);
    const estimate = plan.record.use === 'livestock' || schedulePrng.chance(0.1);
    const missingMonths = new Set<number>();
    if (schedulePrng.chance(0.15)) missingMonths.add(schedulePrng.int(0, months.length - 6));
    return {
      intake: plan,
      seed: (options.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0,
      method: estimate ? 'estimate' : 'meter',
      entersRate: !estimate && schedulePrng.chance(0.12),
      dryMonthOveruse: 1,
      idleMonths: isHeadwaterIrrigation ? banMonths(plan.communityRank) : new Set<number>(),
      lastReportedMonthIndex: silentIntakes.has(plan.record.id) ? months.length - 5 : months.length - 1,
      missingMonths,
      reporter: personName(schedulePrng),
    };
  });

  // The irrigation roster of the shared canal: one irrigation intake of each of three mid-basin communities.
  const rosterSchedules = rosterRanks
    .map((rank) => schedules.find((schedule) => schedule.intake.communityRank === rank && schedule.intake.record.use === 'irrigation'))
    .filter((schedule): schedule is WithdrawalSchedule => schedule !== undefined);
  for (const schedule of rosterSchedules) {
    schedule.method = 'meter';
    schedule.missingMonths = new Set();
    schedule.lastReportedMonthIndex = months.length - 1;
  }
  const rosterStart = isoLocal(options.firstMonth[0], options.firstMonth[1], 6, 6);
  const roster: Roster = {
    startAt: rosterStart,
    cycleHours: 168,
    durationMode: 'proportional-area',
    entries: rosterSchedules.map((schedule, index) => ({
      communityId: schedule.intake.record.communityId,
      intakeIds: [schedule.intake.record.id],
      irrigatedAreaHa: schedule.intake.record.irrigatedAreaHa ?? 10,
      fixedHours: null,
      fillingHours: index,
    })),
    swaps:
      rosterSchedules.length >= 2
        ? [
            {
              cycleIndex: 20,
              communityA: (rosterSchedules[0] as WithdrawalSchedule).intake.record.communityId,
              communityB: (rosterSchedules[1] as WithdrawalSchedule).intake.record.communityId,
              loggedAt: '2024-03-20T22:00:00Z',
              note: 'Cambio de turno por la minga de arreglo de la bocatoma.',
            },
          ]
        : [],
    shortages: [{ fromDate: '2024-01-15', toDate: '2024-03-31', reductionPct: 30 }],
  };
  const tailCommunityId = rosterSchedules[rosterSchedules.length - 1]?.intake.record.communityId ?? '';
  const rosterIntakeIds = new Set(rosterSchedules.map((schedule) => schedule.intake.record.id));
  const rotationRecords = rotationWithdrawals({
    roster,
    schedulesByIntake: new Map(rosterSchedules.map((schedule) => [schedule.intake.record.id, schedule])),
    months,
    earlyOpenings: [
      { communityId: tailCommunityId, cycleIndex: 64, hoursEarly: 5 },
      { communityId: tailCommunityId, cycleIndex: 66, hoursEarly: 3 },
      { communityId: tailCommunityId, cycleIndex: 92, hoursEarly: 6 },
    ],
    endMs: periodEndMs,
    nextId: ids.withdrawal,
  });
  const regularSchedules = schedules.filter((schedule) => !rosterIntakeIds.has(schedule.intake.record.id));
  const cadence = options.withdrawalCadence;
  const withdrawalCount =
    rotationRecords.length +
    (cadence.kind === 'month'
      ? regularSchedules.reduce((sum, schedule) => {
          let reported = 0;
          for (const month of months) if (month.index <= schedule.lastReportedMonthIndex && !schedule.missingMonths.has(month.index)) reported += 1;
          return sum + reported;
        }, 0)
      : regularSchedules.length * cadence.days);
  const firstDailyDay = new Date(periodEndMs - (cadence.kind === 'day' ? cadence.days : 0) * 86_400_000);
  const withdrawals = function* (): Generator<Withdrawal> {
    const nextId = idFactory('2d1a0001');
    yield* rotationRecords;
    for (const schedule of regularSchedules) {
      if (cadence.kind === 'month') yield* monthlyWithdrawals(schedule, months, nextId);
      else
        yield* dailyWithdrawals(
          schedule,
          { year: firstDailyDay.getUTCFullYear(), month: firstDailyDay.getUTCMonth() + 1, day: firstDailyDay.getUTCDate() },
          cadence.days,
          nextId,
        );
    }
  };

  // Protected spring at the head of a headwater stream of the first community; the gallery forest downstream.
  const headwaterReaches = communityOfRank(0).reachIds.filter((id) => !topology.upstreamOf.has(id));
  const springReachId = headwaterReaches[0] ?? communityOfRank(0).anchorReachId;
  const springPoint = pointAlongReach(topology, springReachId, 0.01);
  const spring = { name: 'Nacimiento Los Frailejones', point: [round(springPoint[0], 6), round(springPoint[1], 6)] as [number, number] };
  const galleryReach = communityOfRank(rankAt(8 / 11)).anchorReachId;
  const galleryCentre = pointAlongReach(topology, galleryReach, 0.5);
  const galleryOffset = 0.0025;
  const gallery = {
    name: 'Bosque de galería de San José',
    polygon: [
      [round(galleryCentre[0] + galleryOffset, 6), round(galleryCentre[1], 6)],
      [round(galleryCentre[0] + galleryOffset * 2.2, 6), round(galleryCentre[1] + galleryOffset, 6)],
      [round(galleryCentre[0] + galleryOffset * 1.6, 6), round(galleryCentre[1] - galleryOffset, 6)],
    ] as [number, number][],
  };

  const eventScripts: EventScript[] = [];
  for (let repeat = 0; repeat < options.eventRepeats; repeat += 1) {
    for (const script of SAMPLE_EVENT_SCRIPTS) {
      eventScripts.push(repeat === 0 ? script : { ...script, communityRank: (script.communityRank + repeat * 7) % count, atSpring: false });
    }
  }
  const events = contaminationEvents(prng.fork('events'), topology, snapper, communities, intakeRecords, eventScripts, springReachId, {
    author: AUTHOR,
    nextId: ids.event,
  });
  const restorationScripts: RestorationScript[] = [];
  for (let repeat = 0; repeat < options.restorationRepeats; repeat += 1) {
    for (const script of SAMPLE_RESTORATION_SCRIPTS) {
      restorationScripts.push(repeat === 0 ? script : { ...script, communityRank: (script.communityRank + repeat * 5) % count });
    }
  }
  const restoration = restorationRecords(prng.fork('restoration'), topology, communities, restorationScripts, spring.point, {
    author: AUTHOR,
    nextSiteId: ids.site,
    nextVisitId: ids.visit,
  });

  const meetings = sampleMeetings(prng.fork('meetings'), communities, months, ids.meeting);

  // Calibration: thresholds chosen from the generated readings so that some periods breach and most comply.
  const monthIndexOfIso = (iso: string): number => (Number(iso.slice(0, 4)) - months[0]!.year) * 12 + Number(iso.slice(5, 7)) - months[0]!.month;
  const totalsOf = (subset: readonly WithdrawalSchedule[]): Map<string, number[]> => {
    const totals = new Map<string, number[]>();
    const add = (withdrawal: Withdrawal): void => {
      const index = monthIndexOfIso(withdrawal.periodStart);
      if (index < 0 || index >= months.length) return;
      const list = totals.get(withdrawal.intakeId) ?? new Array<number>(months.length).fill(0);
      list[index] = (list[index] ?? 0) + withdrawal.volumeM3;
      totals.set(withdrawal.intakeId, list);
    };
    const wanted = new Set(subset.map((schedule) => schedule.intake.record.id));
    for (const withdrawal of rotationRecords) if (wanted.has(withdrawal.intakeId)) add(withdrawal);
    const scratchId = (): string => 'calibration';
    for (const schedule of subset) {
      if (rosterIntakeIds.has(schedule.intake.record.id)) continue;
      const readings =
        cadence.kind === 'month'
          ? monthlyWithdrawals(schedule, months, scratchId)
          : dailyWithdrawals(schedule, { year: firstDailyDay.getUTCFullYear(), month: firstDailyDay.getUTCMonth() + 1, day: firstDailyDay.getUTCDate() }, cadence.days, scratchId);
      for (const withdrawal of readings) add(withdrawal);
    }
    return totals;
  };
  const isDry = (month: SampleMonth): boolean => month.month === 12 || month.month <= 3 || month.month === 7 || month.month === 8;
  const irrigationSchedules = schedules.filter((schedule) => schedule.intake.record.use === 'irrigation');
  const overuseSchedules = irrigationSchedules
    .filter((schedule) => !rosterIntakeIds.has(schedule.intake.record.id) && !headwaterRanks.has(schedule.intake.communityRank))
    .sort((a, b) => (b.intake.record.irrigatedAreaHa ?? 0) - (a.intake.record.irrigatedAreaHa ?? 0) || (a.intake.record.id < b.intake.record.id ? -1 : 1))
    .slice(0, Math.max(1, Math.round(count / 6)));
  const overuseIds = new Set(overuseSchedules.map((schedule) => schedule.intake.record.id));
  // One pass over every reading; only the over-users' readings are drawn again once their habit is set.
  const baseTotals = totalsOf(schedules);
  const peakOf = (intakeId: string, include: (month: SampleMonth) => boolean): number =>
    Math.max(0, ...months.filter(include).map((month) => baseTotals.get(intakeId)?.[month.index] ?? 0));
  const compliantPeak = Math.max(
    1,
    ...irrigationSchedules.filter((schedule) => !overuseIds.has(schedule.intake.record.id)).map((schedule) => peakOf(schedule.intake.record.id, () => true)),
    ...overuseSchedules.map((schedule) => peakOf(schedule.intake.record.id, (month) => !isDry(month))),
  );
  const irrigationQuotaM3 = Math.ceil((compliantPeak * 1.08) / 1000) * 1000;
  for (const schedule of overuseSchedules) {
    const dryVolumes = months.filter(isDry).map((month) => baseTotals.get(schedule.intake.record.id)?.[month.index] ?? 0).sort((a, b) => a - b);
    const medianDry = dryVolumes[Math.floor(dryVolumes.length * 0.65)] ?? 1;
    schedule.dryMonthOveruse = round(Math.min(2.5, Math.max(1.2, (1.15 * irrigationQuotaM3) / Math.max(1, medianDry))), 2);
  }
  const seasonCommunities = [...new Set(overuseSchedules.map((schedule) => schedule.intake.record.communityId))].sort();
  const calibratedTotals = new Map([...baseTotals, ...totalsOf(overuseSchedules)]);
  const seasonTotals = calibratedTotals;
  const seasonVolumes = seasonCommunities.flatMap((communityId) =>
    [...new Set(months.map((month) => (month.month === 12 ? month.year + 1 : month.year)))].map((seasonYear) =>
      schedules
        .filter((schedule) => schedule.intake.record.communityId === communityId)
        .reduce(
          (sum, schedule) =>
            sum +
            months
              .filter((month) => (month.year === seasonYear - 1 && month.month === 12) || (month.year === seasonYear && month.month <= 3))
              .reduce((inner, month) => inner + (seasonTotals.get(schedule.intake.record.id)?.[month.index] ?? 0), 0),
          0,
        ),
    ),
  );
  const seasonSorted = [...seasonVolumes].sort((a, b) => b - a);
  const seasonLimitM3 = Math.round(((seasonSorted[0] ?? 2) + (seasonSorted[1] ?? 0)) / 2 / 100) * 100;

  const network = RiverNetwork.fromGeoJson(step.reaches).network;
  const positionOf = (snap: MonitoringPoint['snap']): NetworkPosition | null => (snap ? { reachId: snap.reachId, fraction: snap.fraction } : null);
  const gaugePosition = positionOf(gauge.snap);
  const controlPosition = positionOf(controlPoint.snap);
  const areaRatio =
    gaugePosition && controlPosition ? network.drainageAreaKm2(controlPosition) / Math.max(1e-9, network.drainageAreaKm2(gaugePosition)) : 1;
  const upstreamSchedules = schedules.filter((schedule) => {
    const intakePosition = positionOf(schedule.intake.record.snap);
    const returnPosition = positionOf(schedule.intake.record.returnSnap);
    if (!intakePosition || !controlPosition || !network.isUpstream(intakePosition, controlPosition)) return false;
    return !(returnPosition && network.isUpstream(returnPosition, controlPosition));
  });
  const upstreamIds = new Set(upstreamSchedules.map((schedule) => schedule.intake.record.id));
  const upstreamTotals = new Map([...calibratedTotals].filter(([intakeId]) => upstreamIds.has(intakeId)));
  const referenceFlows = monthlyMeanFlows(flows, months).map((flow) => flow * areaRatio);
  const netFlows = months.map((month, index) => {
    const seconds = month.daysInMonth * 86_400;
    const withdrawnM3 = [...upstreamTotals.values()].reduce((sum, list) => sum + (list[index] ?? 0), 0);
    return (referenceFlows[index] ?? 0) - withdrawnM3 / seconds;
  });
  const minimumFlowM3s = round(thresholdBelow(netFlows, 2, 4), 2);
  const scarcityFlowM3s = round(thresholdBelow(referenceFlows, 4, 7), 2);
  const shareEcologicalFlowM3s = round(minimumFlowM3s * 0.8, 2);
  const shareCommunities = [...new Set(upstreamSchedules.filter((schedule) => schedule.intake.record.use !== 'domestic').map((schedule) => schedule.intake.record.communityId))].sort();
  const shareWeights = shareCommunities.map((communityId) =>
    upstreamSchedules
      .filter((schedule) => schedule.intake.record.communityId === communityId && schedule.intake.record.use !== 'domestic')
      .reduce((sum, schedule) => sum + schedule.intake.baseRateLps, 0),
  );
  const weightTotal = shareWeights.reduce((sum, weight) => sum + weight, 0) || 1;
  const shares = shareCommunities.map((communityId, index) => ({ communityId, sharePct: Math.floor(((shareWeights[index] ?? 0) / weightTotal) * 1000) / 10 }));

  // Communities 2 and 8 keep their restoration commitments every year; 5 and 9 fall behind (5 is eased in version 2).
  const commitment = (share: number, areaHaPerYear: number): { communityId: string; areaHaPerYear: number; plantsPerYear: number | null } => ({
    communityId: communityOfRank(rankAt(share)).record.id,
    areaHaPerYear,
    plantsPerYear: null,
  });
  const restorationCommitments = [commitment(2 / 11, 0.7), commitment(5 / 11, 1.5), commitment(8 / 11, 1), commitment(9 / 11, 1)];
  const amendedRestorationCommitments = [commitment(2 / 11, 0.7), commitment(5 / 11, 1), commitment(8 / 11, 1), commitment(9 / 11, 1)];

  const monthlyExpectedM3 = (schedule: WithdrawalSchedule, month: SampleMonth): number => (expectedRateLps(schedule, month) * month.daysInMonth * 86_400) / 1000;
  const communityMonthlyPeakM3 = (communityId: string): number =>
    Math.max(
      ...months.map((month) =>
        schedules
          .filter((schedule) => schedule.intake.record.communityId === communityId)
          .reduce((sum, schedule) => sum + monthlyExpectedM3(schedule, month), 0),
      ),
    );
  const communityQuotas = Array.from({ length: options.extraQuotaClauses }, (_, index) => {
    const communityId = communityOfRank(index % count).record.id;
    return { communityId, limitM3: Math.ceil((communityMonthlyPeakM3(communityId) * 1.2) / 100) * 100 + 100 };
  });
  const headwaterIrrigationIntakeIds = schedules
    .filter((schedule) => schedule.intake.record.use === 'irrigation' && headwaterRanks.has(schedule.intake.communityRank))
    .map((schedule) => schedule.intake.record.id);
  const basinName = `Cuenca del ${SAMPLE_RIVER_NAME}`;
  const agreement = buildSampleAgreement({
    agreementId: ids.agreement(),
    basinName,
    communityIds: communities.map((community) => community.record.id),
    communityNames: communities.map((community) => community.record.name),
    irrigationQuotaM3,
    seasonQuota: { communityIds: seasonCommunities, limitM3: seasonLimitM3 },
    controlPointId: controlPoint.id,
    gaugePointId: gauge.id,
    minimumFlowM3s,
    scarcityFlowM3s,
    shareEcologicalFlowM3s,
    shares,
    roster,
    headwaterIrrigationIntakeIds,
    spring,
    gallery,
    restorationCommitments,
    amendedRestorationCommitments,
    communityQuotas,
    createdAt: CREATED_AT,
    author: AUTHOR,
  });

  const withdrawalList = cadence.kind === 'month' ? [...withdrawals()] : [];
  const records: SampleRecords = {
    communities: communities.map((community) => community.record),
    intakes: intakeRecords,
    withdrawals: withdrawalList,
    monitoringPoints: stations.map((station) => station.point).concat([gauge]).sort((a, b) => (a.id < b.id ? -1 : 1)),
    measurements,
    contaminationEvents: events,
    restorationSites: restoration.sites,
    restorationVisits: restoration.visits,
    meetings,
  };
  const { westLon, northLat, cellSizeDeg, width, height } = { ...options.dem };
  const bounds: [number, number, number, number] = [
    round(westLon, 6),
    round(northLat - height * cellSizeDeg, 6),
    round(westLon + width * cellSizeDeg, 6),
    round(northLat, 6),
  ];
  const info: SampleBasinInfo = {
    formatVersion: 1,
    name: basinName,
    fictional: true,
    description:
      'Cuenca ficticia, generada por computador para mostrar la aplicación: relieve, río, veredas, personas y datos son inventados. Cualquier parecido con lugares o personas reales es coincidencia.',
    bounds,
    outlet: [round(dem.outletLonLat[0], 6), round(dem.outletLonLat[1], 6)],
    areaKm2: round(step.watershedAreaKm2, 2),
    reachCount: step.reaches.features.length,
    maxStreamOrder: Math.max(...step.reaches.features.map((feature) => feature.properties.streamOrder)),
    settings: { flowVelocityMs: 0.8, timeZone: 'America/Bogota', utcOffsetMinutes: SAMPLE_UTC_OFFSET_MINUTES, locale: 'es', referenceDate: REFERENCE_DATE, snapToleranceM: 100 },
    hillshade: { file: 'hillshade.png', bounds, width: dem.raster.width, height: dem.raster.height },
    communities: communities.map((community) => ({
      id: community.record.id,
      name: community.record.name,
      rank: community.rank,
      anchor: community.anchorLonLat,
      reachId: community.anchorReachId,
      distanceToOutletKm: community.anchorDistanceToOutletKm,
    })),
    counts: {
      reaches: step.reaches.features.length,
      communities: records.communities.length,
      intakes: records.intakes.length,
      withdrawals: withdrawalCount,
      monitoringPoints: records.monitoringPoints.length,
      measurements: records.measurements.length,
      contaminationEvents: records.contaminationEvents.length,
      restorationSites: records.restorationSites.length,
      restorationVisits: records.restorationVisits.length,
      meetings: records.meetings.length,
      clauses: agreement.versions.reduce((max, version) => Math.max(max, version.clauses.length), 0),
    },
    generator: { seed: options.seed, script: 'npm run sample' },
  };
  return {
    info,
    reaches: step.reaches,
    subbasins: step.subbasins,
    hillshadePng: encodeGrayscalePng(step.hillshade, dem.raster.width, dem.raster.height),
    records,
    agreement,
    withdrawals,
    withdrawalCount,
  };
}

/** Quarterly committee meetings with attendance by community and gender. */
function sampleMeetings(prng: Prng, communities: readonly SampleCommunityPlan[], months: readonly SampleMonth[], nextId: () => string): Meeting[] {
  const meetings: Meeting[] = [];
  const agendas: readonly (readonly string[])[] = [
    ['Lectura del acta anterior', 'Informe de caudales y captaciones', 'Hallazgos abiertos del acuerdo', 'Varios'],
    ['Verificación del quórum', 'Turnos del canal en verano', 'Avance de la restauración', 'Proposiciones'],
    ['Lectura del acta anterior', 'Contaminaciones registradas y avisos', 'Calidad del agua', 'Sanciones pendientes'],
  ];
  for (const month of months) {
    if (month.index % 3 !== 1) continue;
    const day = prng.int(8, 22);
    const host = prng.pick(communities);
    const attendance = communities
      .filter(() => prng.chance(0.85))
      .map((community) => ({ communityId: community.record.id, women: prng.int(0, 3), men: prng.int(1, 3) }));
    meetings.push({
      ...firstVersionMeta(nextId(), isoLocal(month.year, month.month, day, 23), AUTHOR),
      date: isoDate(month.year, month.month, day),
      place: `Caseta comunal de ${host.record.name}`,
      attendance,
      agenda: [...(agendas[meetings.length % agendas.length] ?? [])],
      auditCheckpoint: null,
    });
  }
  return meetings;
}
