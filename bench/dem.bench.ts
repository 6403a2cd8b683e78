/**
 * DEM pipeline benchmark: the whole of `delineate` on a seeded synthetic DEM, side by side with GRASS GIS
 * r.watershed -s (single-direction D8) on the same DEM, in the same run.
 *
 *   npx tsx bench/dem.bench.ts            2,000 x 2,000 cells
 *   npx tsx bench/dem.bench.ts --large    also 4,000 x 4,000 cells
 *
 * Only r.watershed itself is timed for GRASS (not the import). If `grass` is not installed the peer is skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { createRaster, delineate, type DelineateStage, type Raster } from '../src/hydrology/dem';

const CELL_SIZE_DEG = 1 / 3600;
const THRESHOLD_CELLS = 1000;

function mulberry32(seed: number): () => number {
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

function timeOurs(raster: Raster): {
  seconds: number;
  stages: string;
  links: number;
} {
  const stageStart = new Map<DelineateStage, number>();
  const start = performance.now();
  const result = delineate(raster, {
    thresholdCells: THRESHOLD_CELLS,
    onProgress: (_fraction, stage) => {
      if (!stageStart.has(stage)) stageStart.set(stage, performance.now());
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const entries = [...stageStart.entries()];
  const stages = entries
    .slice(0, -1)
    .map(([stage, at], index) => `${stage} ${((entries[index + 1]![1] - at) / 1000).toFixed(2)}`)
    .join(', ');
  return { seconds, stages, links: result.streams.features.length };
}

function timeGrass(raster: Raster): number | null {
  const version = spawnSync('grass', ['--version'], { encoding: 'utf8' });
  if (version.error !== undefined || version.status !== 0) return null;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dem-bench-'));
  try {
    const tiff = writeArrayBuffer(raster.data, {
      width: raster.width,
      height: raster.height,
      ModelPixelScale: [raster.transform.cellSizeX, raster.transform.cellSizeY, 0],
      ModelTiepoint: [0, 0, 0, raster.transform.originX, raster.transform.originY, 0],
      GeographicTypeGeoKey: 4326,
      GTModelTypeGeoKey: 2,
      GTRasterTypeGeoKey: 1,
    } as unknown as Parameters<typeof writeArrayBuffer>[1]);
    fs.writeFileSync(path.join(directory, 'dem.tif'), Buffer.from(tiff));
    fs.writeFileSync(
      path.join(directory, 'script.sh'),
      [
        'set -e',
        `r.in.gdal input=${path.join(directory, 'dem.tif')} output=dem -o --quiet --overwrite`,
        'g.region raster=dem',
        'start=$(date +%s.%N)',
        `r.watershed -s elevation=dem accumulation=acc drainage=dir threshold=${THRESHOLD_CELLS} --quiet --overwrite`,
        'end=$(date +%s.%N)',
        'echo "RWATERSHED_SECONDS $start $end"',
      ].join('\n'),
    );
    const output = execFileSync(
      'grass',
      ['--tmp-location', 'EPSG:4326', '--exec', 'bash', path.join(directory, 'script.sh')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 1 << 26,
      },
    );
    const match = /RWATERSHED_SECONDS ([\d.]+) ([\d.]+)/.exec(output);
    return match === null ? null : Number(match[2]) - Number(match[1]);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const sizes = process.argv.includes('--large') ? [2000, 4000] : [2000];
for (const size of sizes) {
  const raster = syntheticDem(size, 42);
  console.log(
    `DEM ${size} x ${size} (${((size * size) / 1e6).toFixed(0)} M cells), threshold ${THRESHOLD_CELLS} cells`,
  );
  timeOurs(raster);
  const ours = timeOurs(raster);
  console.log(
    `  delineate (whole pipeline): ${ours.seconds.toFixed(2)} s  [${ours.stages}]  ${ours.links} stream links`,
  );
  const grass = timeGrass(raster);
  if (grass === null) {
    console.log('  GRASS GIS r.watershed -s: skipped (grass not installed)');
  } else {
    console.log(`  GRASS GIS r.watershed -s: ${grass.toFixed(2)} s`);
    console.log(`  ratio r.watershed / delineate: ${(grass / ours.seconds).toFixed(2)}x`);
  }
}
