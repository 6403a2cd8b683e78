import { describe, expect, it } from 'vitest';
import {
  parseDecimal,
  readHydrography,
  thresholdOption,
} from '../../../../renderer/features/network/river-import-store';

function bytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function line(id: string, toid: string | null, coordinates: number[][]) {
  return { type: 'Feature', properties: { id, toid }, geometry: { type: 'LineString', coordinates } };
}

describe('readHydrography', () => {
  it('reads id/toid topology and lists a reach drawn against the flow', async () => {
    const result = await readHydrography(
      'quebradas.geojson',
      bytes({
        type: 'FeatureCollection',
        features: [
          line('alta', 'media', [
            [-75.62, 5.04],
            [-75.61, 5.02],
          ]),
          line('media', 'baja', [
            [-75.6, 5.0],
            [-75.61, 5.02],
          ]),
          line('baja', null, [
            [-75.6, 5.0],
            [-75.596, 4.95],
          ]),
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.network.scheme).toBe('id-toid');
    expect(result.network.reachCount).toBe(3);
    const reversed = result.diagnostics.find((diagnostic) => diagnostic.code === 'hydrology.network.reversed');
    expect(reversed?.reachIds).toEqual(['media']);
  });

  it('builds from geometry alone when the lines carry no topology', async () => {
    const result = await readHydrography(
      'lineas.geojson',
      bytes({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [-75.62, 5.04],
                [-75.61, 5.02],
              ],
            },
          },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [-75.61, 5.02],
                [-75.6, 4.95],
              ],
            },
          },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.network.scheme).toBe('geometry');
    expect(result.network.pieces()).toHaveLength(1);
  });

  it('refuses a file in a coordinate system it cannot convert, with the io message', async () => {
    const result = await readHydrography(
      'proyectado.geojson',
      bytes({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9377' } },
        features: [
          line('a', null, [
            [4_800_000, 2_100_000],
            [4_800_500, 2_099_000],
          ]),
        ],
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.code).toMatch(/^io\.geo\./);
  });

  it('reads river lines from KML (Google Earth)', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Quebrada Honda</name><LineString><coordinates>-75.62,5.04 -75.61,5.02</coordinates></LineString></Placemark>
<Placemark><name>Río Claro</name><LineString><coordinates>-75.61,5.02 -75.60,4.95</coordinates></LineString></Placemark>
</Document></kml>`;
    const result = await readHydrography('rios.kml', new TextEncoder().encode(kml));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.network.reachCount).toBe(2);
    expect(result.network.outletIds()).toHaveLength(1);
  });

  it('refuses a file without river lines', async () => {
    const result = await readHydrography(
      'puntos.geojson',
      bytes({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-75.6, 5] } }],
      }),
    );
    expect(result).toEqual({ ok: false, errors: [{ code: 'hydrology.network.empty' }] });
  });
});

describe('stream threshold', () => {
  it('reads a decimal comma or point', () => {
    expect(parseDecimal('2,5')).toBe(2.5);
    expect(parseDecimal(' 2.5 ')).toBe(2.5);
    expect(parseDecimal('2,5 km')).toBeNaN();
  });

  it('takes km2 as a decimal and cells as a whole number, refusing zero and fractions of a cell', () => {
    expect(thresholdOption({ value: '0,5', unit: 'km2' })).toEqual({ ok: true, value: { thresholdKm2: 0.5 } });
    expect(thresholdOption({ value: '60', unit: 'cells' })).toEqual({ ok: true, value: { thresholdCells: 60 } });
    expect(thresholdOption({ value: '0', unit: 'km2' })).toMatchObject({
      ok: false,
      error: { code: 'dem.badThreshold' },
    });
    expect(thresholdOption({ value: '12,5', unit: 'cells' })).toMatchObject({
      ok: false,
      error: { code: 'dem.badThreshold' },
    });
  });
});
