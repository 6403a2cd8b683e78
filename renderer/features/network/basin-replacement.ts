import type { FeatureCollection, LineString } from 'geojson';
import { RiverNetwork } from '../../../src/hydrology/river-network';
import type { NetworkSnap } from '../../../src/domain/records';
import type { Actor, Patch } from '../../../src/ports/repository';
import type { DexieRepository } from '../../store/dexie-repository';
import type { StoredBasin } from '../../session/basin-files';
import { BASIN_META_KEY } from '../../session/sample-import';

/*
 * Replacing the basin's rivers (from imported hydrography or a DEM delineation). Only the basin geometry in the
 * meta table changes; every record stays. Records placed on the river (intakes, monitoring points, contamination
 * events) keep their location and get their snap to the new network in a new version, so the rules engine reads
 * them on the new rivers; a point now too far from any river keeps no snap, as when it was first placed.
 */

/** What the new rivers come with besides the network. */
export interface RiverReplacement {
  /** Sub-basins to draw instead of the old ones (a delineation); the old ones stay when absent. */
  readonly subbasins?: FeatureCollection;
  /** A new hillshade (PNG data: URL) and the box [west, south, east, north] it covers. */
  readonly hillshade?: { readonly url: string; readonly bounds: readonly [number, number, number, number] };
}

/**
 * The network as stored reaches: id / toid topology, so reading them again gives exactly this network (no
 * orientation is guessed twice), with stream order, drainage and own catchment areas (km2) when known.
 */
export function storedReaches(network: RiverNetwork): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: network.reachIds().map((id) => {
      const reach = network.reach(id)!;
      const properties: Record<string, unknown> = { id, toid: reach.downstreamId, streamOrder: reach.streamOrder };
      if (Number.isFinite(reach.drainageAreaKm2)) properties['drainageAreaKm2'] = round(reach.drainageAreaKm2, 4);
      if (Number.isFinite(reach.ownAreaKm2)) properties['areaKm2'] = round(reach.ownAreaKm2, 4);
      if (reach.name !== undefined) properties['name'] = reach.name;
      return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: reach.coordinates } };
    }),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Box [west, south, east, north] around every vertex of the network, or null when it has none. */
export function networkBounds(network: RiverNetwork): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const id of network.reachIds()) {
    for (const [lon, lat] of network.reach(id)!.coordinates) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return west <= east ? [west, south, east, north] : null;
}

/** The main outlet: the downstream end of the outlet reach of the largest piece. */
export function mainOutlet(network: RiverNetwork): [number, number] | null {
  const outletId = network.pieces()[0]?.outletIds[0];
  const coordinates = outletId === undefined ? undefined : network.reach(outletId)?.coordinates;
  const last = coordinates?.[coordinates.length - 1];
  return last ? [last[0], last[1]] : null;
}

/** The stored basin with new rivers: reaches, outlet, bounds (grown to hold them), communities' reaches; records untouched. */
export function withNewRivers(
  basin: StoredBasin,
  network: RiverNetwork,
  replacement: RiverReplacement = {},
): StoredBasin {
  const box = networkBounds(network);
  const [west, south, east, north] = basin.info.bounds;
  const bounds: [number, number, number, number] = box
    ? [Math.min(west, box[0]), Math.min(south, box[1]), Math.max(east, box[2]), Math.max(north, box[3])]
    : [west, south, east, north];
  const tolerance = basin.info.settings.snapToleranceM * 20;
  const communities = basin.info.communities.map((community) => {
    const { reachId: _old, ...rest } = community;
    const snapped = network.snap(community.anchor, tolerance);
    return snapped.ok ? { ...rest, reachId: snapped.position.reachId } : rest;
  });
  const hillshade = replacement.hillshade;
  return {
    info: {
      ...basin.info,
      bounds,
      outlet: mainOutlet(network) ?? basin.info.outlet,
      communities,
      ...(hillshade ? { hillshade: { file: 'hillshade.png', bounds: [...hillshade.bounds] } } : {}),
    },
    reaches: storedReaches(network),
    subbasins: replacement.subbasins ?? basin.subbasins,
    hillshadeUrl: hillshade ? hillshade.url : basin.hillshadeUrl,
  };
}

