import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { showPmtilesBasemap } from '../../../../renderer/features/field/basemap';

/*
 * A PMTiles v3 archive written by hand (one PNG tile at zoom 0, no compression), opened through pmtiles' FileSource
 * as a committee's basemap file would be: the basemap goes under every layer the app draws.
 */

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

function pmtilesFile(name: string, bounds: [number, number, number, number]): File {
  const tile = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  // Root directory: one entry, tile id 0, run length 1, its length, offset 0 (written as offset + 1).
  const directory = new Uint8Array([...varint(1), ...varint(0), ...varint(1), ...varint(tile.length), ...varint(1)]);
  const metadata = new TextEncoder().encode('{}');
  const header = new DataView(new ArrayBuffer(127));
  'PMTiles'.split('').forEach((char, index) => header.setUint8(index, char.charCodeAt(0)));
  header.setUint8(7, 3);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = [rootOffset, directory.length, metadataOffset, metadata.length, 0, 0, dataOffset, tile.length, 1, 1, 1];
  u64.forEach((value, index) => header.setBigUint64(8 + index * 8, BigInt(value), true));
  // Clustered, no internal compression, no tile compression, PNG tiles, zooms 0 to 0.
  [1, 1, 1, 2, 0, 0].forEach((value, index) => header.setUint8(96 + index, value));
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  header.setInt32(102, e7(bounds[0]), true);
  header.setInt32(106, e7(bounds[1]), true);
  header.setInt32(110, e7(bounds[2]), true);
  header.setInt32(114, e7(bounds[3]), true);
  header.setUint8(118, 0);
  header.setInt32(119, e7((bounds[0] + bounds[2]) / 2), true);
  header.setInt32(123, e7((bounds[1] + bounds[3]) / 2), true);
  return new File([new Uint8Array(header.buffer), directory, metadata, tile], name, { type: 'application/vnd.pmtiles' });
}

/** The calls a basemap makes on the map, recorded. */
function fakeMap(inView: boolean) {
  const calls: { sources: [string, unknown][]; layers: [unknown, string | undefined][]; fitted: unknown[] } = { sources: [], layers: [], fitted: [] };
  const map = {
    getStyle: () => ({ layers: [{ id: 'background' }, { id: 'hillshade' }, { id: 'rivers' }] }),
    getSource: () => undefined,
    addSource: (id: string, source: unknown) => calls.sources.push([id, source]),
    addLayer: (layer: unknown, before?: string) => calls.layers.push([layer, before]),
    removeLayer: () => undefined,
    removeSource: () => undefined,
    getBounds: () => ({ intersects: () => inView }),
    fitBounds: (bounds: unknown) => calls.fitted.push(bounds),
  };
  return { map: map as unknown as MapLibreMap, calls };
}

describe('a PMTiles file as the basemap', () => {
  it('reads the archive header and adds its raster tiles under the basin layers', async () => {
    const { map, calls } = fakeMap(true);
    await showPmtilesBasemap(map, pmtilesFile('aguaclara.pmtiles', [-75.66, 4.94, -75.54, 5.06]));
    expect(calls.sources).toEqual([['field-basemap', { type: 'raster', url: 'pmtiles://aguaclara.pmtiles', tileSize: 256 }]]);
    expect(calls.layers).toHaveLength(1);
    expect(calls.layers[0]![1]).toBe('hillshade');
    expect(calls.fitted).toEqual([]);
  });

  it('moves the view to the file when it covers another place', async () => {
    const { map, calls } = fakeMap(false);
    await showPmtilesBasemap(map, pmtilesFile('otra.pmtiles', [-47.9, -15.8, -47.8, -15.7]));
    expect(calls.fitted).toHaveLength(1);
    const [bounds] = calls.fitted as number[][];
    expect(bounds!.map((value) => Math.round(value * 10) / 10)).toEqual([-47.9, -15.8, -47.8, -15.7]);
  });
});
