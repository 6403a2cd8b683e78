import type { LineString, Polygon } from 'geojson';
import type { RestorationSite, RestorationVisit } from '../domain/records';
import type { SampleCommunityPlan } from './communities';
import type { Prng } from './prng';
import { firstVersionMeta, isoDate, isoLocal, round } from './records-common';
import { pointAlongReach, type SampleTopology } from './topology';

/** A scripted restoration site: what, where (by community rank), how big, how it went. */
export interface RestorationScript {
  communityRank: number;
  activity: RestorationSite['activity'];
  name: string;
  plannedAreaHa: number;
  /** Share of the planned area done, 0..1. */
  doneShare: number;
  plantsPerHa: number;
  work: { year: number; month: number; day: number };
  status: RestorationSite['status'];
  /** Survival rate at each follow-up visit, percent; null when the visit did not count plants. */
  visitSurvivalPct: readonly (number | null)[];
}

/** The twenty sites of the embedded sample. Communities 5 and 9 fall behind their commitments on purpose; 2 and 8 keep theirs every year. */
export const SAMPLE_RESTORATION_SCRIPTS: readonly RestorationScript[] = [
  { communityRank: 0, activity: 'spring-protection', name: 'Aislamiento del nacimiento Los Frailejones', plannedAreaHa: 1.2, doneShare: 1, plantsPerHa: 400, work: { year: 2024, month: 4, day: 20 }, status: 'done', visitSurvivalPct: [92, 88] },
  { communityRank: 0, activity: 'reforestation', name: 'Reforestación con encenillo y aliso, cuchilla alta', plannedAreaHa: 4, doneShare: 1, plantsPerHa: 1100, work: { year: 2024, month: 10, day: 12 }, status: 'done', visitSurvivalPct: [81, 74, 72] },
  { communityRank: 1, activity: 'riparian-buffer', name: 'Franja protectora de la quebrada El Roble', plannedAreaHa: 2.5, doneShare: 1, plantsPerHa: 900, work: { year: 2024, month: 5, day: 4 }, status: 'done', visitSurvivalPct: [85, 79] },
  { communityRank: 2, activity: 'erosion-control', name: 'Trinchos en la cárcava de la escuela', plannedAreaHa: 0.8, doneShare: 1, plantsPerHa: 0, work: { year: 2024, month: 7, day: 15 }, status: 'done', visitSurvivalPct: [null] },
  { communityRank: 2, activity: 'reforestation', name: 'Bosque protector de la bocatoma de San Isidro', plannedAreaHa: 3, doneShare: 0.9, plantsPerHa: 1000, work: { year: 2025, month: 4, day: 26 }, status: 'done', visitSurvivalPct: [78, 70] },
  { communityRank: 3, activity: 'check-dams', name: 'Diques de piedra en la quebrada La Cristalina', plannedAreaHa: 0.5, doneShare: 1, plantsPerHa: 0, work: { year: 2024, month: 8, day: 10 }, status: 'done', visitSurvivalPct: [null] },
  { communityRank: 4, activity: 'riparian-buffer', name: 'Recuperación de la orilla minada en Peñas Blancas', plannedAreaHa: 3.5, doneShare: 0.6, plantsPerHa: 800, work: { year: 2025, month: 5, day: 17 }, status: 'in-progress', visitSurvivalPct: [64, 52] },
  { communityRank: 5, activity: 'reforestation', name: 'Reforestación del alto de Las Brisas', plannedAreaHa: 5, doneShare: 0.2, plantsPerHa: 1100, work: { year: 2024, month: 11, day: 2 }, status: 'in-progress', visitSurvivalPct: [41, 35] },
  { communityRank: 5, activity: 'spring-protection', name: 'Nacimiento La Chorrera', plannedAreaHa: 0.6, doneShare: 0, plantsPerHa: 500, work: { year: 2025, month: 10, day: 1 }, status: 'planned', visitSurvivalPct: [] },
  { communityRank: 6, activity: 'riparian-buffer', name: 'Guadual de la margen derecha, El Guamal', plannedAreaHa: 2, doneShare: 1, plantsPerHa: 600, work: { year: 2024, month: 10, day: 19 }, status: 'done', visitSurvivalPct: [88, 86] },
  { communityRank: 7, activity: 'erosion-control', name: 'Barreras vivas en la ladera de La Palmita', plannedAreaHa: 1.5, doneShare: 1, plantsPerHa: 1500, work: { year: 2025, month: 4, day: 5 }, status: 'done', visitSurvivalPct: [90] },
  { communityRank: 8, activity: 'reforestation', name: 'Corredor de bosque seco de San José', plannedAreaHa: 4, doneShare: 1, plantsPerHa: 1000, work: { year: 2024, month: 9, day: 28 }, status: 'done', visitSurvivalPct: [76, 71, 69] },
  { communityRank: 9, activity: 'riparian-buffer', name: 'Franja protectora del río en Buenavista', plannedAreaHa: 3, doneShare: 0.15, plantsPerHa: 800, work: { year: 2025, month: 6, day: 14 }, status: 'failed', visitSurvivalPct: [30, 12] },
  { communityRank: 10, activity: 'check-dams', name: 'Diques de guadua en la cañada del Llano', plannedAreaHa: 0.4, doneShare: 1, plantsPerHa: 0, work: { year: 2025, month: 3, day: 8 }, status: 'done', visitSurvivalPct: [null] },
  { communityRank: 2, activity: 'erosion-control', name: 'Zanjas de infiltración en el potrero de la escuela', plannedAreaHa: 1, doneShare: 1, plantsPerHa: 0, work: { year: 2024, month: 2, day: 17 }, status: 'done', visitSurvivalPct: [null] },
  { communityRank: 2, activity: 'riparian-buffer', name: 'Cerca viva de la quebrada San Isidro', plannedAreaHa: 1, doneShare: 1, plantsPerHa: 700, work: { year: 2026, month: 6, day: 13 }, status: 'done', visitSurvivalPct: [] },
  { communityRank: 8, activity: 'riparian-buffer', name: 'Franja protectora de la quebrada Las Quebradas', plannedAreaHa: 1.2, doneShare: 1, plantsPerHa: 800, work: { year: 2024, month: 3, day: 9 }, status: 'done', visitSurvivalPct: [80] },
  { communityRank: 8, activity: 'reforestation', name: 'Enriquecimiento del rastrojo alto de San José', plannedAreaHa: 1.5, doneShare: 1, plantsPerHa: 900, work: { year: 2025, month: 10, day: 18 }, status: 'done', visitSurvivalPct: [84] },
  { communityRank: 8, activity: 'erosion-control', name: 'Barreras vivas de vetiver en la ladera de San José', plannedAreaHa: 1.2, doneShare: 1, plantsPerHa: 2000, work: { year: 2026, month: 5, day: 16 }, status: 'done', visitSurvivalPct: [] },
  { communityRank: 11, activity: 'reforestation', name: 'Reforestación de la ronda del río en Puerto Arenillas', plannedAreaHa: 3.5, doneShare: 1, plantsPerHa: 900, work: { year: 2025, month: 10, day: 25 }, status: 'done', visitSurvivalPct: [83] },
];

