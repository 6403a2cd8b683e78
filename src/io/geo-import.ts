import { gpx, kml } from '@tmcw/togeojson';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { type IoFailure, type IoIssue, ioFailure, ioIssue } from './issues';
import { decodeText, isValidUtf8 } from './text-decode';

/*
 * Map layers from the files technicians bring: GeoJSON (QGIS), KML and KMZ (Google Earth), GPX (phone GPS apps)
 * and zipped Shapefiles. Everything comes out as GeoJSON features in WGS84 longitude/latitude, 2D, with no empty
 * geometries. Coordinates are never guessed: a projected file is reprojected only from a CRS it names (a .prj, a
 * GeoJSON `crs`) that proj4 can read, and refused otherwise with a code that says what was found.
 */

/** The formats importGeoFile reads. */
export type GeoFormat = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'shapefile';

/** An XML document as togeojson reads it: the browser's DOMParser result, or jsdom's in Node tests. */
export type XmlDocument = Parameters<typeof gpx>[0];

/** Options of importGeoFile. */
export interface GeoImportOptions {
  /**
   * Parses XML text (KML, GPX); the core has no DOM, so the caller passes one, e.g.
   * `(text) => new DOMParser().parseFromString(text, 'text/xml')`. Without it KML and GPX are refused.
   */
  readonly parseXml?: (text: string) => XmlDocument;
  /** Largest file, or uncompressed size of a zip's members, accepted; bytes. Default 512 MiB. */
  readonly maxBytes?: number;
}

/** Features in WGS84 with the warnings of the import, or why the file was refused. */
export type GeoImportResult =
  | {
      readonly ok: true;
      readonly format: GeoFormat;
      readonly features: Feature<Geometry, GeoJsonProperties>[];
      readonly warnings: readonly IoIssue[];
    }
  | IoFailure;

/** Default of GeoImportOptions.maxBytes: 512 MiB. */
export const DEFAULT_MAX_GEO_BYTES = 512 * 1024 * 1024;

type Converter = (position: readonly number[]) => number[];

interface Collected {
  readonly features: Feature<Geometry, GeoJsonProperties>[];
  readonly warnings: IoIssue[];
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry clean-up shared by every format.

interface CleanStats {
  elevation: boolean;
  invalid: boolean;
}

function cleanPosition(value: unknown, stats: CleanStats): Position | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [x, y, z] = value as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    stats.invalid = true;
    return null;
  }
  if (typeof z === 'number' && z !== 0 && Number.isFinite(z)) stats.elevation = true;
  return [x, y];
}

function cleanPositions(value: unknown, minimum: number, stats: CleanStats): Position[] | null {
  if (!Array.isArray(value)) return null;
  const positions: Position[] = [];
  for (const item of value) {
    const position = cleanPosition(item, stats);
    if (position === null) return null;
    positions.push(position);
  }
  return positions.length >= minimum ? positions : null;
}

function cleanPolygon(value: unknown, stats: CleanStats): Position[][] | null {
  if (!Array.isArray(value)) return null;
  const rings = value.map((ring) => cleanPositions(ring, 4, stats)).filter((ring): ring is Position[] => ring !== null);
  return rings.length > 0 ? rings : null;
}

function nonEmpty<T>(items: readonly (T | null)[]): T[] | null {
  const kept = items.filter((item): item is T => item !== null);
  return kept.length > 0 ? kept : null;
}

