import { area, booleanPointInPolygon, length } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';

/*
 * Sizes of restoration sites, the way a technician reports them: polygons in hectares (geodesic area), lines such
 * as a riparian strip or a row of check dams in kilometres along the ground.
 */

/** A restoration site's geometry. */
export type SiteGeometry = Polygon | MultiPolygon | LineString;

/** Area in hectares and length in km of a site; area is 0 for a line, length is the perimeter for a polygon. */
export interface SiteMeasure {
  readonly areaHa: number;
  readonly lengthKm: number;
}

/**
 * Measures a site: geodesic area (ha) for polygons, length along great circles (km) for lines and outlines.
 * @example measureSite({ type: 'LineString', coordinates: [[-75.6, 5], [-75.6, 5.009]] }).lengthKm // about 1.0
 */
export function measureSite(geometry: SiteGeometry): SiteMeasure {
  const feature: Feature<SiteGeometry> = { type: 'Feature', properties: {}, geometry };
  const areaHa = geometry.type === 'LineString' ? 0 : area(feature) / 10_000;
  return { areaHa, lengthKm: length(feature, { units: 'kilometers' }) };
}

/**
 * The site geometries of imported features: polygons and lines kept (a MultiLineString, as a GPX track with
 * several segments, becomes one line per segment); points and empty shapes dropped.
 * @example siteGeometriesOf([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }]) // []
 */
export function siteGeometriesOf(features: readonly Feature<Geometry | null>[]): { geometry: SiteGeometry; name: string | null }[] {
  const found: { geometry: SiteGeometry; name: string | null }[] = [];
  for (const feature of features) {
    const geometry = feature.geometry;
    const rawName = feature.properties?.['name'];
    const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 200) : null;
    if (!geometry) continue;
    if (geometry.type === 'Polygon' && geometry.coordinates[0] && geometry.coordinates[0].length >= 4) found.push({ geometry, name });
    else if (geometry.type === 'MultiPolygon' && geometry.coordinates.length > 0) found.push({ geometry, name });
    else if (geometry.type === 'LineString' && geometry.coordinates.length >= 2) found.push({ geometry, name });
    else if (geometry.type === 'MultiLineString') {
      for (const coordinates of geometry.coordinates) {
        if (coordinates.length >= 2) found.push({ geometry: { type: 'LineString', coordinates }, name });
      }
    }
  }
  return found;
}

/**
 * The first community whose territory contains the first vertex of a site, or null (the form's suggestion).
 * @example communityContaining(site.geometry, communities) // 'c0a11e5e-...-0002'
 */
export function communityContaining(
  geometry: SiteGeometry,
  communities: readonly { readonly id: string; readonly territory: Polygon | MultiPolygon | null; readonly deleted?: boolean }[],
): string | null {
  const first =
    geometry.type === 'LineString' ? geometry.coordinates[0] : geometry.type === 'Polygon' ? geometry.coordinates[0]?.[0] : geometry.coordinates[0]?.[0]?.[0];
  if (!first) return null;
  for (const community of communities) {
    if (community.deleted || !community.territory) continue;
    if (booleanPointInPolygon(first, community.territory)) return community.id;
  }
  return null;
}