const HECTARE_M2 = 10_000;

/** A rough polygon of `areaHa` centred on `centre`, with `vertexCount` jittered vertices. */
function blobPolygon(prng: Prng, centre: [number, number], areaHa: number, vertexCount = 9): Polygon {
  const radiusM = Math.sqrt((areaHa * HECTARE_M2) / Math.PI);
  const metresPerDegLat = 111_195;
  const metresPerDegLon = metresPerDegLat * Math.cos((centre[1] * Math.PI) / 180);
  const ring: number[][] = [];
  for (let vertex = 0; vertex < vertexCount; vertex += 1) {
    const angle = (2 * Math.PI * vertex) / vertexCount;
    const r = radiusM * prng.range(0.8, 1.2);
    ring.push([round(centre[0] + (r * Math.cos(angle)) / metresPerDegLon, 6), round(centre[1] + (r * Math.sin(angle)) / metresPerDegLat, 6)]);
  }
  ring.push([...(ring[0] as number[])]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** The stretch of a reach from `fromFraction` to `toFraction` of its length, as a line. */
function reachStretch(topology: SampleTopology, reachId: string, fromFraction: number, toFraction: number): LineString {
  const steps = 6;
  const coordinates: number[][] = [];
  for (let step = 0; step <= steps; step += 1) {
    const point = pointAlongReach(topology, reachId, fromFraction + ((toFraction - fromFraction) * step) / steps);
    coordinates.push([round(point[0], 6), round(point[1], 6)]);
  }
  return { type: 'LineString', coordinates };
}

/** Options of the restoration step. */
export interface RestorationStepOptions {
  author: string;
  nextSiteId: () => string;
  nextVisitId: () => string;
}

/** Restoration sites and their follow-up visits: riparian buffers are lines along a reach, the rest polygons beside one. */
export function restorationRecords(
  prng: Prng,
  topology: SampleTopology,
  communities: readonly SampleCommunityPlan[],
  scripts: readonly RestorationScript[],
  springCentre: [number, number] | null,
  options: RestorationStepOptions,
): { sites: RestorationSite[]; visits: RestorationVisit[] } {
  const sites: RestorationSite[] = [];
  const visits: RestorationVisit[] = [];
  for (const script of scripts) {
    const community = communities[Math.min(script.communityRank, communities.length - 1)] as SampleCommunityPlan;
    const reachId = prng.pick(community.reachIds);
    const isProtectedSpring = script.activity === 'spring-protection' && script.communityRank === 0 && springCentre !== null;
    const geometry =
      script.activity === 'riparian-buffer'
        ? reachStretch(topology, reachId, 0.15, 0.85)
        : blobPolygon(prng, isProtectedSpring ? springCentre : pointAlongReach(topology, reachId, prng.range(0.3, 0.7)), script.plannedAreaHa);
    const doneAreaHa = round(script.plannedAreaHa * script.doneShare, 2);
    const { year, month, day } = script.work;
    const site: RestorationSite = {
      ...firstVersionMeta(options.nextSiteId(), isoLocal(year, month, day + 2, 15), options.author),
      name: script.name,
      communityId: community.record.id,
      geometry,
      activity: script.activity,
      status: script.status,
      plannedAreaHa: script.plannedAreaHa,
      doneAreaHa,
      plantsPlanted: Math.round(doneAreaHa * script.plantsPerHa),
      workDate: isoDate(year, month, day),
    };
    sites.push(site);
    script.visitSurvivalPct.forEach((survivalRatePct, index) => {
      const visitMonth = month + 4 + index * 6;
      visits.push({
        ...firstVersionMeta(options.nextVisitId(), isoLocal(year, visitMonth, 12, 20), options.author),
        siteId: site.id,
        date: isoDate(year, visitMonth, 10),
        survivalRatePct,
        notes:
          survivalRatePct === null
            ? 'Obras en buen estado; se limpió el sedimento acumulado.'
            : survivalRatePct >= 70
              ? `Prendimiento ${survivalRatePct} %. Se hizo plateo y resiembra de las plántulas muertas.`
              : `Prendimiento bajo (${survivalRatePct} %): sequía y ganado dentro del lote. Hay que resembrar y arreglar la cerca.`,
        photoIds: [],
      });
    });
  }
  return { sites, visits };
}