/** A 2D copy of a geometry without bbox, empty parts removed; null when nothing is left. */
function cleanGeometry(geometry: unknown, stats: CleanStats): Geometry | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const list = Array.isArray(coordinates) ? (coordinates as unknown[]) : null;
  switch (type) {
    case 'Point': {
      const position = cleanPosition(coordinates, stats);
      return position === null ? null : { type, coordinates: position };
    }
    case 'MultiPoint': {
      const positions = list && nonEmpty(list.map((item) => cleanPosition(item, stats)));
      return positions ? { type, coordinates: positions } : null;
    }
    case 'LineString': {
      const positions = cleanPositions(coordinates, 2, stats);
      return positions ? { type, coordinates: positions } : null;
    }
    case 'MultiLineString': {
      const lines = list && nonEmpty(list.map((line) => cleanPositions(line, 2, stats)));
      return lines ? { type, coordinates: lines } : null;
    }
    case 'Polygon': {
      const rings = cleanPolygon(coordinates, stats);
      return rings ? { type, coordinates: rings } : null;
    }
    case 'MultiPolygon': {
      const polygons = list && nonEmpty(list.map((polygon) => cleanPolygon(polygon, stats)));
      return polygons ? { type, coordinates: polygons } : null;
    }
    case 'GeometryCollection': {
      const parts = Array.isArray(geometries) ? nonEmpty(geometries.map((part: unknown) => cleanGeometry(part, stats))) : null;
      return parts ? { type, geometries: parts } : null;
    }
    default:
      stats.invalid = true;
      return null;
  }
}

function mapPositions(geometry: Geometry, convert: Converter): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: convert(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(convert) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(convert) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((line) => line.map(convert)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(convert)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((part) => mapPositions(part, convert)) };
  }
}

function firstPosition(geometry: Geometry): Position | null {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates[0] ?? null;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return geometry.coordinates[0]?.[0]?.[0] ?? null;
    case 'GeometryCollection':
      return geometry.geometries[0] ? firstPosition(geometry.geometries[0]) : null;
  }
}

function outsideLonLat(geometry: Geometry): Position | null {
  let found: Position | null = null;
  mapPositions(geometry, (position) => {
    const [x = 0, y = 0] = position;
    if (found === null && (Math.abs(x) > 180 || Math.abs(y) > 90 || !Number.isFinite(x) || !Number.isFinite(y))) found = [x, y];
    return [x, y];
  });
  return found;
}

function jsonProperties(properties: unknown): GeoJsonProperties {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    // Dates from .dbf files: kept as ISO calendar dates so properties stay plain JSON.
    out[key] = value instanceof Date ? (Number.isNaN(value.getTime()) ? null : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`) : value;
  }
  return out;
}

function formatPosition(position: Position): string {
  return position.map((value) => (Math.abs(value) >= 1000 ? value.toFixed(0) : String(Math.round(value * 1e6) / 1e6))).join(', ');
}

/**
 * Cleans raw features (from any reader) into WGS84 2D features: empty or invalid geometries dropped with a
 * warning, elevations removed (a warning when any was not 0), and a projection applied when given. Refuses
 * the set when a coordinate is outside longitude/latitude range after that.
 */
function finish(raw: readonly unknown[], convert: Converter | null, crsLabel: string | null, collected: Collected): IoFailure | null {
  let dropped = 0;
  let elevated = 0;
  for (const item of raw) {
    const { geometry, properties, id } = (typeof item === 'object' && item !== null ? item : {}) as {
      geometry?: unknown;
      properties?: unknown;
      id?: unknown;
    };
    const stats: CleanStats = { elevation: false, invalid: false };
    const cleaned = cleanGeometry(geometry, stats);
    if (cleaned === null) {
      dropped += 1;
      continue;
    }
    if (stats.elevation) elevated += 1;
    const projected = convert ? mapPositions(cleaned, convert) : cleaned;
    const outside = outsideLonLat(projected);
    if (outside !== null) {
      if (crsLabel !== null) return ioFailure('io.geo.reprojectionFailed', { crs: crsLabel, example: formatPosition(firstPosition(cleaned) ?? outside) });
      return ioFailure('io.geo.projectedCoordinates', { example: formatPosition(outside) });
    }
    const feature: Feature<Geometry, GeoJsonProperties> = { type: 'Feature', geometry: projected, properties: jsonProperties(properties) };
    if (typeof id === 'string' || typeof id === 'number') feature.id = id;
    collected.features.push(feature);
  }
  if (dropped > 0) collected.warnings.push(ioIssue('io.geo.emptyGeometriesDropped', { count: dropped }));
  if (elevated > 0) collected.warnings.push(ioIssue('io.geo.elevationDropped', { count: elevated }));
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Coordinate reference systems.

const WGS84 = 'EPSG:4326';

// Geographic systems equal to WGS84 within a metre or two: SIRGAS 2000 (4674), NAD83 (4269).
const GEOGRAPHIC_CODES = new Set([4326, 4674, 4269]);

/** proj4 definition of an EPSG code the importer accepts in a GeoJSON `crs`, or null. */
function projectedDefinition(code: number): string | null {
  if (code === 3857 || code === 900913) return 'EPSG:3857';
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) return `EPSG:${code}`;
  // SIRGAS 2000 / UTM zones 17S-25S (31977-31985), used across Brazil; SIRGAS 2000 equals WGS84 within a metre.
  if (code >= 31977 && code <= 31985) return `+proj=utm +zone=${code - 31960} +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
  return null;
}

function crsNameOf(crs: unknown): string | null {
  if (typeof crs !== 'object' || crs === null) return null;
  const { properties } = crs as { properties?: { name?: unknown; href?: unknown } };
  const name = properties?.name ?? properties?.href;
  return typeof name === 'string' ? name : JSON.stringify(crs).slice(0, 80);
}

/** Converter from a GeoJSON `crs` name to WGS84: null for lon/lat already, undefined when unknown. */
function converterForCrsName(name: string): Converter | null | undefined {
  if (/CRS:?84$/i.test(name)) return null;
  const match = /EPSG(?::+|\/\d+\/)(\d+)$/i.exec(name.trim());
  if (!match) return undefined;
  const code = Number(match[1]);
  if (GEOGRAPHIC_CODES.has(code)) return null;
  const definition = projectedDefinition(code);
  if (definition === null) return undefined;
  const converter = proj4(definition, WGS84);
  return (position) => converter.forward([position[0] ?? 0, position[1] ?? 0]);
}

/** The CRS name a .prj states (PROJCS["..."]), for messages. */
function prjLabel(prj: string): string {
  const match = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS)\s*\[\s*"([^"]*)"/i.exec(prj);
  return match?.[1] ?? prj.trim().slice(0, 80);
}

