import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';

/*
 * GeoJSON as RFC 7946 asks: WGS84 longitude/latitude, no `crs` member, coordinates rounded to 7 decimals
 * (about 1 cm), which keeps files small and stable for comparison between laptops.
 */

/** Options of toGeoJsonText. */
export interface GeoJsonExportOptions {
  /** Decimals kept in coordinates; default 7 (about 1 cm at the equator). */
  readonly precision?: number;
  /** Indentation for people reading the file; default none. */
  readonly indent?: number;
}

function roundPositions(geometry: Geometry, round: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: round(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(round) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(round) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((line) => line.map(round)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(round))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((part) => roundPositions(part, round)) };
  }
}

/**
 * Writes features as a GeoJSON FeatureCollection text (WGS84, coordinates rounded to `precision` decimals).
 * Features without geometry are written with `geometry: null`, as the format allows.
 * @example toGeoJsonText([{ type: 'Feature', geometry: { type: 'Point', coordinates: [-75.123456789, 4.5] }, properties: {} }])
 *   === '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-75.1234568,4.5]},"properties":{}}]}'
 */
export function toGeoJsonText(features: Iterable<Feature<Geometry | null, GeoJsonProperties>>, options: GeoJsonExportOptions = {}): string {
  const factor = 10 ** (options.precision ?? 7);
  const round = (position: Position): Position => position.map((value) => Math.round(value * factor) / factor);
  const collection: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features: [] };
  for (const feature of features) {
    const written: Feature<Geometry | null, GeoJsonProperties> = {
      type: 'Feature',
      ...(feature.id === undefined ? {} : { id: feature.id }),
      geometry: feature.geometry === null ? null : roundPositions(feature.geometry, round),
      properties: feature.properties ?? {},
    };
    collection.features.push(written);
  }
  return JSON.stringify(collection, null, options.indent);
}
