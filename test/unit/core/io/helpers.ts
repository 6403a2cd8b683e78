import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import type { XmlDocument } from '../../../../src/io/geo-import';

/** Folder of the io fixtures. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/io');

/** Bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/** Text of a fixture file, as the renderer would hand it over (UTF-8, BOM kept). */
export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * Compares `actual` with the JSON golden file `name`; with UPDATE_GOLDEN=1 rewrites the file instead.
 * Review the diff of a regenerated golden before committing it.
 */
export function expectGolden(name: string, actual: unknown): void {
  const file = path.join(FIXTURES, name);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(file, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const { DOMParser } = new JSDOM('').window;

/** The XML parser the renderer passes (DOMParser), here jsdom's. */
export function parseXml(text: string): XmlDocument {
  return new DOMParser().parseFromString(text, 'text/xml');
}

const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;

/**
 * Longitude/latitude to UTM easting/northing by Krüger's series to n^4 (Karney 2011, eq. 7-13): an
 * implementation independent of proj4, accurate to well under a millimetre inside a zone, so a reprojection
 * test checks proj4's answer rather than repeating it.
 */
export function lonLatToUtm(lon: number, lat: number, zone: number, south: boolean): [number, number] {
  const n = WGS84_F / (2 - WGS84_F);
  const e = Math.sqrt(WGS84_F * (2 - WGS84_F));
  const bigA = (WGS84_A / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const alpha = [
    n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180,
    (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440,
    (61 * n ** 3) / 240 - (103 * n ** 4) / 140,
    (49561 * n ** 4) / 161280,
  ];
  const phi = (lat * Math.PI) / 180;
  const lambda = ((lon - (zone * 6 - 183)) * Math.PI) / 180;
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
  const xiPrime = Math.atan2(t, Math.cos(lambda));
  const etaPrime = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xiPrime;
  let eta = etaPrime;
  alpha.forEach((a, index) => {
    const j = 2 * (index + 1);
    xi += a * Math.sin(j * xiPrime) * Math.cosh(j * etaPrime);
    eta += a * Math.cos(j * xiPrime) * Math.sinh(j * etaPrime);
  });
  const k0 = 0.9996;
  return [500000 + k0 * bigA * eta, (south ? 10000000 : 0) + k0 * bigA * xi];
}

/** Distance in metres between two lon/lat positions (haversine on a 6,371 km sphere; enough for a 1 m check). */
export function distanceM(a: readonly number[], b: readonly number[]): number {
  const toRadians = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const dLat = (lat2 - lat1) * toRadians;
  const dLon = (lon2 - lon1) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRadians) * Math.cos(lat2 * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}