// ---------------------------------------------------------------------------------------------------------------
// Readers.

function readGeoJson(text: string, collected: Collected): IoFailure | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return ioFailure('io.geo.invalidJson');
  }
  if (typeof parsed !== 'object' || parsed === null) return ioFailure('io.geo.notGeoJson');
  const root = parsed as { type?: unknown; features?: unknown; crs?: unknown };
  let raw: unknown[];
  if (root.type === 'FeatureCollection' && Array.isArray(root.features)) raw = root.features;
  else if (root.type === 'Feature') raw = [root];
  else if (typeof root.type === 'string' && ('coordinates' in root || 'geometries' in root)) raw = [{ type: 'Feature', geometry: root, properties: {} }];
  else return ioFailure('io.geo.notGeoJson');
  let convert: Converter | null = null;
  let crsLabel: string | null = null;
  if (root.crs !== undefined && root.crs !== null) {
    const name = crsNameOf(root.crs) ?? '';
    const converter = converterForCrsName(name);
    if (converter === undefined) return ioFailure('io.geo.unknownCrs', { crs: name });
    if (converter !== null) {
      convert = converter;
      crsLabel = name;
      collected.warnings.push(ioIssue('io.geo.reprojected', { crs: name }));
    }
  }
  return finish(raw, convert, crsLabel, collected);
}

function readXml(text: string, format: 'kml' | 'gpx', options: GeoImportOptions, collected: Collected): IoFailure | null {
  if (options.parseXml === undefined) return ioFailure('io.geo.xmlUnavailable', { format: format.toUpperCase() });
  let document: XmlDocument;
  try {
    document = options.parseXml(text);
  } catch {
    return ioFailure('io.geo.invalidXml', { format: format.toUpperCase() });
  }
  // DOMParser does not throw on bad XML: it returns a document holding a <parsererror>.
  if ((document.getElementsByTagName('parsererror').length as number) > 0) return ioFailure('io.geo.invalidXml', { format: format.toUpperCase() });
  let collection: FeatureCollection<Geometry | null>;
  try {
    collection = format === 'kml' ? kml(document) : gpx(document);
  } catch {
    return ioFailure('io.geo.invalidXml', { format: format.toUpperCase() });
  }
  return finish(collection.features, null, null, collected);
}

