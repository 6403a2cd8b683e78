import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import { linksDrainingTo, rasterBoundsLonLat, withOwnAreas } from '../../../../src/hydrology/delineated-rivers';
import { createRaster, delineate } from '../../../../src/hydrology/dem';
import { RiverNetwork } from '../../../../src/hydrology/river-network';

interface Link {
  id: number;
  toid: number | null;
  drainageAreaKm2: number;
  outletCell: number;
}

function links(...rows: Link[]): FeatureCollection<LineString, Link> {
  return {
    type: 'FeatureCollection',
    features: rows.map((properties, index) => ({
      type: 'Feature',
      properties,
      geometry: {
        type: 'LineString',
        coordinates: [
          [index, 1],
          [index, 0],
        ],
      },
    })),
  };
}

describe('withOwnAreas', () => {
  it('gives each link its drainage area minus what flows in from the links above', () => {
    const result = withOwnAreas(
      links(
        { id: 1, toid: 3, drainageAreaKm2: 2, outletCell: 10 },
        { id: 2, toid: 3, drainageAreaKm2: 1.5, outletCell: 11 },
        { id: 3, toid: null, drainageAreaKm2: 4, outletCell: 12 },
      ),
    );
    expect(result.features.map((feature) => feature.properties.areaKm2)).toEqual([2, 1.5, 0.5]);
  });
});

describe('linksDrainingTo', () => {
  it('keeps only the links that reach the outlet link, dropping streams that leave elsewhere', () => {
    const kept = linksDrainingTo(
      links(
        { id: 1, toid: 2, drainageAreaKm2: 1, outletCell: 5 },
        { id: 2, toid: 4, drainageAreaKm2: 2, outletCell: 6 },
        { id: 3, toid: null, drainageAreaKm2: 0.5, outletCell: 7 },
        { id: 4, toid: null, drainageAreaKm2: 3, outletCell: 8 },
      ),
      8,
    );
    expect(kept.features.map((feature) => feature.properties.id)).toEqual([1, 2, 4]);
  });

  it('keeps every link when no link ends at the cell', () => {
    const all = links({ id: 1, toid: null, drainageAreaKm2: 1, outletCell: 5 });
    expect(linksDrainingTo(all, 99)).toBe(all);
  });
});

describe('a delineated valley as the basin rivers', () => {
  it('builds one connected network whose drainage area at the outlet is the watershed area', () => {
    const size = 40;
    const data = new Float32Array(size * size);
    for (let row = 0; row < size; row++)
      for (let column = 0; column < size; column++)
        data[row * size + column] = 500 - 4 * row + 6 * Math.abs(column - 20) + 0.01 * ((row * 7 + column * 3) % 5);
    const raster = createRaster(
      size,
      size,
      data,
      { originX: -75.6, originY: 5, cellSizeX: 0.001, cellSizeY: 0.001 },
      { geographic: true },
    );
    const result = delineate(raster, { thresholdCells: 20 });
    const streams = withOwnAreas(linksDrainingTo(result.streams, result.outletCell!));
    const { network } = RiverNetwork.fromGeoJson(streams);
    expect(network.pieces()).toHaveLength(1);
    const outlet = network.outletIds()[0]!;
    expect(network.drainageAreaKm2({ reachId: outlet, fraction: 1 })).toBeCloseTo(result.watershedAreaKm2, 3);
  });
});

describe('rasterBoundsLonLat', () => {
  it('gives a geographic raster its edges', () => {
    const raster = createRaster(
      4,
      2,
      new Float32Array(8),
      { originX: -75.6, originY: 5, cellSizeX: 0.01, cellSizeY: 0.01 },
      { geographic: true },
    );
    const [west, south, east, north] = rasterBoundsLonLat(raster);
    expect(west).toBeCloseTo(-75.6);
    expect(south).toBeCloseTo(4.98);
    expect(east).toBeCloseTo(-75.56);
    expect(north).toBeCloseTo(5);
  });

  it('converts a UTM raster to degrees', () => {
    const raster = createRaster(
      10,
      10,
      new Float32Array(100),
      { originX: 500000, originY: 552000, cellSizeX: 30, cellSizeY: 30 },
      { epsg: 32618 },
    );
    const [west, south, east, north] = rasterBoundsLonLat(raster);
    expect(west).toBeCloseTo(-75, 2);
    expect(north).toBeCloseTo(4.99, 1);
    expect(east).toBeGreaterThan(west);
    expect(north).toBeGreaterThan(south);
  });
});
