/**
 * DEM pipeline benchmark: the whole of `delineate` on a seeded synthetic DEM, side by side with GRASS GIS
 * r.watershed -s (single-direction D8) on the same DEM, in the same run.
 *
 *   npx tsx bench/dem.bench.ts            2,000 x 2,000 cells
 *   npx tsx bench/dem.bench.ts --large    also 4,000 x 4,000 cells
 *
 * Both sides run DEM_BENCH_REPETITIONS times (default 5) and the medians are compared: this machine is shared
 * and single runs vary by half. Only r.watershed itself is timed for GRASS (not the import). If `grass` is not
 * installed the peer is skipped and our own figures are still printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { delineate, type DelineateStage, type Raster } from '../src/hydrology/dem';
import { reportFigure, reportUnmeasured } from './report';
import { syntheticDem } from './synthetic-dem';

const THRESHOLD_CELLS = 1000;

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

const REPETITIONS = Number(process.env['DEM_BENCH_REPETITIONS'] ?? 5);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A GRASS GIS location holding the DEM, where r.watershed can be timed again and again. */
interface GrassSession {
  /** Seconds of one run of r.watershed -s on the DEM, timed inside GRASS. */
  time(): number;
  /** Removes the location. */
  close(): void;
}

/** Imports the raster into a fresh GRASS location, or says why GRASS cannot run here. */
function openGrass(raster: Raster): GrassSession | string {
  const version = spawnSync('grass', ['--version'], { encoding: 'utf8' });
  if (version.error !== undefined || version.status !== 0) return 'grass is not installed';
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dem-bench-'));
  const location = path.join(directory, 'location');
  const grass = (args: string[]): { ok: boolean; stdout: string; message: string } => {
    const run = spawnSync('grass', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    const message = (run.error?.message ?? run.stderr ?? '').trim().split('\n').slice(-3).join(' ');
    return { ok: run.status === 0, stdout: run.stdout ?? '', message };
  };
  const fail = (what: string, message: string): string => {
    fs.rmSync(directory, { recursive: true, force: true });
    return `${what} failed: ${message.slice(0, 300)}`;
  };
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
  const script = (name: string, lines: string[]): string => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, ['set -e', ...lines].join('\n'));
    return file;
  };
  const created = grass(['-c', 'EPSG:4326', '-e', location]);
  if (!created.ok) return fail('creating a GRASS location', created.message);
  const importScript = script('import.sh', [
    `r.in.gdal input=${path.join(directory, 'dem.tif')} output=dem -o --quiet --overwrite`,
    'g.region raster=dem',
  ]);
  const imported = grass([path.join(location, 'PERMANENT'), '--exec', 'bash', importScript]);
  if (!imported.ok) return fail('r.in.gdal', imported.message);
  const runScript = script('run.sh', [
    'start=$(date +%s.%N)',
    `r.watershed -s elevation=dem accumulation=acc drainage=dir threshold=${THRESHOLD_CELLS} --quiet --overwrite`,
    'end=$(date +%s.%N)',
    'echo "RWATERSHED_SECONDS $start $end"',
  ]);
  return {
    time: () => {
      const run = grass([path.join(location, 'PERMANENT'), '--exec', 'bash', runScript]);
      const match = /RWATERSHED_SECONDS ([\d.]+) ([\d.]+)/.exec(run.stdout);
      if (match === null) throw new Error(`r.watershed failed: ${run.message}`);
      return Number(match[2]) - Number(match[1]);
    },
    close: () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

const sizes = process.argv.includes('--large') ? [2000, 4000] : [2000];
for (const size of sizes) {
  const raster = syntheticDem(size, 42);
  console.log(
    `DEM ${size} x ${size} (${((size * size) / 1e6).toFixed(0)} M cells), threshold ${THRESHOLD_CELLS} cells, median of ${REPETITIONS} runs each, alternating`,
  );
  timeOurs(raster);
  const grass = openGrass(raster);
  if (typeof grass === 'string') {
    console.log(`  GRASS GIS r.watershed -s: not run (${grass}); our figures only`);
    if (size === 2000) reportUnmeasured('dem.vs-grass', `GRASS not run: ${grass}`);
  }
  const ours: ReturnType<typeof timeOurs>[] = [];
  const theirs: number[] = [];
  try {
    // Alternate the two so that a burst of load from elsewhere on the machine hits both alike.
    for (let run = 0; run < REPETITIONS; run++) {
      ours.push(timeOurs(raster));
      if (typeof grass !== 'string') theirs.push(grass.time());
    }
  } finally {
    if (typeof grass !== 'string') grass.close();
  }
  const oursMedian = median(ours.map((run) => run.seconds));
  const typical = ours.find((run) => run.seconds === oursMedian) ?? ours[0]!;
  console.log(
    `  delineate (whole pipeline): ${oursMedian.toFixed(2)} s  (runs ${ours.map((run) => run.seconds.toFixed(2)).join(' ')})  [${typical.stages}]  ${typical.links} stream links`,
  );
  reportFigure(`dem.ours-${size}-s`, oursMedian);
  if (theirs.length > 0) {
    reportFigure(`dem.grass-${size}-s`, median(theirs));
    console.log(
      `  GRASS GIS r.watershed -s: ${median(theirs).toFixed(2)} s  (runs ${theirs.map((value) => value.toFixed(2)).join(' ')})`,
    );
    const ratios = theirs.map((value, index) => value / ours[index]!.seconds);
    reportFigure(size === 2000 ? 'dem.vs-grass' : `dem.vs-grass-${size}`, median(ratios));
    console.log(
      `  ratio r.watershed / delineate: ${(median(theirs) / oursMedian).toFixed(2)}x of the medians, ${median(ratios).toFixed(2)}x median of the paired runs (target > 1x: ours faster)`,
    );
  }
}
