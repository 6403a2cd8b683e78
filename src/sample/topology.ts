import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { lineLengthKm } from '../hydrology/geodesy';

/** Properties of one reach of the sample network, as the DEM pipeline writes them. */
export interface SampleReachProperties {
  id: string;
  /** Id of the reach this one flows into; null (or empty) at the outlet. */
  toid: string | null;
  streamOrder: number;
  /** Total area draining through the downstream end of the reach, km2. */
  drainageAreaKm2: number;
  /** The reach's own catchment (its sub-basin), km2; RiverNetwork sums these into drainage areas. */
  areaKm2: number;
}

/** The reaches of the sample network, LineStrings drawn in the direction of flow. */
export type SampleReachCollection = FeatureCollection<LineString, SampleReachProperties>;
/** The sub-basins of the sample network: the area draining directly into each reach. */
export type SampleSubbasinCollection = FeatureCollection<Polygon | MultiPolygon, { reachId: string; areaKm2: number }>;

/** What the generator needs to know about the network's shape: downstream links, lengths, the main stem. */
export interface SampleTopology {
  reaches: Map<string, Feature<LineString, SampleReachProperties>>;
  /** Downstream reach id of each reach; absent at the outlet. */
  downstreamOf: Map<string, string>;
  upstreamOf: Map<string, string[]>;
  lengthKm: Map<string, number>;
  /** Flow distance from the downstream end of each reach to the outlet, km. */
  endDistanceToOutletKm: Map<string, number>;
  outletReachId: string;
  /** Reach ids of the main stem from the head of the basin to the outlet (largest drainage area at each fork). */
  mainStem: string[];
}

/**
 * Reads the topology of a reach collection that drains to one outlet.
 * @example buildTopology(reaches).mainStem.at(-1) === buildTopology(reaches).outletReachId
 */
export function buildTopology(collection: SampleReachCollection): SampleTopology {
  const reaches = new Map<string, Feature<LineString, SampleReachProperties>>();
  for (const feature of collection.features) reaches.set(feature.properties.id, feature);
  const downstreamOf = new Map<string, string>();
  const upstreamOf = new Map<string, string[]>();
  const lengthKm = new Map<string, number>();
  const outlets: string[] = [];
  for (const [id, feature] of reaches) {
    lengthKm.set(id, lineLengthKm(feature.geometry.coordinates as [number, number][]));
    const toid = feature.properties.toid;
    if (toid && reaches.has(toid)) {
      downstreamOf.set(id, toid);
      const list = upstreamOf.get(toid) ?? [];
      list.push(id);
      upstreamOf.set(toid, list);
    } else {
      outlets.push(id);
    }
  }
  if (outlets.length !== 1) throw new Error(`sample network must have one outlet, found ${outlets.length}`);
  const outletReachId = outlets[0] as string;
  const endDistanceToOutletKm = new Map<string, number>([[outletReachId, 0]]);
  const stack = [outletReachId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const endKm = endDistanceToOutletKm.get(id) ?? 0;
    for (const upstreamId of upstreamOf.get(id) ?? []) {
      endDistanceToOutletKm.set(upstreamId, endKm + (lengthKm.get(id) ?? 0));
      stack.push(upstreamId);
    }
  }
  const mainStem = [outletReachId];
  for (;;) {
    const upstream = upstreamOf.get(mainStem[mainStem.length - 1] as string) ?? [];
    if (upstream.length === 0) break;
    let best = upstream[0] as string;
    for (const candidate of upstream) {
      const area = reaches.get(candidate)?.properties.drainageAreaKm2 ?? 0;
      const bestArea = reaches.get(best)?.properties.drainageAreaKm2 ?? 0;
      if (area > bestArea || (area === bestArea && candidate < best)) best = candidate;
    }
    mainStem.push(best);
  }
  mainStem.reverse();
  return { reaches, downstreamOf, upstreamOf, lengthKm, endDistanceToOutletKm, outletReachId, mainStem };
}

/**
 * The point at `fraction` (0 upstream end, 1 downstream end) of the length of a reach, as [lon, lat].
 * @example pointAlongReach(topology, 'r1', 0.5) // the middle of reach r1
 */
export function pointAlongReach(topology: SampleTopology, reachId: string, fraction: number): [number, number] {
  const coordinates = topology.reaches.get(reachId)?.geometry.coordinates ?? [];
  const totalKm = topology.lengthKm.get(reachId) ?? 0;
  const targetKm = totalKm * Math.min(1, Math.max(0, fraction));
  let walkedKm = 0;
  for (let index = 1; index < coordinates.length; index += 1) {
    const a = coordinates[index - 1] as [number, number];
    const b = coordinates[index] as [number, number];
    const segmentKm = lineLengthKm([a, b]);
    if (walkedKm + segmentKm >= targetKm && segmentKm > 0) {
      const t = (targetKm - walkedKm) / segmentKm;
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    walkedKm += segmentKm;
  }
  const last = coordinates[coordinates.length - 1] ?? [0, 0];
  return [last[0] ?? 0, last[1] ?? 0];
}

/** Flow distance to the outlet of a point at `fraction` along a reach, km. */
export function distanceToOutletKm(topology: SampleTopology, reachId: string, fraction: number): number {
  return (topology.endDistanceToOutletKm.get(reachId) ?? 0) + (topology.lengthKm.get(reachId) ?? 0) * (1 - fraction);
}

/** Every reach downstream of `reachId` (excluding it), nearest first. */
export function downstreamChain(topology: SampleTopology, reachId: string): string[] {
  const chain: string[] = [];
  let current = topology.downstreamOf.get(reachId);
  while (current !== undefined) {
    chain.push(current);
    current = topology.downstreamOf.get(current);
  }
  return chain;
}
