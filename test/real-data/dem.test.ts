import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGeoTiffRaster } from '../../src/io/geotiff';
import { cellAt, delineate, flowAccumulation, type DelineateResult, type Raster } from '../../src/hydrology/dem';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = process.env['WSC_FIXTURES'] ?? path.resolve(repoRoot, '..', 'shared', 'fixtures');
const eno = path.join(fixtures, 'dem-eno');

async function readRaster(file: string): Promise<Raster> {
  const bytes = fs.readFileSync(path.join(eno, file));
  const result = await readGeoTiffRaster(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!result.ok) throw new Error(`${file}: ${result.error.code}`);
  return result.raster;
}

function movedOutlet(): [number, number] {
  const geojson = JSON.parse(fs.readFileSync(path.join(eno, 'reference', 'outlets_moved.geojson'), 'utf8')) as {
    features: { geometry: { coordinates: [number, number] } }[];
  };
  return geojson.features[0]!.geometry.coordinates;
}

/** TauDEM direction rasters mark edges as no-data (-32768); our code for "no direction" is 0. */
function taudemDirections(raster: Raster): Uint8Array {
  return Uint8Array.from(raster.data, (value) => (value >= 1 && value <= 8 ? value : 0));
}

const TAUDEM_OUTLET_CELLS = 154_269;
/**
 * TauDEM defined its 53-link network by a Peuker-Douglas drop analysis, not by a plain area threshold (its
 * smallest stream cell drains 1,442 cells). At 1,900 cells a plain threshold also gives 27 sources and 53 links.
 */
const TAUDEM_STREAM_THRESHOLD_CELLS = 1_900;

describe('Eno River DEM against TauDEM', () => {
  let pipeline: DelineateResult | undefined;
  let dem: Raster | undefined;
  const run = async (): Promise<{
    result: DelineateResult;
    raster: Raster;
  }> => {
    dem ??= await readRaster('enogeo.tif');
    pipeline ??= delineate(dem, {
      thresholdCells: TAUDEM_STREAM_THRESHOLD_CELLS,
      outlet: movedOutlet(),
    });
    return { result: pipeline, raster: dem };
  };

  it("accumulating TauDEM's own directions gives 154,269 cells at the moved outlet", async () => {
    const directions = await readRaster('reference/enogeop.tif');
    const [lon, lat] = movedOutlet();
    const accumulation = flowAccumulation(taudemDirections(directions), directions);
    expect(accumulation.cells[cellAt(directions, lon, lat)]).toBe(TAUDEM_OUTLET_CELLS);
  });

  it("the whole pipeline from the raw DEM gives TauDEM's 154,269 cells at the moved outlet", async () => {
    const { result } = await run();
    console.log(
      `pipeline watershed: ${result.watershedCells} cells (TauDEM ${TAUDEM_OUTLET_CELLS}), ${result.watershedAreaKm2.toFixed(3)} km2`,
    );
    // Flats are routed as TauDEM routes them, so the count is not only within 1%: it is TauDEM's exactly.
    expect(result.watershedCells).toBe(TAUDEM_OUTLET_CELLS);
  });

  it("the filled DEM matches TauDEM's enogeofel.tif", async () => {
    const { result } = await run();
    const reference = await readRaster('reference/enogeofel.tif');
    let maxDifference = 0;
    for (let cell = 0; cell < reference.data.length; cell++) {
      maxDifference = Math.max(maxDifference, Math.abs(result.filled[cell]! - reference.data[cell]!));
    }
    console.log(`filled DEM: max abs difference from TauDEM ${maxDifference} m`);
    expect(maxDifference).toBeLessThan(0.01);
  });

  it("the directions match TauDEM's enogeop.tif on at least 99% of cells", async () => {
    const { result } = await run();
    const reference = taudemDirections(await readRaster('reference/enogeop.tif'));
    let equal = 0;
    for (let cell = 0; cell < reference.length; cell++) if (reference[cell] === result.directions[cell]) equal++;
    console.log(
      `directions: ${equal} of ${reference.length} cells equal TauDEM (${((100 * equal) / reference.length).toFixed(4)}%)`,
    );
    expect(equal / reference.length).toBeGreaterThan(0.99);
  });

  it("the outlet link drains TauDEM's 13.20 km2 and the network has about TauDEM's 53 links", async () => {
    const { result } = await run();
    const outletLinks = result.streams.features.filter((feature) => feature.properties.toid === null);
    const highestOrder = Math.max(...result.streams.features.map((feature) => feature.properties.streamOrder));
    console.log(
      `streams at ${TAUDEM_STREAM_THRESHOLD_CELLS} cells: ${result.streams.features.length} links (TauDEM 53), ` +
        `highest Strahler order ${highestOrder} (TauDEM 3), outlet link ${outletLinks[0]?.properties.drainageAreaKm2.toFixed(3)} km2 (TauDEM 13.20)`,
    );
    expect(outletLinks).toHaveLength(1);
    expect(outletLinks[0]!.properties.drainageAreaKm2).toBeCloseTo(13.2, 1);
    expect(Math.abs(result.streams.features.length - 53)).toBeLessThanOrEqual(5);
    expect(highestOrder).toBeGreaterThanOrEqual(3);
    expect(highestOrder).toBeLessThanOrEqual(4);
  });

  it('the watershed polygon encloses the outlet area', async () => {
    const { result } = await run();
    expect(result.watershed?.type).toBe('Polygon');
    expect(result.watershed!.coordinates[0]!.length).toBeGreaterThan(4);
  });
});
