import type { Feature, Geometry } from 'geojson';
import type { Locale } from '../i18n/define';
import { toCsvText, type CsvCell, type CsvExportColumn } from './csv-export';
import { toGeoJsonText } from './geojson-export';

/*
 * Exports of any register: one row per record (current version, deleted ones left out), the record's own field
 * names as headers so the file can be read back and compared between laptops. Points become lon/lat columns in
 * CSV; areas and lines are only in GeoJSON. Nested values (a withdrawal's entered quantity, notifications) are
 * written as compact JSON in one cell.
 */

type Row = Readonly<Record<string, unknown>>;

/** Fields holding a place, which CSV writes as coordinates or leaves to GeoJSON. */
const POINT_FIELDS = ['location', 'returnLocation'] as const;
const AREA_FIELDS = ['territory', 'geometry'] as const;

function isLonLat(value: unknown): value is readonly [number, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Field names in order of first appearance, over every record. */
function fieldsOf(records: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  return [...seen];
}

/**
 * CSV text of a register, in the locale's spreadsheet dialect.
 * @example recordsToCsv([{ id: 'a', location: [-75.5, 5.1], deleted: false }], 'en') === '\uFEFFid,deleted,location_lon,location_lat\r\na,false,-75.5,5.1\r\n'
 */
export function recordsToCsv(records: readonly Row[], locale: Locale): string {
  const live = records.filter((record) => record['deleted'] !== true);
  const fields = fieldsOf(live);
  const columns: CsvExportColumn<Row>[] = [];
  for (const field of fields) {
    if ((AREA_FIELDS as readonly string[]).includes(field) || (POINT_FIELDS as readonly string[]).includes(field))
      continue;
    columns.push({ header: field, value: (row) => cell(row[field]) });
  }
  for (const field of POINT_FIELDS) {
    if (!fields.includes(field)) continue;
    columns.push({
      header: `${field}_lon`,
      value: (row) => (isLonLat(row[field]) ? row[field][0] : null),
    });
    columns.push({
      header: `${field}_lat`,
      value: (row) => (isLonLat(row[field]) ? row[field][1] : null),
    });
  }
  return toCsvText(columns, live, locale);
}

function geometryOf(record: Row): Geometry | null {
  for (const field of AREA_FIELDS) {
    const value = record[field];
    if (value && typeof value === 'object' && 'type' in value) return value as Geometry;
  }
  const location = record['location'];
  return isLonLat(location) ? { type: 'Point', coordinates: [location[0], location[1]] } : null;
}

/** True when some record of the register has a place on the map. */
export function hasGeometry(records: readonly Row[]): boolean {
  return records.some((record) => geometryOf(record) !== null);
}

/**
 * GeoJSON text of a register: each record's area, line or point with its other fields as properties.
 * @example recordsToGeoJson([{ id: 'a', location: [-75.5, 5.1] }]) // '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",...'
 */
export function recordsToGeoJson(records: readonly Row[]): string {
  const features: Feature<Geometry | null>[] = records
    .filter((record) => record['deleted'] !== true)
    .map((record) => {
      const properties: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) {
        if (!(AREA_FIELDS as readonly string[]).includes(key) && key !== 'location') properties[key] = value;
      }
      return { type: 'Feature', geometry: geometryOf(record), properties };
    });
  return toGeoJsonText(features);
}
