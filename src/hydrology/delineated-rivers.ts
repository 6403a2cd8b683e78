import type { FeatureCollection, LineString } from 'geojson';
import { toLonLatFunction } from './dem/crs';
import type { Raster } from './dem/raster';

/*
 * Turning a DEM delineation into a basin's rivers: each stream link gets its own catchment area (what drains to
 * its last cell minus what its upstream links bring), so the river network's drainage areas add up as the
 * DEM's do; and the raster's footprint in lon/lat for drawing its hillshade.
 */

/** The properties a delineated stream link carries (a subset of the DEM's StreamLinkProperties). */
interface LinkProperties {
  readonly id: number;
  readonly toid: number | null;
  readonly drainageAreaKm2: number;
}

/**
 * The stream links with `areaKm2`, each link's own catchment (km2): its drainage area minus the drainage areas of
 * the links flowing into it, never below zero.
 *
 * @example withOwnAreas(streams).features[0].properties.areaKm2 // 0.42 for a headwater link draining 0.42 km2
 */
export function withOwnAreas<P extends LinkProperties>(
  streams: FeatureCollection<LineString, P>,
): FeatureCollection<LineString, P & { areaKm2: number }> {
  const inflowKm2 = new Map<number, number>();
  for (const feature of streams.features) {
    const { toid, drainageAreaKm2 } = feature.properties;
    if (toid !== null) inflowKm2.set(toid, (inflowKm2.get(toid) ?? 0) + drainageAreaKm2);
  }
  return {
    type: 'FeatureCollection',
    features: streams.features.map((feature) => ({
      ...feature,
      properties: {
        ...feature.properties,
        areaKm2: Math.max(0, feature.properties.drainageAreaKm2 - (inflowKm2.get(feature.properties.id) ?? 0)),
      },
    })),
  };
}

/**
 * The box [west, south, east, north] in degrees that a raster covers (a UTM raster's four corners converted).
 *
 * @example rasterBoundsLonLat(raster) // [-75.66, 4.94, -75.54, 5.06] for a geographic raster with those edges
 */
export function rasterBoundsLonLat(raster: Raster): [number, number, number, number] {
  const { originX, originY, cellSizeX, cellSizeY } = raster.transform;
  const east = originX + raster.width * cellSizeX;
  const south = originY - raster.height * cellSizeY;
  const toLonLat = toLonLatFunction(raster);
  const corners = [
    toLonLat(originX, originY),
    toLonLat(east, originY),
    toLonLat(east, south),
    toLonLat(originX, south),
  ];
  const lons = corners.map((corner) => corner[0]);
  const lats = corners.map((corner) => corner[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * The stream links that drain to the link ending at `outletCell` (that link included), so a delineation without a
 * chosen outlet keeps one basin, the one of the largest river, instead of every stream leaving the raster. All
 * links come back when no link ends at that cell.
 *
 * @example linksDrainingTo(streams, result.outletCell).features.every((f) => f.properties.toid !== null || ...)
 */
export function linksDrainingTo<
  P extends { readonly id: number; readonly toid: number | null; readonly outletCell: number },
>(streams: FeatureCollection<LineString, P>, outletCell: number): FeatureCollection<LineString, P> {
  const outletLink = streams.features.find((feature) => feature.properties.outletCell === outletCell)?.properties.id;
  if (outletLink === undefined) return streams;
  const downstreamOf = new Map(streams.features.map((feature) => [feature.properties.id, feature.properties.toid]));
  const reaches = new Map<number, boolean>([[outletLink, true]]);
  const drains = (id: number): boolean => {
    const path: number[] = [];
    let current: number | null | undefined = id;
    let result = false;
    while (current !== null && current !== undefined) {
      const known = reaches.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(current);
      current = downstreamOf.get(current);
    }
    for (const visited of path) reaches.set(visited, result);
    return result;
  };
  return { type: 'FeatureCollection', features: streams.features.filter((feature) => drains(feature.properties.id)) };
}
