import type { Feature, LineString } from 'geojson';
import { haversineM } from './geodesy';
import type { NetworkPosition, RiverNetwork } from './river-network';

/*
 * What a committee asks of a point on the river: what lies upstream of it (with every tributary) and what lies
 * downstream (the main path to the outlet), who takes water on each side and how far away along the river.
 */

/** Reaches to draw around a point: upstream (the reach above the point and every reach above it), downstream (to the outlet). */
export interface FlowHighlightFeatures {
  readonly upstream: Feature<LineString, { id: string; streamOrder: number }>[];
  readonly downstream: Feature<LineString, { id: string; streamOrder: number }>[];
}

/** Something placed on the river: an intake, a community (at each of its intakes), a monitoring point. */
export interface FlowSubject {
  readonly id: string;
  readonly name: string;
  /** Where it meets the river; a community with several intakes has several. */
  readonly positions: readonly NetworkPosition[];
}

/** A subject on one side of a point, with its distance along the river (km) to the nearest of its positions. */
export interface FlowNeighbour {
  readonly id: string;
  readonly name: string;
  readonly distanceKm: number;
}

/** Subjects upstream and downstream of a point, each list nearest first. */
export interface FlowNeighbours {
  readonly upstream: FlowNeighbour[];
  readonly downstream: FlowNeighbour[];
}

function clamp01(value: number): number {
  return value <= 0 ? 0 : value >= 1 ? 1 : value;
}

/**
 * The part of a lon/lat line between two fractions of its length (0 = first vertex, 1 = last), measured along
 * great circles as the network measures fractions. Always at least two vertices.
 *
 * @example sliceLine([[0, 0], [0, 2]], 0.25, 0.5) // [[0, 0.5], [0, 1]]
 */
export function sliceLine(
  coordinates: readonly (readonly [number, number])[],
  fromFraction: number,
  toFraction: number,
): [number, number][] {
  const from = clamp01(Math.min(fromFraction, toFraction));
  const to = clamp01(Math.max(fromFraction, toFraction));
  const cumulative = [0];
  for (let i = 1; i < coordinates.length; i++) {
    const a = coordinates[i - 1]!;
    const b = coordinates[i]!;
    cumulative.push(cumulative[i - 1]! + haversineM(a[0], a[1], b[0], b[1]));
  }
  const total = cumulative[cumulative.length - 1] ?? 0;
  const first = coordinates[0];
  if (first === undefined) return [];
  if (!(total > 0))
    return [
      [first[0], first[1]],
      [first[0], first[1]],
    ];
  const pointAt = (fraction: number): [number, number] => {
    const target = fraction * total;
    let i = 1;
    while (i < cumulative.length - 1 && cumulative[i]! < target) i++;
    const a = coordinates[i - 1]!;
    const b = coordinates[i]!;
    const span = cumulative[i]! - cumulative[i - 1]!;
    const t = span > 0 ? clamp01((target - cumulative[i - 1]!) / span) : 0;
    return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  };
  const sliced: [number, number][] = [pointAt(from)];
  for (let i = 1; i < coordinates.length - 1; i++) {
    const along = cumulative[i]! / total;
    if (along > from && along < to) sliced.push([coordinates[i]![0], coordinates[i]![1]]);
  }
  sliced.push(pointAt(to));
  return sliced;
}

function reachFeature(
  network: RiverNetwork,
  id: string,
  fromFraction = 0,
  toFraction = 1,
): Feature<LineString, { id: string; streamOrder: number }> | null {
  const reach = network.reach(id);
  if (reach === undefined) return null;
  const whole = fromFraction <= 0 && toFraction >= 1;
  return {
    type: 'Feature',
    properties: { id, streamOrder: reach.streamOrder },
    geometry: {
      type: 'LineString',
      coordinates: whole ? reach.coordinates : sliceLine(reach.coordinates, fromFraction, toFraction),
    },
  };
}

/**
 * The reaches to highlight around a position: upstream, the part of its reach above it and every reach above
 * that with all tributaries (UT); downstream, the rest of its reach and the main path to the outlet (DM).
 *
 * @example flowHighlight(network, { reachId: 'b', fraction: 0.5 }).upstream.map((f) => f.properties.id) // ['b', 'a', ...]
 */
