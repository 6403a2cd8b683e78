import { strToU8, zipSync } from 'fflate';
import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type GeoImportResult, importGeoFile } from '../../../../src/io/geo-import';
import { distanceM, expectGolden, fixtureBytes, lonLatToUtm, parseXml } from './helpers';
import { type TestShape, latin1, writeDbf, writeShp } from './shapefile-writer';

const UTM_18S_PRJ =
  'PROJCS["WGS_1984_UTM_Zone_18S",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",10000000.0],PARAMETER["Central_Meridian",-75.0],PARAMETER["Scale_Factor",0.9996],' +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

function expectOk(result: GeoImportResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

function codes(result: GeoImportResult): string[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

const json = (value: unknown) => strToU8(JSON.stringify(value));

// A riparian buffer in the Peruvian Andes (zone 18S), as lon/lat: the ground truth of the reprojection tests.
const RING_LON_LAT: [number, number][] = [
  [-75.52, -9.41],
  [-75.52, -9.4],
  [-75.5, -9.4],
  [-75.5, -9.41],
  [-75.52, -9.41],
];
const LINE_LON_LAT: [number, number][] = [
  [-75.6, -9.5],
  [-75.55, -9.45],
  [-74.9, -9.3],
];

function toUtm18S(points: readonly [number, number][]): [number, number][] {
  return points.map(([lon, lat]) => lonLatToUtm(lon, lat, 18, true));
}

function shapefileZip(kind: 'polygon' | 'polyline', shapes: readonly TestShape[], extra: Record<string, Uint8Array>, prefix = 'sitios'): Uint8Array {
  const { shp, shx } = writeShp(kind, shapes);
  return zipSync({ [`${prefix}.shp`]: shp, [`${prefix}.shx`]: shx, ...extra });
}

describe('importGeoFile: GPX and KML', () => {
  it('reads a phone GPS track and its waypoint, flattening elevations with a warning', async () => {
    const result = expectOk(await importGeoFile('recorrido.gpx', fixtureBytes('track.gpx'), { parseXml }));
    expect(result.format).toBe('gpx');
    expect(result.warnings).toEqual([{ code: 'io.geo.elevationDropped', params: { count: 2 } }]);
    expectGolden('track.expected.json', result.features);
  });

  it('reads a Google Earth KML, dropping the placemark without geometry and ignoring zero altitudes', async () => {
    const result = expectOk(await importGeoFile('sitios.kml', fixtureBytes('sites.kml'), { parseXml }));
    expect(result.warnings).toEqual([{ code: 'io.geo.emptyGeometriesDropped', params: { count: 1 } }]);
    expectGolden('sites.expected.json', result.features);
  });

  it('reads a KMZ as the KML inside it', async () => {
    const kmz = zipSync({ 'doc.kml': fixtureBytes('sites.kml'), 'files/foto.jpg': new Uint8Array([0xff, 0xd8]) });
    const fromKmz = expectOk(await importGeoFile('sitios.kmz', kmz, { parseXml }));
    const fromKml = expectOk(await importGeoFile('sitios.kml', fixtureBytes('sites.kml'), { parseXml }));
    expect(fromKmz.format).toBe('kmz');
    expect(fromKmz.features).toEqual(fromKml.features);
  });

  it('refuses malformed XML with a code', async () => {
    const result = await importGeoFile('roto.kml', strToU8('<kml><Document><Placemark></kml>'), { parseXml });
    expect(codes(result)).toEqual(['io.geo.invalidXml']);
  });

  it('refuses KML when no XML parser was given, rather than throwing', async () => {
    expect(codes(await importGeoFile('sitios.kml', fixtureBytes('sites.kml')))).toEqual(['io.geo.xmlUnavailable']);
  });
});

describe('importGeoFile: GeoJSON', () => {
  it('refuses UTM coordinates without a crs and suggests reprojection', async () => {
    const result = await importGeoFile('lotes.geojson', fixtureBytes('utm-no-crs.geojson'));
    expect(result).toEqual({ ok: false, errors: [{ code: 'io.geo.projectedCoordinates', params: { example: '474124, 1057321' } }] });
  });

  it('reprojects a GeoJSON whose crs names a UTM zone, to within 1 m', async () => {
    const [easting, northing] = lonLatToUtm(-75.51, -9.405, 18, true);
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32718' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [easting, northing] } }],
    };
    const result = expectOk(await importGeoFile('bocatomas.geojson', json(collection)));
    expect(result.warnings).toEqual([{ code: 'io.geo.reprojected', params: { crs: 'urn:ogc:def:crs:EPSG::32718' } }]);
    const point = result.features[0]?.geometry as Point;
    expect(distanceM(point.coordinates, [-75.51, -9.405])).toBeLessThan(1);
  });

  it('reprojects Web Mercator', async () => {
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:3857' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-8399737.89, 503355.73] } }],
    };
    const point = expectOk(await importGeoFile('a.geojson', json(collection))).features[0]?.geometry as Point;
    // x = R * lon, y = R * ln(tan(pi/4 + lat/2)) on the 6,378,137 m sphere, solved for lon/lat.
    const lon = (-8399737.89 / 6378137) * (180 / Math.PI);
    const lat = (2 * Math.atan(Math.exp(503355.73 / 6378137)) - Math.PI / 2) * (180 / Math.PI);
    expect(distanceM(point.coordinates, [lon, lat])).toBeLessThan(0.01);
  });

  it('refuses a crs proj4 cannot convert, naming it', async () => {
    const collection = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3116' } }, features: [] };
    expect(await importGeoFile('magna.geojson', json(collection))).toEqual({
      ok: false,
      errors: [{ code: 'io.geo.unknownCrs', params: { crs: 'EPSG:3116' } }],
    });
  });

  it('accepts a bare geometry and drops empty features with a warning', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { a: 1 }, geometry: { type: 'LineString', coordinates: [[-75, 4], [-75.1, 4.1, 1500]] } },
        { type: 'Feature', properties: { a: 2 }, geometry: null },
        { type: 'Feature', properties: { a: 3 }, geometry: { type: 'Polygon', coordinates: [] } },
      ],
    };
    const result = expectOk(await importGeoFile('a.json', json(collection)));
    expect(result.features).toEqual([{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'LineString', coordinates: [[-75, 4], [-75.1, 4.1]] } }]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['io.geo.emptyGeometriesDropped', 'io.geo.elevationDropped']);
    expect(expectOk(await importGeoFile('p.geojson', json({ type: 'Point', coordinates: [-75, 4] }))).features).toHaveLength(1);
  });

  it('refuses broken JSON and JSON that is not GeoJSON', async () => {
    expect(codes(await importGeoFile('a.geojson', strToU8('{"type": "Feature",')))).toEqual(['io.geo.invalidJson']);
    expect(codes(await importGeoFile('a.json', json({ nombre: 'x' })))).toEqual(['io.geo.notGeoJson']);
  });

  it('refuses a file with nothing to import', async () => {
    expect(codes(await importGeoFile('vacio.geojson', json({ type: 'FeatureCollection', features: [] })))).toEqual(['io.geo.noFeatures']);
  });
});

