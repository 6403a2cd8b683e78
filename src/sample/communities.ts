import type { MultiPolygon, Polygon } from 'geojson';
import type { Community } from '../domain/records';
import { FAMILY_NAMES, GIVEN_NAMES_MEN, GIVEN_NAMES_WOMEN, SAMPLE_COMMUNITY_NAMES, scaleCommunityName } from './names';
import type { Prng } from './prng';
import { firstVersionMeta, round } from './records-common';
import { distanceToOutletKm, pointAlongReach, type SampleTopology } from './topology';

/** A community of the sample and where it sits on the network. */
export interface SampleCommunityPlan {
  record: Community;
  /** The reaches inside the community's territory; every one drains to the anchor reach. */
  reachIds: string[];
  /** The most downstream reach of the territory, where the main settlement lies. */
  anchorReachId: string;
  /** The settlement, at the middle of the anchor reach, [lon, lat]. */
  anchorLonLat: [number, number];
  /** Flow distance from the settlement to the basin outlet, km. */
  anchorDistanceToOutletKm: number;
  /** 0 at the headwaters, increasing toward the outlet. */
  rank: number;
}

/** Reach ids in post-order: every reach after all the reaches upstream of it. */
function postOrder(topology: SampleTopology): string[] {
  const order: string[] = [];
  const stack: [string, boolean][] = [[topology.outletReachId, false]];
  while (stack.length > 0) {
    const [id, expanded] = stack.pop() as [string, boolean];
    if (expanded) {
      order.push(id);
      continue;
    }
    stack.push([id, true]);
    const upstream = [...(topology.upstreamOf.get(id) ?? [])].sort();
    for (const upstreamId of upstream) stack.push([upstreamId, false]);
  }
  return order;
}

/** Cuts the tree into connected groups of at least `target` reaches, each group all the unassigned reaches upstream of its anchor. */
function cutGroups(topology: SampleTopology, order: readonly string[], target: number): { anchor: string; reachIds: string[] }[] {
  const pending = new Map<string, number>();
  const assigned = new Set<string>();
  const groups: { anchor: string; reachIds: string[] }[] = [];
  const collect = (anchor: string): string[] => {
    const members: string[] = [];
    const stack = [anchor];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (assigned.has(id)) continue;
      assigned.add(id);
      members.push(id);
      for (const upstreamId of topology.upstreamOf.get(id) ?? []) stack.push(upstreamId);
    }
    return members.sort();
  };
  for (const id of order) {
    let count = 1;
    for (const upstreamId of topology.upstreamOf.get(id) ?? []) count += pending.get(upstreamId) ?? 0;
    if (id === topology.outletReachId || count >= target) {
      groups.push({ anchor: id, reachIds: collect(id) });
      pending.set(id, 0);
    } else {
      pending.set(id, count);
    }
  }
  return groups;
}

/** Splits the network into `count` connected territories of similar size, one per community. */
export function partitionNetwork(topology: SampleTopology, count: number): { anchor: string; reachIds: string[] }[] {
  const order = postOrder(topology);
  let low = 1;
  let high = order.length;
  // The largest target that still yields at least `count` groups; extra groups are merged downstream below.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (cutGroups(topology, order, middle).length >= count) low = middle;
    else high = middle - 1;
  }
  const groups = cutGroups(topology, order, low);
  while (groups.length > count) {
    let smallest = -1;
    for (let index = 0; index < groups.length; index += 1) {
      const group = groups[index] as { anchor: string; reachIds: string[] };
      if (group.anchor === topology.outletReachId) continue;
      if (smallest < 0 || group.reachIds.length < (groups[smallest]?.reachIds.length ?? 0)) smallest = index;
    }
    const group = groups[smallest] as { anchor: string; reachIds: string[] };
    const downstreamReach = topology.downstreamOf.get(group.anchor);
    const target = groups.find((candidate) => downstreamReach !== undefined && candidate.reachIds.includes(downstreamReach));
    if (!target) break;
    target.reachIds = [...target.reachIds, ...group.reachIds].sort();
    groups.splice(smallest, 1);
  }
  return groups;
}

/** Rounds every coordinate of a polygon geometry to 6 decimals (about 0.1 m). */
export function roundGeometry<G extends Polygon | MultiPolygon>(geometry: G): G {
  const roundRing = (ring: number[][]): number[][] => ring.map((position) => position.map((value) => round(value, 6)));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) } as G;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(roundRing)) } as G;
}

/** A contact line for a community: the JAC president and the aqueduct plumber, with fictitious numbers. */
function contactsFor(prng: Prng, index: number): string {
  const president = `${prng.pick(GIVEN_NAMES_WOMEN)} ${prng.pick(FAMILY_NAMES)} ${prng.pick(FAMILY_NAMES)}`;
  const plumber = `${prng.pick(GIVEN_NAMES_MEN)} ${prng.pick(FAMILY_NAMES)}`;
  const phone = (offset: number): string => `300 000 ${(1000 + index * 10 + offset).toString().slice(-4)}`;
  return `Presidencia JAC: ${president}, tel. ${phone(1)}; fontanería del acueducto: ${plumber}, tel. ${phone(2)}`;
}

/** Options of the community step. */
export interface CommunityStepOptions {
  count: number;
  /** Use the twelve named communities of the sample (true) or numbered names for the scale basin. */
  namedSample: boolean;
  createdAt: string;
  author: string;
  nextId: () => string;
  /** Outlines of the territories made of the given groups of reaches (one polygon per group, in order). */
  territories: (groups: readonly (readonly string[])[]) => (Polygon | MultiPolygon)[];
}

/**
 * Communities from the headwaters to the outlet, each with a territory made of the sub-basins of its reaches.
 * @example planCommunities(prng, topology, options).map((plan) => plan.rank) // 0, 1, 2, ...
 */
export function planCommunities(
  prng: Prng,
  topology: SampleTopology,
  options: CommunityStepOptions,
): SampleCommunityPlan[] {
  const groups = partitionNetwork(topology, options.count)
    .map((group) => ({ ...group, distanceKm: distanceToOutletKm(topology, group.anchor, 0.5) }))
    .sort((a, b) => b.distanceKm - a.distanceKm || (a.anchor < b.anchor ? -1 : 1));
  const territories = options.territories(groups.map((group) => group.reachIds));
  return groups.map((group, rank) => {
    const downstreamShare = groups.length > 1 ? rank / (groups.length - 1) : 1;
    const population = Math.round((90 + 2600 * Math.pow(downstreamShare, 1.7)) * prng.range(0.8, 1.25));
    const populationWomen = Math.round(population * prng.range(0.47, 0.53));
    const name = options.namedSample ? (SAMPLE_COMMUNITY_NAMES[rank] ?? scaleCommunityName(rank)) : scaleCommunityName(rank);
    const record: Community = {
      ...firstVersionMeta(options.nextId(), options.createdAt, options.author),
      name,
      territory: roundGeometry(territories[rank] as Polygon | MultiPolygon),
      population,
      populationWomen,
      contacts: contactsFor(prng, rank),
    };
    const anchor = pointAlongReach(topology, group.anchor, 0.5);
    return {
      record,
      reachIds: group.reachIds,
      anchorReachId: group.anchor,
      anchorLonLat: [round(anchor[0], 6), round(anchor[1], 6)],
      anchorDistanceToOutletKm: round(group.distanceKm, 3),
      rank,
    };
  });
}
