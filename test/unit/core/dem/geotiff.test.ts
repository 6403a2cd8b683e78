import { describe, expect, it } from 'vitest';
import { writeArrayBuffer } from 'geotiff';
import { readGeoTiffRaster } from '../../../../src/io/geotiff';

type Metadata = Parameters<typeof writeArrayBuffer>[1];

function geoTiff(values: Float32Array | Uint8Array, metadata: Record<string, unknown>): ArrayBuffer {
  return writeArrayBuffer(values, { width: 4, height: 4, ...metadata } as unknown as Metadata);
}

/** A bare little-endian float32 TIFF with no GeoTIFF tags at all (no geotransform, no CRS). */
function plainTiff(width: number, height: number): ArrayBuffer {
  const entries: [number, number, number, number][] = [
    [256, 3, 1, width],
    [257, 3, 1, height],
    [258, 3, 1, 32],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, 0],
    [277, 3, 1, 1],
    [278, 3, 1, height],
    [279, 4, 1, width * height * 4],
    [339, 3, 1, 3],
  ];
  const directorySize = 2 + entries.length * 12 + 4;
  const dataOffset = 8 + directorySize;
  const buffer = new ArrayBuffer(dataOffset + width * height * 4);
  const view = new DataView(buffer);
  view.setUint8(0, 0x49);
  view.setUint8(1, 0x49);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, count, value], index) => {
    const at = 10 + index * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    if (type === 3) view.setUint16(at + 8, tag === 273 ? dataOffset : value, true);
    else view.setUint32(at + 8, tag === 273 ? dataOffset : value, true);
  });
  return buffer;
}

describe('reading an elevation GeoTIFF', () => {
  it('reads a UTM zone 18S DEM with its geotransform and EPSG code', async () => {
    const result = await readGeoTiffRaster(
      geoTiff(
        Float32Array.from({ length: 16 }, (_, index) => 2000 + index),
        {
          ModelPixelScale: [30, 30, 0],
          ModelTiepoint: [0, 0, 0, 500000, 9000000, 0],
          ProjectedCSTypeGeoKey: 32718,
          GTModelTypeGeoKey: 1,
        },
      ),
    );
    expect(result.ok && result.raster).toMatchObject({
      width: 4,
      height: 4,
      geographic: false,
      epsg: 32718,
      transform: { originX: 500000, originY: 9000000, cellSizeX: 30, cellSizeY: 30 },
    });
    expect(result.ok && result.raster.data[5]).toBe(2005);
  });

  it('reads a WGS 84 geographic DEM as geographic', async () => {
    const result = await readGeoTiffRaster(
      geoTiff(new Float32Array(16), {
        ModelPixelScale: [0.001, 0.001, 0],
        ModelTiepoint: [0, 0, 0, -75, 5, 0],
        GeographicTypeGeoKey: 4326,
        GTModelTypeGeoKey: 2,
      }),
    );
    expect(result.ok && result.raster.geographic).toBe(true);
  });

  it('refuses a file that is not a TIFF with dem.notTiff', async () => {
    const result = await readGeoTiffRaster(new TextEncoder().encode('elevation,x,y\n1,2,3\n').buffer as ArrayBuffer);
    expect(!result.ok && result.error.code).toBe('dem.notTiff');
  });

  it('refuses a three-band colour image with dem.multiBand and the number of bands', async () => {
    const result = await readGeoTiffRaster(
      geoTiff(new Uint8Array(48), {
        SamplesPerPixel: 3,
        BitsPerSample: [8, 8, 8],
        PhotometricInterpretation: 2,
        ModelPixelScale: [1, 1, 0],
        ModelTiepoint: [0, 0, 0, 0, 0, 0],
        GeographicTypeGeoKey: 4326,
      }),
    );
    expect(!result.ok && [result.error.code, result.error.params]).toEqual(['dem.multiBand', { bands: 3 }]);
  });

  it('refuses Web Mercator (EPSG:3857) with dem.unsupportedCrs naming the code', async () => {
    const result = await readGeoTiffRaster(
      geoTiff(new Float32Array(16), {
        ModelPixelScale: [30, 30, 0],
        ModelTiepoint: [0, 0, 0, 0, 0, 0],
        ProjectedCSTypeGeoKey: 3857,
        GTModelTypeGeoKey: 1,
      }),
    );
    expect(!result.ok && [result.error.code, result.error.params]).toEqual([
      'dem.unsupportedCrs',
      { crs: 'EPSG:3857' },
    ]);
  });

  it('refuses a TIFF without a geotransform with dem.missingGeotransform', async () => {
    const result = await readGeoTiffRaster(plainTiff(4, 4));
    expect(!result.ok && result.error.code).toBe('dem.missingGeotransform');
  });
});
