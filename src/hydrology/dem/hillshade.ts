/** Hillshade of an elevation raster, for an offline basemap. */
import { cellSizeMetersByRow, noDataMask, type Raster } from './raster';

/**
 * Grey levels 0-255 (row-major, one per cell) of the terrain lit from `azimuthDeg` (clockwise from north) at
 * `altitudeDeg` above the horizon, by Horn's (1981) slope and aspect, as GDAL's gdaldem hillshade computes them.
 * Horizontal distances are in metres (degree rasters use each row's cell size), so slopes are true.
 * No-data cells are 0; edge cells reuse their nearest neighbours.
 *
 * @example hillshade(raster)[cell] // 0 = full shadow, 255 = facing the light
 */
export function hillshade(raster: Raster, azimuthDeg = 315, altitudeDeg = 45): Uint8Array {
  const { width, height, data } = raster;
  const noData = noDataMask(raster);
  const { dxM, dyM } = cellSizeMetersByRow(raster);
  const shade = new Uint8Array(width * height);
  const zenith = ((90 - altitudeDeg) * Math.PI) / 180;
  const azimuth = (((360 - azimuthDeg + 90) % 360) * Math.PI) / 180;
  const cosZenith = Math.cos(zenith);
  const sinZenith = Math.sin(zenith);
  for (let row = 0; row < height; row++) {
    const up = Math.max(0, row - 1) * width;
    const here = row * width;
    const down = Math.min(height - 1, row + 1) * width;
    const dx = dxM[row]!;
    const dy = dyM[row]!;
    for (let column = 0; column < width; column++) {
      const cell = here + column;
      if (noData[cell] === 1) continue;
      const left = Math.max(0, column - 1);
      const right = Math.min(width - 1, column + 1);
      const z = data[cell]!;
      const at = (index: number): number => (noData[index] === 1 ? z : data[index]!);
      const a = at(up + left);
      const b = at(up + column);
      const c = at(up + right);
      const d = at(here + left);
      const f = at(here + right);
      const g = at(down + left);
      const h = at(down + column);
      const i = at(down + right);
      const dzdx = (c + 2 * f + i - (a + 2 * d + g)) / (8 * dx);
      const dzdy = (g + 2 * h + i - (a + 2 * b + c)) / (8 * dy);
      const slope = Math.atan(Math.hypot(dzdx, dzdy));
      const aspect = Math.atan2(dzdy, -dzdx);
      const value = 255 * (cosZenith * Math.cos(slope) + sinZenith * Math.sin(slope) * Math.cos(azimuth - aspect));
      shade[cell] = value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
    }
  }
  return shade;
}