describe('importGeoFile: zipped Shapefile', () => {
  const polygon: TestShape = { parts: [toUtm18S(RING_LON_LAT.slice().reverse())], attributes: { NOMBRE: 'Franja ribereña', ACTIVIDAD: 'Reforestación' } };

  it('reprojects a UTM 18S polygon from its .prj to within 1 m', async () => {
    const { shp } = writeShp('polygon', [polygon]);
    expect(shp.length).toBeGreaterThan(100);
    const zip = shapefileZip('polygon', [polygon], { 'sitios.prj': strToU8(UTM_18S_PRJ), 'sitios.dbf': writeDbf([polygon], strToU8), 'sitios.cpg': strToU8('UTF-8') });
    const result = expectOk(await importGeoFile('sitios.zip', zip));
    expect(result.format).toBe('shapefile');
    const feature = result.features[0] as Feature<Polygon>;
    expect(feature.properties).toEqual({ NOMBRE: 'Franja ribereña', ACTIVIDAD: 'Reforestación' });
    const ring = feature.geometry.coordinates[0] ?? [];
    const expected = RING_LON_LAT.slice().reverse();
    expect(ring).toHaveLength(expected.length);
    ring.forEach((position, index) => expect(distanceM(position, expected[index] ?? [])).toBeLessThan(1));
  });

  it('reprojects a polyline that reaches into the next zone, to within 1 m', async () => {
    const line: TestShape = { parts: [toUtm18S(LINE_LON_LAT)], attributes: { NOMBRE: 'Quebrada' } };
    const zip = shapefileZip('polyline', [line], { 'rio.prj': strToU8(UTM_18S_PRJ), 'rio.dbf': writeDbf([line], strToU8) }, 'rio');
    const coordinates = (expectOk(await importGeoFile('rio.zip', zip)).features[0]?.geometry as { coordinates: number[][] }).coordinates;
    coordinates.forEach((position, index) => expect(distanceM(position, LINE_LON_LAT[index] ?? [])).toBeLessThan(1));
  });

  it('reads a .dbf without .cpg written in Windows-1252, and says it guessed', async () => {
    const zip = shapefileZip('polygon', [polygon], { 'sitios.prj': strToU8(UTM_18S_PRJ), 'sitios.dbf': writeDbf([polygon], latin1) });
    const result = expectOk(await importGeoFile('sitios.zip', zip));
    expect(result.features[0]?.properties).toEqual({ NOMBRE: 'Franja ribereña', ACTIVIDAD: 'Reforestación' });
    expect(result.warnings).toEqual([{ code: 'io.geo.shapefileEncodingGuessed', params: { layer: 'sitios', encoding: 'windows-1252' } }]);
  });

  it('refuses a Shapefile without .prj, listing the files it found', async () => {
    const zip = shapefileZip('polygon', [polygon], { 'sitios.dbf': writeDbf([polygon], strToU8) });
    expect(await importGeoFile('sitios.zip', zip)).toEqual({
      ok: false,
      errors: [{ code: 'io.geo.shapefileMissingPrj', params: { layer: 'sitios', found: 'sitios.shp, sitios.shx, sitios.dbf' } }],
    });
  });

  it('refuses a .prj proj4 cannot read, naming the system found', async () => {
    const zip = shapefileZip('polygon', [polygon], { 'sitios.prj': strToU8('LOCAL_CS["Plano de la finca"]') });
    expect(await importGeoFile('sitios.zip', zip)).toEqual({
      ok: false,
      errors: [{ code: 'io.geo.shapefileUnknownPrj', params: { layer: 'sitios', crs: 'LOCAL_CS["Plano de la finca"]' } }],
    });
  });

  it('refuses a loose .shp and asks for the zip', async () => {
    const { shp } = writeShp('polygon', [polygon]);
    expect(codes(await importGeoFile('sitios.shp', shp))).toEqual(['io.geo.shapefileNotZipped']);
  });

  it('refuses a zip with no layer, listing its content', async () => {
    const zip = zipSync({ 'leame.txt': strToU8('hola') });
    expect(await importGeoFile('datos.zip', zip)).toEqual({ ok: false, errors: [{ code: 'io.geo.zipNoLayer', params: { name: 'datos.zip', found: 'leame.txt' } }] });
  });

  it('refuses a damaged zip without throwing', async () => {
    const zip = shapefileZip('polygon', [polygon], { 'sitios.prj': strToU8(UTM_18S_PRJ) }).slice(0, 60);
    expect(codes(await importGeoFile('sitios.zip', zip))).toEqual(['io.geo.zipUnreadable']);
  });
});

describe('importGeoFile: anything else', () => {
  it('refuses an unknown format by name', async () => {
    expect(await importGeoFile('foto.jpg', new Uint8Array([0xff, 0xd8, 0xff]))).toEqual({
      ok: false,
      errors: [{ code: 'io.geo.unknownFormat', params: { name: 'foto.jpg' } }],
    });
  });

  it('refuses a file over maxBytes', async () => {
    expect(codes(await importGeoFile('a.geojson', fixtureBytes('utm-no-crs.geojson'), { maxBytes: 10 }))).toEqual(['io.geo.tooLarge']);
  });
});
