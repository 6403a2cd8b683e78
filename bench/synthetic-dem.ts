/**
 * Seeded synthetic DEMs for the DEM benchmark and for checking that faster code gives the same results.
 */
import { createRaster, type Raster } from '../src/hydrology/dem';

/** Cell size of the synthetic DEMs: one arc-second. */
export const CELL_SIZE_DEG = 1 / 3600;
/** A small seeded random generator (mulberry32), uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rolling hills: value noise in 6 octaves over a tilted plane, with small random pits, in metres. */
export function syntheticDem(size: number, seed: number): Raster {
  const random = mulberry32(seed);
  const data = new Float32Array(size * size);
  let amplitude = 120;
  for (let spacing = Math.max(8, size >> 3); spacing >= 4 && amplitude > 1; spacing >>= 1, amplitude *= 0.5) {
    const nodes = Math.ceil(size / spacing) + 2;
    const lattice = new Float32Array(nodes * nodes);
    for (let index = 0; index < lattice.length; index++) lattice[index] = random();
    for (let row = 0; row < size; row++) {
      const y = row / spacing;
      const y0 = Math.floor(y);
      const fy = y - y0;
      const sy = fy * fy * (3 - 2 * fy);
      for (let column = 0; column < size; column++) {
        const x = column / spacing;
        const x0 = Math.floor(x);
        const fx = x - x0;
        const sx = fx * fx * (3 - 2 * fx);
        const a = lattice[y0 * nodes + x0]!;
        const b = lattice[y0 * nodes + x0 + 1]!;
        const c = lattice[(y0 + 1) * nodes + x0]!;
        const d = lattice[(y0 + 1) * nodes + x0 + 1]!;
        const top = a + (b - a) * sx;
        const bottom = c + (d - c) * sx;
        data[row * size + column] = data[row * size + column]! + amplitude * (top + (bottom - top) * sy);
      }
    }
  }
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const cell = row * size + column;
      // Tilt to the south-east so there is one dominant outlet; quantise to 1 cm as real DEMs are.
      data[cell] =
        Math.round((data[cell]! + 0.02 * (2 * size - row - column) + (random() < 0.001 ? -3 : 0)) * 100) / 100;
    }
  }
  return createRaster(
    size,
    size,
    data,
    {
      originX: -75,
      originY: 5,
      cellSizeX: CELL_SIZE_DEG,
      cellSizeY: CELL_SIZE_DEG,
    },
    { geographic: true, epsg: 4326 },
  );
}
