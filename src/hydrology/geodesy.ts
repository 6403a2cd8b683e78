/** Mean Earth radius in metres (IUGG), the sphere every distance in the hydrology core is measured on. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Great-circle distance between two lon/lat points, in metres.
 *
 * @example haversineM(-79.0, 36.0, -79.0, 36.001) // about 111.2
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi1 = lat1 * RADIANS_PER_DEGREE;
  const phi2 = lat2 * RADIANS_PER_DEGREE;
  const dPhi = phi2 - phi1;
  const dLambda = (lon2 - lon1) * RADIANS_PER_DEGREE;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Length of a lon/lat polyline along great circles, in kilometres.
 *
 * @example lineLengthKm([[-79, 36], [-79, 36.01]]) // about 1.112
 */
export function lineLengthKm(coordinates: readonly (readonly [number, number])[]): number {
  let lengthM = 0;
  for (let i = 1; i < coordinates.length; i++) {
    const a = coordinates[i - 1]!;
    const b = coordinates[i]!;
    lengthM += haversineM(a[0], a[1], b[0], b[1]);
  }
  return lengthM / 1000;
}

/** Metres per degree of latitude on the mean sphere. */
export const METRES_PER_DEGREE_LATITUDE = EARTH_RADIUS_M * RADIANS_PER_DEGREE;

/**
 * Closest point to (lon, lat) on the segment a-b, computed in a local equirectangular frame centred on the
 * query point (accurate to well under a metre for segments of a few kilometres), as the fraction along the
 * segment (0 at a, 1 at b) and the great-circle distance to it in metres.
 *
 * @example closestOnSegment(0, 0.001, [-0.001, 0], [0.001, 0]) // { t: 0.5, distanceM: about 111.2, lon: 0, lat: 0 }
 */
export function closestOnSegment(
  lon: number,
  lat: number,
  a: readonly [number, number],
  b: readonly [number, number],
): { t: number; distanceM: number; lon: number; lat: number } {
  const kx = Math.cos(lat * RADIANS_PER_DEGREE);
  const ax = (a[0] - lon) * kx;
  const ay = a[1] - lat;
  const bx = (b[0] - lon) * kx;
  const by = b[1] - lat;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared > 0 ? -(ax * dx + ay * dy) / lengthSquared : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const pLon = a[0] + (b[0] - a[0]) * t;
  const pLat = a[1] + (b[1] - a[1]) * t;
  return {
    t,
    distanceM: haversineM(lon, lat, pLon, pLat),
    lon: pLon,
    lat: pLat,
  };
}