export function flowHighlight(network: RiverNetwork, position: NetworkPosition): FlowHighlightFeatures {
  const upstream: FlowHighlightFeatures['upstream'] = [];
  const downstream: FlowHighlightFeatures['downstream'] = [];
  const fraction = clamp01(position.fraction);
  const above = fraction > 0 ? reachFeature(network, position.reachId, 0, fraction) : null;
  if (above) upstream.push(above);
  for (const id of network.upstreamReaches(position.reachId, 'UT').slice(1)) {
    const feature = reachFeature(network, id);
    if (feature) upstream.push(feature);
  }
  const below = fraction < 1 ? reachFeature(network, position.reachId, fraction, 1) : null;
  if (below) downstream.push(below);
  for (const id of network.downstreamReaches(position.reachId, 'DM').slice(1)) {
    const feature = reachFeature(network, id);
    if (feature) downstream.push(feature);
  }
  return { upstream, downstream };
}

/**
 * Which subjects are upstream of a position (water passes them before reaching it) and which downstream (along
 * the main path to the outlet), with the distance along the river to the nearest of each subject's positions. A
 * subject with positions on both sides is on both lists; one on another branch or piece is on neither.
 *
 * @example flowNeighbours(network, point, [{ id: 'c1', name: 'El Roble', positions: [intakeSnap] }]).upstream
 *   // [{ id: 'c1', name: 'El Roble', distanceKm: 3.2 }]
 */
export function flowNeighbours(
  network: RiverNetwork,
  position: NetworkPosition,
  subjects: readonly FlowSubject[],
): FlowNeighbours {
  const upstream: FlowNeighbour[] = [];
  const downstream: FlowNeighbour[] = [];
  for (const subject of subjects) {
    let up = Infinity;
    let down = Infinity;
    for (const at of subject.positions) {
      const isAbove =
        at.reachId === position.reachId ? at.fraction < position.fraction : network.isUpstream(at, position);
      const isBelow =
        at.reachId === position.reachId ? at.fraction > position.fraction : network.isUpstream(position, at);
      if (!isAbove && !isBelow) continue;
      const distanceKm = network.flowDistanceKm(at, position);
      if (distanceKm === null) continue;
      if (isAbove) up = Math.min(up, distanceKm);
      else down = Math.min(down, distanceKm);
    }
    if (up < Infinity) upstream.push({ id: subject.id, name: subject.name, distanceKm: up });
    if (down < Infinity) downstream.push({ id: subject.id, name: subject.name, distanceKm: down });
  }
  const byDistance = (a: FlowNeighbour, b: FlowNeighbour) =>
    a.distanceKm - b.distanceKm || a.name.localeCompare(b.name);
  return { upstream: upstream.sort(byDistance), downstream: downstream.sort(byDistance) };
}

/**
 * Communities as subjects on the river: each at the positions of its intakes, or, when it has none on the river,
 * at its anchor's position (e.g. a community that only receives warnings).
 *
 * @example communitySubjects([{ id: 'c1', name: 'El Roble' }], [{ communityId: 'c1', position }], {})[0].positions
 */
export function communitySubjects(
  communities: readonly { readonly id: string; readonly name: string }[],
  intakes: readonly { readonly communityId: string; readonly position: NetworkPosition | null }[],
  anchorPositions: Readonly<Record<string, NetworkPosition>>,
): FlowSubject[] {
  const byCommunity = new Map<string, NetworkPosition[]>();
  for (const intake of intakes) {
    if (intake.position === null) continue;
    const list = byCommunity.get(intake.communityId);
    if (list) list.push(intake.position);
    else byCommunity.set(intake.communityId, [intake.position]);
  }
  return communities.map((community) => {
    const positions = byCommunity.get(community.id);
    const anchor = anchorPositions[community.id];
    return {
      id: community.id,
      name: community.name,
      positions: positions ?? (anchor ? [anchor] : []),
    };
  });
}
