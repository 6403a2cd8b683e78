import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Community, Intake, MonitoringPoint } from '../../src/domain/records';
import type { BasinSnapshot, MapLabel } from '../map/basin-snapshot';
import type { Session } from './session';

/*
 * The map's snapshot of the basin: geometry from the session, and the record layers (territories, intakes,
 * monitoring points) from live queries, so a record saved anywhere shows on the map at once.
 */

function point(lonLat: readonly [number, number], properties: Record<string, unknown>): GeoJSON.Feature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lonLat[0], lonLat[1]] } };
}

function collection(features: GeoJSON.Feature[]): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** Territories, intakes and monitoring points as map features; each carries `kind` and `id` for clicks. */
export function recordLayers(communities: readonly Community[], intakes: readonly Intake[], points: readonly MonitoringPoint[]) {
  return {
    territories: collection(
      communities
        .filter((community) => !community.deleted && community.territory)
        .map((community) => ({
          type: 'Feature' as const,
          properties: { kind: 'communities', id: community.id, name: community.name },
          geometry: community.territory as GeoJSON.Geometry,
        })),
    ),
    intakes: collection(
      intakes
        .filter((intake) => !intake.deleted)
        .map((intake) => point(intake.location, { kind: 'intakes', id: intake.id, name: intake.name, use: intake.use })),
    ),
    monitoringPoints: collection(
      points
        .filter((monitoringPoint) => !monitoringPoint.deleted)
        .map((monitoringPoint) =>
          point(monitoringPoint.location, { kind: 'monitoringPoints', id: monitoringPoint.id, name: monitoringPoint.name }),
        ),
    ),
  };
}

/** Where each community's name goes: its anchor in the basin file, else the middle of its territory's box. */
export function communityLabels(communities: readonly Community[], anchors: ReadonlyMap<string, readonly [number, number]>): MapLabel[] {
  const labels: MapLabel[] = [];
  for (const community of communities) {
    if (community.deleted) continue;
    const anchor = anchors.get(community.id);
    if (anchor) {
      labels.push({ lonLat: anchor, text: community.name });
      continue;
    }
    const ring = community.territory?.type === 'Polygon' ? community.territory.coordinates[0] : community.territory?.coordinates[0]?.[0];
    if (!ring || ring.length === 0) continue;
    const lons = ring.map((position) => position[0] ?? 0);
    const lats = ring.map((position) => position[1] ?? 0);
    labels.push({
      lonLat: [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2],
      text: community.name,
    });
  }
  return labels;
}

/** The snapshot the map draws, kept current with the store. */
export function useBasinSnapshot(session: Session): BasinSnapshot | null {
  const live = useLiveQuery(
    async () => {
      const [communities, intakes, points] = await Promise.all([
        session.db.recordTable('communities').toArray(),
        session.db.recordTable('intakes').toArray(),
        session.db.recordTable('monitoringPoints').toArray(),
      ]);
      return { ...recordLayers(communities, intakes, points), communities };
    },
    [session],
  );
  const { info, reaches, subbasins, hillshadeUrl } = session.basin;
  return useMemo(() => {
    if (!live) return null;
    const { communities, ...layers } = live;
    const anchors = new Map(info.communities.map((community) => [community.id, community.anchor] as const));
    const [west, south, east, north] = info.hillshade?.bounds ?? info.bounds;
    return {
      bounds: info.bounds,
      hillshade: hillshadeUrl
        ? {
            url: hillshadeUrl,
            coordinates: [
              [west, north],
              [east, north],
              [east, south],
              [west, south],
            ],
          }
        : null,
      reaches,
      subbasins,
      ...layers,
      labels: communityLabels(communities, anchors),
      outlet: collection([point(info.outlet, { kind: 'outlet' })]),
    };
  }, [live, info, reaches, subbasins, hillshadeUrl]);
}