/** A record placed on the river, as far as snapping is concerned. */
export interface PlacedRecord {
  readonly id: string;
  readonly version: number;
  readonly location: readonly [number, number];
  readonly snap: NetworkSnap | null;
  readonly returnLocation?: readonly [number, number] | null;
  readonly returnSnap?: NetworkSnap | null;
}

/** One record's new snap(s) on the new network. */
export interface SnapChange {
  readonly id: string;
  readonly expectedVersion: number;
  readonly patch: { snap: NetworkSnap | null; returnSnap?: NetworkSnap | null };
}

function snapOn(network: RiverNetwork, lonLat: readonly [number, number], toleranceM: number): NetworkSnap | null {
  const snapped = network.snap(lonLat, toleranceM);
  return snapped.ok
    ? { reachId: snapped.position.reachId, fraction: snapped.position.fraction, distanceM: round(snapped.distanceM, 2) }
    : null;
}

function sameSnap(a: NetworkSnap | null | undefined, b: NetworkSnap | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.reachId === b.reachId && Math.abs(a.fraction - b.fraction) < 1e-9 && Math.abs(a.distanceM - b.distanceM) < 0.01
  );
}

/** The records whose snap differs on the new network, with their new snaps (locations never move). */
export function snapChanges(network: RiverNetwork, records: readonly PlacedRecord[], toleranceM: number): SnapChange[] {
  const changes: SnapChange[] = [];
  for (const record of records) {
    const snap = snapOn(network, record.location, toleranceM);
    const hasReturn = record.returnLocation !== undefined;
    const returnSnap = record.returnLocation ? snapOn(network, record.returnLocation, toleranceM) : null;
    if (sameSnap(snap, record.snap) && (!hasReturn || sameSnap(returnSnap, record.returnSnap))) continue;
    changes.push({
      id: record.id,
      expectedVersion: record.version,
      patch: hasReturn ? { snap, returnSnap } : { snap },
    });
  }
  return changes;
}

/** Kinds of records that carry a snap to the river. */
export const PLACED_KINDS = ['intakes', 'monitoringPoints', 'contaminationEvents'] as const;

/** How the replacement went: records re-snapped, and the ones that could not be (e.g. edited meanwhile). */
export interface ReplacementOutcome {
  /** Records placed on the new rivers (a new snap). */
  readonly resnapped: number;
  /** Of those, records now too far from every river: they keep their location but no snap. */
  readonly offRiver: number;
  readonly failed: number;
}

/**
 * Stores the new rivers (meta 'basin') and re-snaps every placed record to them through the repository, one new
 * version each, one transaction per kind. Nothing is deleted; when a kind cannot be re-snapped (a record edited
 * meanwhile), its records keep their old versions and are counted as failed.
 */
export async function replaceBasinRivers(
  repository: DexieRepository,
  basin: StoredBasin,
  network: RiverNetwork,
  actor: Actor,
  replacement: RiverReplacement = {},
): Promise<ReplacementOutcome> {
  return storeBasin(repository, withNewRivers(basin, network, replacement), network, actor);
}

/** Puts back a basin kept before a replacement (its rivers, sub-basins, hillshade) and re-snaps the records to it. */
export async function restoreBasin(
  repository: DexieRepository,
  previous: StoredBasin,
  actor: Actor,
): Promise<ReplacementOutcome> {
  return storeBasin(repository, previous, RiverNetwork.fromGeoJson(previous.reaches).network, actor);
}

async function storeBasin(
  repository: DexieRepository,
  stored: StoredBasin,
  network: RiverNetwork,
  actor: Actor,
): Promise<ReplacementOutcome> {
  await repository.setMeta(BASIN_META_KEY, stored);
  const toleranceM = stored.info.settings.snapToleranceM;
  let resnapped = 0;
  let offRiver = 0;
  let failed = 0;
  for (const kind of PLACED_KINDS) {
    const records = (await repository.list(kind)) as unknown as PlacedRecord[];
    const changes = snapChanges(network, records, toleranceM);
    const result = await repository.bulkUpdate(
      kind,
      changes.map((change) => ({
        id: change.id,
        patch: change.patch as Patch<typeof kind>,
        expectedVersion: change.expectedVersion,
      })),
      actor,
    );
    if (result.ok) {
      resnapped += result.value.count;
      offRiver += changes.filter((change) => change.patch.snap === null).length;
    } else failed += changes.length;
  }
  return { resnapped: resnapped - offRiver, offRiver, failed };
}
