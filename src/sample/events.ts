import type { ContaminationEvent, Intake, Notification } from '../domain/records';
import type { SampleCommunityPlan } from './communities';
import { placeOnReach } from './intakes';
import type { Prng } from './prng';
import { firstVersionMeta, isoLocal } from './records-common';
import type { SampleSnapper } from './snap';
import { downstreamChain, type SampleTopology } from './topology';

/** How a scripted event is reported: who is warned, how late, and how it ends. */
export interface EventScript {
  /** Rank of the community where the event happens (0 = headwaters). */
  communityRank: number;
  observed: { year: number; month: number; day: number; hour: number };
  pollutantClass: ContaminationEvent['pollutantClass'];
  suspectedSource: string;
  description: string;
  /** Hours after observation when downstream communities were warned. */
  notifyAfterHours: number;
  /** How many of the farthest downstream communities were never warned. */
  unnotifiedFarthest: number;
  /** Days after observation when it was remediated; null while open or contained. */
  remediatedAfterDays: number | null;
  status: ContaminationEvent['status'];
  /** Place the event near the upstream end of the community's spring reach (beside the protected spring). */
  atSpring?: boolean;
}

/** The events of the embedded sample, in time order; several break the agreement on purpose. */
export const SAMPLE_EVENT_SCRIPTS: readonly EventScript[] = [
  {
    communityRank: 2,
    observed: { year: 2024, month: 2, day: 12, hour: 13 },
    pollutantClass: 'sewage',
    suspectedSource: 'Rebose del pozo séptico de la escuela',
    description: 'Olor fuerte y espuma en la quebrada debajo de la escuela después del aguacero.',
    notifyAfterHours: 3,
    unnotifiedFarthest: 0,
    remediatedAfterDays: 18,
    status: 'remediated',
  },
  {
    communityRank: 1,
    observed: { year: 2024, month: 5, day: 8, hour: 15 },
    pollutantClass: 'agrochemicals',
    suspectedSource: 'Fumigación de cultivo de papa en la ladera',
    description: 'Vecinos vieron fumigar con bomba de espalda al lado de la quebrada; peces muertos en el remanso.',
    notifyAfterHours: 30,
    unnotifiedFarthest: 0,
    remediatedAfterDays: 14,
    status: 'remediated',
  },
  {
    communityRank: 4,
    observed: { year: 2024, month: 9, day: 21, hour: 16 },
    pollutantClass: 'mining',
    suspectedSource: 'Minería de oro artesanal (barequeo con dragas pequeñas)',
    description: 'Agua muy turbia y de color gris; se encontraron mangueras y una motobomba en la orilla.',
    notifyAfterHours: 6,
    unnotifiedFarthest: 3,
    remediatedAfterDays: null,
    status: 'contained',
  },
  {
    communityRank: 0,
    observed: { year: 2025, month: 1, day: 17, hour: 14 },
    pollutantClass: 'livestock',
    suspectedSource: 'Ganado suelto dentro del aislamiento del nacimiento',
    description: 'La cerca del nacimiento está caída y el ganado pisotea el ojo de agua.',
    notifyAfterHours: 4,
    unnotifiedFarthest: 0,
    remediatedAfterDays: 10,
    status: 'remediated',
    atSpring: true,
  },
  {
    communityRank: 6,
    observed: { year: 2025, month: 6, day: 3, hour: 18 },
    pollutantClass: 'solid-waste',
    suspectedSource: 'Basuras arrojadas desde el puente',
    description: 'Bolsas, llantas y envases de agroquímicos acumulados en el estribo del puente.',
    notifyAfterHours: 8,
    unnotifiedFarthest: 0,
    remediatedAfterDays: 25,
    status: 'remediated',
  },
  {
    communityRank: 8,
    observed: { year: 2025, month: 10, day: 9, hour: 12 },
    pollutantClass: 'fuel',
    suspectedSource: 'Volqueta volcada en la vía, derrame de ACPM',
    description: 'Mancha de combustible en el agua por unos 500 metros; se pusieron barreras de paja.',
    notifyAfterHours: 2,
    unnotifiedFarthest: 0,
    remediatedAfterDays: 75,
    status: 'remediated',
  },
  {
    communityRank: 7,
    observed: { year: 2026, month: 3, day: 26, hour: 13 },
    pollutantClass: 'industrial',
    suspectedSource: 'Vertimiento de lactosuero de la planta de lácteos',
    description: 'Agua blancuzca y con mal olor debajo de la planta; el vertimiento ocurre de noche.',
    notifyAfterHours: 0,
    unnotifiedFarthest: 99,
    remediatedAfterDays: null,
    status: 'open',
  },
  {
    communityRank: 9,
    observed: { year: 2026, month: 10, day: 20, hour: 17 },
    pollutantClass: 'sediment',
    suspectedSource: 'Derrumbe por la ampliación de la vía veredal',
    description: 'Tierra y piedra caídas al río; el agua baja color chocolate.',
    notifyAfterHours: 5,
    unnotifiedFarthest: 0,
    remediatedAfterDays: null,
    status: 'contained',
  },
];

