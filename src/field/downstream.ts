import type { Feature, FeatureCollection, LineString } from 'geojson';
import { haversineM } from '../hydrology/geodesy';

/*
 * What lies downstream of a contamination event: the communities and intakes the water reaches, how far along the
 * river and roughly when (distance over the basin's mean flow velocity), and the stretch of river to draw.
 */

/** A place on the river network: reach and fraction along it (0 upstream end, 1 downstream end). */
export interface RiverPosition {
  readonly reachId: string;
  readonly fraction: number;
}

/** The part of the river network these helpers need (RiverNetwork satisfies it). */
export interface DownstreamNetwork {
  /** Reaches from `reachId` to the outlet along the main path, starting with it. */
  downstreamReaches(reachId: string, mode: 'DM'): readonly string[];
  /** Distance along the river from the position to its outlet, km. */
  distanceToOutletKm(position: RiverPosition): number;
}

/** Something that may be warned: a community (its anchor on the river) or an intake. */
export interface DownstreamCandidate {
  readonly type: 'community' | 'intake';
  readonly id: string;
  readonly communityId: string;
  readonly position: RiverPosition;
}

/** A candidate found downstream, with its flow distance (km) and estimated arrival time (seconds). */
export interface DownstreamTarget extends DownstreamCandidate {
  readonly distanceKm: number;
  readonly arrivalSeconds: number;
}

/**
 * Candidates downstream of `origin` along the main path within `maxKm`, nearest first. Arrival is distance over
 * `flowVelocityMs` (m/s), a mean the committee sets for its basin: an estimate, not a forecast.
 * @example downstreamTargets(network, { reachId: '4', fraction: 0.2 }, candidates, { maxKm: 10, flowVelocityMs: 0.8 })
 */
export function downstreamTargets(
  network: DownstreamNetwork,
  origin: RiverPosition,
  candidates: readonly DownstreamCandidate[],
  options: { readonly maxKm: number; readonly flowVelocityMs: number },
): DownstreamTarget[] {
  const path = new Set(network.downstreamReaches(origin.reachId, 'DM'));
  const originKm = network.distanceToOutletKm(origin);
  const found: DownstreamTarget[] = [];
  for (const candidate of candidates) {
    const { position } = candidate;
    if (!path.has(position.reachId)) continue;
    if (position.reachId === origin.reachId && position.fraction < origin.fraction) continue;
    const distanceKm = Math.max(0, originKm - network.distanceToOutletKm(position));
    if (!Number.isFinite(distanceKm) || distanceKm > options.maxKm) continue;
    found.push({ ...candidate, distanceKm, arrivalSeconds: arrivalSeconds(distanceKm, options.flowVelocityMs) });
  }
  return found.sort((a, b) => a.distanceKm - b.distanceKm || a.id.localeCompare(b.id));
}

/**
 * Seconds water takes to travel `distanceKm` at `flowVelocityMs` m/s; Infinity for a velocity that is not positive.
 * @example arrivalSeconds(2.88, 0.8) === 3600
 */
export function arrivalSeconds(distanceKm: number, flowVelocityMs: number): number {
  if (!(flowVelocityMs > 0)) return Number.POSITIVE_INFINITY;
  return (distanceKm * 1000) / flowVelocityMs;
}

/**
 * A duration split into whole hours and minutes, rounded to the nearest minute (for "3 h 05 min").
 * @example hoursAndMinutes(3 * 3600 + 299) // { hours: 3, minutes: 5 }
 */
export function hoursAndMinutes(seconds: number): { readonly hours: number; readonly minutes: number } {
  const totalMinutes = Math.max(0, Math.round(seconds / 60));
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/**
 * The part of a line between two fractions of its length (0 start, 1 end), measured along great circles.
 * @example sliceLine([[0, 0], [0, 0.02]], 0.25, 0.75) // [[0, 0.005], [0, 0.015]]
 */
export function sliceLine(coordinates: readonly (readonly [number, number])[], from: number, to: number): [number, number][] {
  if (coordinates.length < 2) return coordinates.map((point) => [point[0], point[1]]);
  const cumulative = [0];
  for (let i = 1; i < coordinates.length; i++) {
    const a = coordinates[i - 1]!;
    const b = coordinates[i]!;
    cumulative.push(cumulative[i - 1]! + haversineM(a[0], a[1], b[0], b[1]));
  }
  const total = cumulative[cumulative.length - 1]!;
  const start = Math.max(0, Math.min(from, to)) * total;
  const end = Math.min(1, Math.max(from, to)) * total;
  const pointAt = (distance: number): [number, number] => {
    let i = 1;
    while (i < cumulative.length - 1 && cumulative[i]! < distance) i++;
    const a = coordinates[i - 1]!;
    const b = coordinates[i]!;
    const span = cumulative[i]! - cumulative[i - 1]!;
    const t = span > 0 ? (distance - cumulative[i - 1]!) / span : 0;
    return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  };
  const sliced: [number, number][] = [pointAt(start)];
  for (let i = 1; i < coordinates.length - 1; i++) {
    if (cumulative[i]! > start && cumulative[i]! < end) sliced.push([coordinates[i]![0], coordinates[i]![1]]);
  }
  sliced.push(pointAt(end));
  return sliced;
}

/** The stretches of river within a distance downstream of a point, and each reach's vertices (RiverNetwork fits). */
export interface StretchNetwork {
  downstreamWithin(
    position: RiverPosition,
    distanceKm: number,
  ): readonly { readonly reachId: string; readonly fromFraction: number; readonly toFraction: number }[];
  reach(id: string): { readonly coordinates: readonly (readonly [number, number])[] } | undefined;
}

/**
 * The river within `distanceKm` downstream of `origin`, as GeoJSON lines (one per reach stretch), to draw.
 * @example downstreamReachLines(network, event.snap, 5).features.length // reaches touched in the first 5 km
 */
export function downstreamReachLines(
  network: StretchNetwork,
  origin: RiverPosition,
  distanceKm: number,
): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  for (const stretch of network.downstreamWithin(origin, distanceKm)) {
    const reach = network.reach(stretch.reachId);
    if (!reach || stretch.toFraction <= stretch.fromFraction) continue;
    features.push({
      type: 'Feature',
      properties: { reachId: stretch.reachId },
      geometry: { type: 'LineString', coordinates: sliceLine(reach.coordinates, stretch.fromFraction, stretch.toFraction) },
    });
  }
  return { type: 'FeatureCollection', features };
}
