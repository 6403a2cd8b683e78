/**
 * The coordinate systems the DEM pipeline understands, and conversions to and from lon/lat.
 *
 * Supported, by EPSG code:
 * - geographic, degrees: 4326 (WGS 84), 4269 (NAD83), 4674 (SIRGAS 2000);
 * - UTM, metres: 32601-32660 and 32701-32760 (WGS 84 / UTM north and south), 26901-26923 (NAD83 / UTM north),
 *   31965-31976 (SIRGAS 2000 / UTM 11N-22N) and 31977-31985 (SIRGAS 2000 / UTM 17S-25S).
 * The datums differ from WGS 84 by less than 2 m, below a DEM cell, so all are treated as WGS 84.
 */
import type { Raster } from './raster';

/** A UTM zone: number 1-60 and hemisphere. */
export interface UtmZone {
  /** Zone number, 1-60. */
  readonly zone: number;
  /** True for the southern hemisphere (false northing 10,000 km). */
  readonly south: boolean;
}

/** Geographic EPSG codes this pipeline accepts. */
export const SUPPORTED_GEOGRAPHIC_EPSG: readonly number[] = [4326, 4269, 4674];

/**
 * The UTM zone of a supported projected EPSG code, or null when the code is not a supported UTM zone.
 *
 * @example utmZoneOfEpsg(32718) // { zone: 18, south: true }
 */
export function utmZoneOfEpsg(epsg: number): UtmZone | null {
  if (epsg >= 32601 && epsg <= 32660) return { zone: epsg - 32600, south: false };
  if (epsg >= 32701 && epsg <= 32760) return { zone: epsg - 32700, south: true };
  if (epsg >= 26901 && epsg <= 26923) return { zone: epsg - 26900, south: false };
  if (epsg >= 31965 && epsg <= 31976) return { zone: epsg - 31965 + 11, south: false };
  if (epsg >= 31977 && epsg <= 31985) return { zone: epsg - 31977 + 17, south: true };
  return null;
}

/** True when the EPSG code is one of the supported geographic or UTM systems. */
export function isSupportedEpsg(epsg: number): boolean {
  return SUPPORTED_GEOGRAPHIC_EPSG.includes(epsg) || utmZoneOfEpsg(epsg) !== null;
}

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const K0 = 0.9996;
const DEG = Math.PI / 180;

function meridianArcM(phi: number): number {
  const e4 = E2 * E2;
  const e6 = e4 * E2;
  return (
    A *
    ((1 - E2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * E2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi))
  );
}

/**
 * Projects lon/lat (degrees, WGS 84) to UTM easting/northing (metres), Snyder's series (mm-level in the zone).
 *
 * @example utmFromLonLat(-75, 4.5, { zone: 18, south: false }) // [500000, ~497,500]
 */
export function utmFromLonLat(lon: number, lat: number, utm: UtmZone): [number, number] {
  const phi = lat * DEG;
  const lambda0 = ((utm.zone - 1) * 6 - 180 + 3) * DEG;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const tanPhi = Math.tan(phi);
  const n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
  const t = tanPhi * tanPhi;
  const c = EP2 * cosPhi * cosPhi;
  const a = (lon * DEG - lambda0) * cosPhi;
  const m = meridianArcM(phi);
  const easting =
    K0 * n * (a + ((1 - t + c) * a ** 3) / 6 + ((5 - 18 * t + t * t + 72 * c - 58 * EP2) * a ** 5) / 120) + 500000;
  let northing =
    K0 *
    (m +
      n *
        tanPhi *
        ((a * a) / 2 +
          ((5 - t + 9 * c + 4 * c * c) * a ** 4) / 24 +
          ((61 - 58 * t + t * t + 600 * c - 330 * EP2) * a ** 6) / 720));
  if (utm.south) northing += 10000000;
  return [easting, northing];
}

/**
 * Converts UTM easting/northing (metres) back to lon/lat (degrees, WGS 84).
 *
 * @example utmToLonLat(500000, 0, { zone: 18, south: false }) // [-75, 0]
 */
export function utmToLonLat(easting: number, northing: number, utm: UtmZone): [number, number] {
  const x = easting - 500000;
  const y = utm.south ? northing - 10000000 : northing;
  const lambda0 = ((utm.zone - 1) * 6 - 180 + 3) * DEG;
  const m = y / K0;
  const mu = m / (A * (1 - E2 / 4 - (3 * E2 * E2) / 64 - (5 * E2 ** 3) / 256));
  const e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
  const phi1 =
    mu +
    ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu) +
    ((21 * e1 * e1) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu) +
    ((151 * e1 ** 3) / 96) * Math.sin(6 * mu) +
    ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const sinPhi1 = Math.sin(phi1);
  const cosPhi1 = Math.cos(phi1);
  const tanPhi1 = Math.tan(phi1);
  const c1 = EP2 * cosPhi1 * cosPhi1;
  const t1 = tanPhi1 * tanPhi1;
  const n1 = A / Math.sqrt(1 - E2 * sinPhi1 * sinPhi1);
  const r1 = (A * (1 - E2)) / (1 - E2 * sinPhi1 * sinPhi1) ** 1.5;
  const d = x / (n1 * K0);
  const lat =
    phi1 -
    ((n1 * tanPhi1) / r1) *
      ((d * d) / 2 -
        ((5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * EP2) * d ** 4) / 24 +
        ((61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * EP2 - 3 * c1 * c1) * d ** 6) / 720);
  const lon =
    lambda0 +
    (d -
      ((1 + 2 * t1 + c1) * d ** 3) / 6 +
      ((5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * EP2 + 24 * t1 * t1) * d ** 5) / 120) /
      cosPhi1;
  return [lon / DEG, lat / DEG];
}

/**
 * A function that turns the raster's own coordinates into [lon, lat] degrees. Geographic rasters and projected
 * rasters without a known UTM code pass coordinates through unchanged.
 *
 * @example toLonLatFunction(raster)(500000, 0) // [-75, 0] for a UTM 18N raster
 */
export function toLonLatFunction(raster: Raster): (x: number, y: number) => [number, number] {
  const utm = !raster.geographic && raster.epsg !== undefined ? utmZoneOfEpsg(raster.epsg) : null;
  if (utm === null) return (x, y) => [x, y];
  return (x, y) => utmToLonLat(x, y, utm);
}

/**
 * A function that turns [lon, lat] degrees into the raster's own coordinates (the inverse of toLonLatFunction).
 *
 * @example fromLonLatFunction(raster)(-75, 0) // [500000, 0] for a UTM 18N raster
 */
export function fromLonLatFunction(raster: Raster): (lon: number, lat: number) => [number, number] {
  const utm = !raster.geographic && raster.epsg !== undefined ? utmZoneOfEpsg(raster.epsg) : null;
  if (utm === null) return (lon, lat) => [lon, lat];
  return (lon, lat) => utmFromLonLat(lon, lat, utm);
}
