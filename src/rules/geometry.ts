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
      return Math.min(...feature.coordinates.map((polygon) => polygonDistanceDegrees(polygon, kx, lon, lat))) * METRES_PER_DEGREE;
  }
}

/**
 * True when a point feature is certainly more than `limitM` from (lon, lat): its larger coordinate difference in
 * the same local frame already exceeds the limit, and distanceToFeatureM's hypotenuse is never shorter than that.
 * A cheap test before the exact distance; always false for polygons.
 * @example surelyFartherThan([-75, 5.01], { type: 'Point', coordinates: [-75, 5] }, 500) // true
 */
export function surelyFartherThan(point: readonly [number, number], feature: FeatureGeometry, limitM: number): boolean {
  if (feature.type !== 'Point') return false;
  // Indexes rather than destructuring: this runs for every event of every protected-zone clause.
  const lon = point[0];
  const lat = point[1];
  const kx = Math.cos((lat * Math.PI) / 180);
  const dx = ((feature.coordinates[0] ?? 0) - lon) * kx;
  const dy = (feature.coordinates[1] ?? 0) - lat;
  return Math.max(Math.abs(dx), Math.abs(dy)) * METRES_PER_DEGREE > limitM;
}
