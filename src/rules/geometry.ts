/*
 * The little geometry the protected-zone clause needs: distance in metres from a lon/lat point to a GeoJSON point
 * or polygon (zero inside), measured in a local equirectangular frame around the point, which is accurate to well
 * under a metre at the few-hundred-metre distances such clauses name.
 */

const METRES_PER_DEGREE = 111_195.08;

type Position = readonly number[];

/** A point, polygon or multipolygon feature, as protected-zone clauses store it. */
export type FeatureGeometry =
  | { readonly type: 'Point'; readonly coordinates: Position }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly Position[])[])[] };

function ringContains(ring: readonly Position[], x: number, y: number, kx: number, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ((ring[i]![0] ?? 0) - lon) * kx;
    const yi = (ring[i]![1] ?? 0) - lat;
    const xj = ((ring[j]![0] ?? 0) - lon) * kx;
    const yj = (ring[j]![1] ?? 0) - lat;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringDistanceDegrees(ring: readonly Position[], kx: number, lon: number, lat: number): number {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const ax = ((ring[i - 1]![0] ?? 0) - lon) * kx;
    const ay = (ring[i - 1]![1] ?? 0) - lat;
    const bx = ((ring[i]![0] ?? 0) - lon) * kx;
    const by = (ring[i]![1] ?? 0) - lat;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0;
    best = Math.min(best, Math.hypot(ax + dx * t, ay + dy * t));
  }
  return best;
}

function polygonDistanceDegrees(rings: readonly (readonly Position[])[], kx: number, lon: number, lat: number): number {
  const outer = rings[0];
  if (!outer) return Infinity;
  const insideOuter = ringContains(outer, 0, 0, kx, lon, lat);
  const insideHole = rings.slice(1).some((hole) => ringContains(hole, 0, 0, kx, lon, lat));
  if (insideOuter && !insideHole) return 0;
  return Math.min(...rings.map((ring) => ringDistanceDegrees(ring, kx, lon, lat)));
}

/**
 * Distance in metres from (lon, lat) to a feature; 0 inside a polygon.
 * @example distanceToFeatureM([-75, 5.001], { type: 'Point', coordinates: [-75, 5] }) // about 111.2
 */
export function distanceToFeatureM(point: readonly [number, number], feature: FeatureGeometry): number {
  const [lon, lat] = point;
  const kx = Math.cos((lat * Math.PI) / 180);
  switch (feature.type) {
    case 'Point': {
      const dx = ((feature.coordinates[0] ?? 0) - lon) * kx;
      const dy = (feature.coordinates[1] ?? 0) - lat;
      return Math.hypot(dx, dy) * METRES_PER_DEGREE;
    }
    case 'Polygon':
      return polygonDistanceDegrees(feature.coordinates, kx, lon, lat) * METRES_PER_DEGREE;
    case 'MultiPolygon':
      return (
        Math.min(...feature.coordinates.map((polygon) => polygonDistanceDegrees(polygon, kx, lon, lat))) *
        METRES_PER_DEGREE
      );
  }
}

/** A lon/lat box, degrees. */
export interface Bounds {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

/**
 * A box that holds every point within `limitM` of the feature, so that a point outside it is certainly farther:
 * the feature's own box widened by the limit, in longitude at the narrowest scale inside the box (where a degree of
 * longitude is shortest). Clauses test it before the exact distance, for every intake and event.
 * @example isInBounds([-75, 5.01], boundsWithin({ type: 'Point', coordinates: [-75, 5] }, 500)) === false
 */
export function boundsWithin(feature: FeatureGeometry, limitM: number): Bounds {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const add = (position: Position): void => {
    const lon = position[0] ?? 0;
    const lat = position[1] ?? 0;
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  };
  if (feature.type === 'Point') add(feature.coordinates);
  else if (feature.type === 'Polygon') feature.coordinates.forEach((ring) => ring.forEach(add));
  else feature.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(add)));
  const dLat = limitM / METRES_PER_DEGREE;
  const widestLat = Math.min(89.9, Math.max(Math.abs(minLat - dLat), Math.abs(maxLat + dLat)));
  const dLon = limitM / (METRES_PER_DEGREE * Math.cos((widestLat * Math.PI) / 180));
  return { minLon: minLon - dLon, minLat: minLat - dLat, maxLon: maxLon + dLon, maxLat: maxLat + dLat };
}

/** True when (lon, lat) lies in the box, edges included. */
export function isInBounds(point: readonly [number, number], bounds: Bounds): boolean {
  const lon = point[0];
  const lat = point[1];
  return lon >= bounds.minLon && lon <= bounds.maxLon && lat >= bounds.minLat && lat <= bounds.maxLat;
}