const CHANNELS: readonly Notification['channel'][] = ['phone', 'radio', 'message', 'in-person'];

/**
 * Communities to warn about an event on `reachId`: every community with territory on the reaches downstream
 * or an intake downstream, nearest first.
 */
export function downstreamCommunities(
  topology: SampleTopology,
  reachId: string,
  fraction: number,
  communities: readonly SampleCommunityPlan[],
  intakes: readonly Intake[],
): string[] {
  const chain = downstreamChain(topology, reachId);
  const position = new Map(chain.map((id, index) => [id, index + 1]));
  position.set(reachId, 0);
  const firstIndex = new Map<string, number>();
  const note = (communityId: string, index: number): void => {
    if ((firstIndex.get(communityId) ?? Infinity) > index) firstIndex.set(communityId, index);
  };
  for (const community of communities) {
    for (const id of community.reachIds) {
      const index = position.get(id);
      if (index !== undefined && index > 0) note(community.record.id, index);
    }
  }
  for (const intake of intakes) {
    if (!intake.snap) continue;
    const index = position.get(intake.snap.reachId);
    if (index === undefined) continue;
    if (index > 0 || intake.snap.fraction > fraction) note(intake.communityId, index);
  }
  return [...firstIndex.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

/** Options of the contamination step. */
export interface EventStepOptions {
  author: string;
  nextId: () => string;
}

/** Contamination events from scripts: placed beside a reach of the community, with the warnings and outcome scripted. */
export function contaminationEvents(
  prng: Prng,
  topology: SampleTopology,
  snapper: SampleSnapper,
  communities: readonly SampleCommunityPlan[],
  intakes: readonly Intake[],
  scripts: readonly EventScript[],
  springReachId: string | null,
  options: EventStepOptions,
): ContaminationEvent[] {
  return scripts.map((script) => {
    const community = communities[Math.min(script.communityRank, communities.length - 1)] as SampleCommunityPlan;
    const atSpring = script.atSpring === true && springReachId !== null;
    const reachId = atSpring ? springReachId : prng.pick(community.reachIds);
    const { location, snap } = placeOnReach(prng, topology, snapper, reachId, 15, atSpring ? [0.02, 0.06] : [0.2, 0.8]);
    const { year, month, day, hour } = script.observed;
    const observedAt = isoLocal(year, month, day, hour, prng.int(0, 5) * 10);
    const warned = downstreamCommunities(topology, snap.reachId, snap.fraction, communities, intakes);
    const notified = warned.slice(0, Math.max(0, warned.length - script.unnotifiedFarthest));
    const notifications: Notification[] = notified.map((communityId, index) => ({
      communityId,
      sentAt: isoLocal(year, month, day, hour + script.notifyAfterHours, 30 + Math.min(25, index * 3)),
      channel: prng.pick(CHANNELS),
    }));
    const closedAt = script.remediatedAfterDays === null ? null : isoLocal(year, month, day + script.remediatedAfterDays, 16);
    return {
      ...firstVersionMeta(options.nextId(), isoLocal(year, month, day, hour + 2), options.author),
      location,
      snap,
      observedAt,
      pollutantClass: script.pollutantClass,
      suspectedSource: script.suspectedSource,
      description: script.description,
      status: script.status,
      closedAt,
      notifications,
      photoIds: [],
    };
  });
}
