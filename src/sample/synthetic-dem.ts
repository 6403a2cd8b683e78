import { createRaster, type Raster } from '../hydrology/dem/raster';
import { createPrng, type Prng } from './prng';

/** A synthetic north-up elevation grid in WGS84 degrees (row 0 is the northern edge) and its one outlet. */
export interface SyntheticDem {
  raster: Raster;
  /** Column and row of the single outlet cell, on the southern edge. */
  outletCell: { column: number; row: number };
  /** Centre of the outlet cell, [lon, lat] degrees. */
  outletLonLat: [number, number];
}

/** Parameters of the synthetic valley; the defaults give the sample basin (about 12 x 12 km). */
export interface SyntheticDemOptions {
  seed: number;
  width: number;
  height: number;
  /** Longitude of the western edge, degrees. */
  westLon: number;
  /** Latitude of the northern edge, degrees. */
  northLat: number;
  /** Cell size in degrees; 1 arc-second is about 31 m near the equator. */
  cellSizeDeg: number;
  /** Elevation of the outlet, metres. */
  outletElevationM: number;
  /** Fall from the head of the valley to the outlet along its axis, metres. */
  axialReliefM: number;
  /** Rise of the valley sides per metre away from the axis (dimensionless). */
  sideSlope: number;
  /** Amplitude of the fractal relief at its largest wavelength, metres. */
  noiseAmplitudeM: number;
  /** Largest wavelength of the fractal relief, in cells. */
  noiseWavelengthCells: number;
}

/** Defaults of the embedded sample basin: 400 x 400 one-arc-second cells near 5.0°N, 75.6°W. */
export const SAMPLE_DEM_OPTIONS: SyntheticDemOptions = {
  seed: 20260301,
  width: 400,
  height: 400,
  westLon: -75.66,
  northLat: 5.06,
  cellSizeDeg: 1 / 3600,
  outletElevationM: 1450,
  axialReliefM: 1600,
  sideSlope: 0.1,
  noiseAmplitudeM: 260,
  noiseWavelengthCells: 128,
};

function smoothStep(value: number): number {
  return value * value * (3 - 2 * value);
}

/** Value noise on a square lattice of `spacing` cells, smoothly interpolated; range about [-1, 1]. */
function valueNoiseLayer(prng: Prng, width: number, height: number, spacing: number): Float32Array {
  const latticeWidth = Math.ceil(width / spacing) + 2;
  const latticeHeight = Math.ceil(height / spacing) + 2;
  const lattice = new Float32Array(latticeWidth * latticeHeight);
  for (let index = 0; index < lattice.length; index += 1) lattice[index] = prng.next() * 2 - 1;
  const layer = new Float32Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const y = row / spacing;
    const y0 = Math.floor(y);
    const fy = smoothStep(y - y0);
    for (let column = 0; column < width; column += 1) {
      const x = column / spacing;
      const x0 = Math.floor(x);
      const fx = smoothStep(x - x0);
      const base = y0 * latticeWidth + x0;
      const v00 = lattice[base] ?? 0;
      const v10 = lattice[base + 1] ?? 0;
      const v01 = lattice[base + latticeWidth] ?? 0;
      const v11 = lattice[base + latticeWidth + 1] ?? 0;
      const top = v00 + (v10 - v00) * fx;
      const bottom = v01 + (v11 - v01) * fx;
      layer[row * width + column] = top + (bottom - top) * fy;
    }
  }
  return layer;
}

/**
 * Fractal (fBm) value noise: octaves halving in wavelength and amplitude, down to two cells.
 * @example fractalNoise(createPrng(1), 64, 64, 32).length === 4096
 */
export function fractalNoise(prng: Prng, width: number, height: number, wavelengthCells: number): Float32Array {
  const sum = new Float32Array(width * height);
  let spacing = wavelengthCells;
  let amplitude = 1;
  while (spacing >= 2) {
    const layer = valueNoiseLayer(prng, width, height, spacing);
    for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] ?? 0) + amplitude * (layer[index] ?? 0);
    spacing /= 2;
    amplitude *= 0.5;
  }
  return sum;
}

/**
 * A tilted valley draining south to one outlet cell on the southern edge: the axis meanders, the sides rise
 * away from it, fractal relief cuts tributary valleys, and a rim along the other edges keeps every cell inside
 * the one basin. Elevations in metres.
 * @example generateSyntheticDem({ ...SAMPLE_DEM_OPTIONS, width: 64, height: 64 }).outletCell.row === 63
 */
export function generateSyntheticDem(options: SyntheticDemOptions): SyntheticDem {
  const { width, height } = options;
  const prng = createPrng(options.seed);
  const noise = fractalNoise(prng.fork('relief'), width, height, options.noiseWavelengthCells);
  const meanderPhase = prng.range(0, 2 * Math.PI);
  const meanderAmplitudeCells = width * 0.08;
  const cellSizeM = options.cellSizeDeg * 111_320;
  const axisColumn = (row: number): number =>
    width / 2 + meanderAmplitudeCells * Math.sin(meanderPhase + (row / height) * 2.2 * Math.PI) * (row / height);
  const outletColumn = Math.round(axisColumn(height - 1));
  const rimWidthCells = Math.max(4, Math.round(Math.min(width, height) * 0.04));
  const rimHeightM = options.axialReliefM * 0.15;
  const elevationsM = new Float32Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const downValley = row / (height - 1);
    const axis = axisColumn(row);
    const floorM = options.outletElevationM + options.axialReliefM * Math.pow(1 - downValley, 1.15);
    for (let column = 0; column < width; column += 1) {
      const index = row * width + column;
      const sideM = Math.abs(column - axis) * cellSizeM * options.sideSlope;
      // Relief fades toward the valley axis so the main stem stays one continuous channel.
      const axisDistanceFraction = Math.min(1, Math.abs(column - axis) / (width * 0.12));
      const reliefM = options.noiseAmplitudeM * (noise[index] ?? 0) * (0.25 + 0.75 * axisDistanceFraction);
      const edgeDistance = Math.min(column, row, width - 1 - column, height - 1 - row);
      const outletDistance = Math.hypot(column - outletColumn, row - (height - 1));
      const notch = Math.min(1, outletDistance / (rimWidthCells * 2));
      const rimM = rimHeightM * smoothStep(Math.max(0, 1 - edgeDistance / rimWidthCells)) * notch;
      elevationsM[index] = floorM + sideM + reliefM + rimM;
    }
  }
  const outletIndex = (height - 1) * width + outletColumn;
  elevationsM[outletIndex] = options.outletElevationM - options.noiseAmplitudeM;
  const raster = createRaster(
    width,
    height,
    elevationsM,
    { originX: options.westLon, originY: options.northLat, cellSizeX: options.cellSizeDeg, cellSizeY: options.cellSizeDeg },
    { geographic: true, epsg: 4326 },
  );
  return {
    raster,
    outletCell: { column: outletColumn, row: height - 1 },
    outletLonLat: [
      options.westLon + (outletColumn + 0.5) * options.cellSizeDeg,
      options.northLat - (height - 0.5) * options.cellSizeDeg,
    ],
  };
}