function listZip(bytes: Uint8Array): { name: string; originalSize: number }[] | null {
  const entries: { name: string; originalSize: number }[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        if (!file.name.endsWith('/') && !file.name.includes('__MACOSX/')) entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

function extractZip(bytes: Uint8Array, names: ReadonlySet<string>): Record<string, Uint8Array> | null {
  try {
    return unzipSync(bytes, { filter: (file) => names.has(file.name) });
  } catch {
    return null;
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function baseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return name.slice(slash + 1);
}

function readShapefileLayer(
  layer: string,
  files: Readonly<Record<string, Uint8Array | undefined>>,
  foundNames: readonly string[],
  collected: Collected,
): IoFailure | null {
  const shp = files['shp'];
  const prjBytes = files['prj'];
  if (shp === undefined) return ioFailure('io.geo.shapefileCorrupt', { layer });
  if (prjBytes === undefined) return ioFailure('io.geo.shapefileMissingPrj', { layer, found: foundNames.join(', ') });
  const prj = decodeText(prjBytes).text.trim();
  let convert: Converter;
  try {
    const converter = proj4(prj, WGS84);
    convert = (position) => converter.forward([position[0] ?? 0, position[1] ?? 0]);
  } catch {
    return ioFailure('io.geo.shapefileUnknownPrj', { layer, crs: prjLabel(prj) });
  }
  let geometries: (Geometry | null)[];
  let records: Record<string, unknown>[] = [];
  try {
    geometries = parseShp(shp);
    const dbf = files['dbf'];
    if (dbf !== undefined) {
      const cpg = files['cpg'] === undefined ? undefined : decodeText(files['cpg']).text.trim();
      // Without a .cpg, ArcView-era files from Latin America are Windows-1252 far more often than UTF-8.
      const encoding = cpg ?? (isValidUtf8(dbf) ? undefined : 'windows-1252');
      if (cpg === undefined && encoding !== undefined) collected.warnings.push(ioIssue('io.geo.shapefileEncodingGuessed', { layer, encoding }));
      records = parseDbf(dbf, encoding);
    } else collected.warnings.push(ioIssue('io.geo.shapefileNoAttributes', { layer }));
  } catch {
    return ioFailure('io.geo.shapefileCorrupt', { layer });
  }
  const raw = geometries.map((geometry, index) => ({ type: 'Feature', geometry, properties: records[index] ?? {} }));
  return finish(raw, convert, prjLabel(prj), collected);
}

function readZip(name: string, bytes: Uint8Array, options: GeoImportOptions, maxBytes: number, collected: Collected): { format: GeoFormat; failure: IoFailure | null } {
  const entries = listZip(bytes);
  if (entries === null) return { format: 'shapefile', failure: ioFailure('io.geo.zipUnreadable', { name }) };
  const found = entries.map((entry) => entry.name);
  const total = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  const kmlEntries = entries.filter((entry) => extensionOf(entry.name) === 'kml');
  const shpEntries = entries.filter((entry) => extensionOf(entry.name) === 'shp');
  if (kmlEntries.length > 0 && shpEntries.length === 0) {
    const chosen = kmlEntries.find((entry) => baseName(entry.name).toLowerCase() === 'doc.kml') ?? kmlEntries[0];
    if (chosen === undefined) return { format: 'kmz', failure: ioFailure('io.geo.zipNoLayer', { name, found: found.join(', ') }) };
    if (chosen.originalSize > maxBytes) return { format: 'kmz', failure: ioFailure('io.geo.tooLarge', { maxMb: Math.round((maxBytes / 1048576) * 100) / 100 }) };
    const files = extractZip(bytes, new Set([chosen.name]));
    const kmlBytes = files?.[chosen.name];
    if (kmlBytes === undefined) return { format: 'kmz', failure: ioFailure('io.geo.zipUnreadable', { name }) };
    return { format: 'kmz', failure: readXml(decodeText(kmlBytes).text, 'kml', options, collected) };
  }
  if (shpEntries.length === 0) return { format: 'shapefile', failure: ioFailure('io.geo.zipNoLayer', { name, found: found.join(', ') }) };
  if (total > maxBytes) return { format: 'shapefile', failure: ioFailure('io.geo.tooLarge', { maxMb: Math.round((maxBytes / 1048576) * 100) / 100 }) };
  const wanted = new Set(['shp', 'prj', 'dbf', 'cpg']);
  const files = extractZip(bytes, new Set(found.filter((entry) => wanted.has(extensionOf(entry)))));
  if (files === null) return { format: 'shapefile', failure: ioFailure('io.geo.zipUnreadable', { name }) };
  const layers = shpEntries.map((entry) => entry.name.slice(0, -4));
  if (layers.length > 1) collected.warnings.push(ioIssue('io.geo.multipleLayers', { count: layers.length, layers: layers.map(baseName).join(', ') }));
  for (const layer of layers) {
    const parts: Record<string, Uint8Array | undefined> = {};
    for (const [entryName, content] of Object.entries(files)) {
      const dot = entryName.lastIndexOf('.');
      if (entryName.slice(0, dot) === layer) parts[extensionOf(entryName)] = content;
    }
    const sameLayer = found.filter((entry) => entry.slice(0, entry.lastIndexOf('.')) === layer).map(baseName);
    const failure = readShapefileLayer(baseName(layer), parts, sameLayer, collected);
    if (failure !== null) return { format: 'shapefile', failure };
  }
  return { format: 'shapefile', failure: null };
}

function startsWithZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function xmlRoot(text: string): string | null {
  const match = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?([\w.-]+)/.exec(text);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * Reads a GeoJSON, KML, KMZ, GPX or zipped Shapefile into WGS84 features, recognising the format by content
 * (the name only helps with messages and with loose Shapefile parts). Never throws: bad input gives
 * `{ ok: false, errors }` with io.geo.* codes.
 * @example await importGeoFile('rio.gpx', bytes, { parseXml: (text) => new DOMParser().parseFromString(text, 'text/xml') })
 */
export async function importGeoFile(name: string, bytes: Uint8Array, options: GeoImportOptions = {}): Promise<GeoImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_GEO_BYTES;
  if (bytes.length > maxBytes) return ioFailure('io.geo.tooLarge', { maxMb: Math.round((maxBytes / 1048576) * 100) / 100 });
  const collected: Collected = { features: [], warnings: [] };
  let format: GeoFormat;
  let failure: IoFailure | null;
  try {
    if (startsWithZip(bytes)) {
      ({ format, failure } = readZip(name, bytes, options, maxBytes, collected));
    } else {
      const extension = extensionOf(name);
      if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(extension)) return ioFailure('io.geo.shapefileNotZipped', { name });
      const text = decodeText(bytes).text;
      const start = text.trimStart();
      const root = start.startsWith('<') ? xmlRoot(start) : null;
      if (start.startsWith('{')) {
        format = 'geojson';
        failure = readGeoJson(start, collected);
      } else if (root === 'kml' || root === 'gpx') {
        format = root;
        failure = readXml(text, root, options, collected);
      } else return ioFailure('io.geo.unknownFormat', { name });
    }
  } catch {
    // Readers guard their own failures; this is the last net for a library surprised by a malformed file.
    return ioFailure('io.geo.unreadable', { name });
  }
  if (failure !== null) return failure;
  if (collected.features.length === 0) return { ok: false, errors: [ioIssue('io.geo.noFeatures', { name }), ...collected.warnings] };
  return { ok: true, format, features: collected.features, warnings: collected.warnings };
}
