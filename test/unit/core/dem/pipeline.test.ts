import { describe, expect, it } from 'vitest';
import {
  cellAreaM2ByRow,
  createRaster,
  DemError,
  delineate,
  hillshade,
  traceRings,
  type DelineateStage,
  type Raster,
} from '../../../../src/hydrology/dem';

const ARC_SECOND = 1 / 3600;

function degreeRaster(latitudeDeg: number): Raster {
  return createRaster(
    1,
    1,
    new Float32Array([0]),
    {
      originX: 0,
      originY: latitudeDeg + ARC_SECOND / 2,
      cellSizeX: ARC_SECOND,
      cellSizeY: ARC_SECOND,
    },
    { geographic: true },
  );
}

/** A V-shaped valley draining south along column `centre`, 10 m cells, in metres (projected). */
function valley(width: number, height: number): Raster {
  const centre = (width - 1) / 2;
  const data = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      data[row * width + column] = 100 + 2 * Math.abs(column - centre) + 0.5 * (height - 1 - row);
    }
  }
  return createRaster(width, height, data, {
    originX: 0,
    originY: height * 10,
    cellSizeX: 10,
    cellSizeY: 10,
  });
}

function ringAreaCells(ring: number[][]): number {
  let area = 0;
  for (let index = 1; index < ring.length; index++) {
    area += ring[index - 1]![0]! * ring[index]![1]! - ring[index]![0]! * ring[index - 1]![1]!;
  }
  return area / 2;
}

describe('cell area of degree rasters', () => {
  it('a 1 arc-second cell covers about 950 m2 at the equator (WGS84 ellipsoid)', () => {
    expect(cellAreaM2ByRow(degreeRaster(0))[0]).toBeCloseTo(949.8, 0);
  });

  it('a 1 arc-second cell at 60 degrees covers about half of one at the equator', () => {
    const ratio = cellAreaM2ByRow(degreeRaster(60))[0]! / cellAreaM2ByRow(degreeRaster(0))[0]!;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(0.51);
  });

  it('a projected raster has the same area in every row, cell width times height', () => {
    expect([...cellAreaM2ByRow(valley(5, 3))]).toEqual([100, 100, 100]);
  });
});

describe('watershed of a synthetic valley', () => {
  const raster = valley(9, 12);
  const outlet: [number, number] = [45, 5];
  const result = delineate(raster, { thresholdCells: 3, outlet });

  it('the outlet is the valley-floor cell on the bottom row', () => {
    expect(result.outletCell).toBe(11 * 9 + 4);
  });

  it('the watershed polygon is one closed counter-clockwise ring whose area is the watershed cells', () => {
    const polygon = result.watershed!;
    expect(polygon.coordinates).toHaveLength(1);
    const ring = polygon.coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const cells = ring.map(([x, y]) => [x! / 10, y! / 10]);
    expect(ringAreaCells(cells)).toBeCloseTo(result.watershedCells, 6);
  });

  it('the watershed is every interior cell plus the outlet (edge cells drain off the grid)', () => {
    expect(result.watershedCells).toBe(7 * 10 + 1);
  });

  it('the valley floor is one stream link of order 1 that ends at the outlet', () => {
    const floor = result.streams.features.filter((feature) => feature.properties.toid === null);
    expect(floor).toHaveLength(1);
    expect(floor[0]!.properties.outletCell).toBe(result.outletCell);
  });

  it('every cell of the watershed belongs to a sub-basin, and no cell outside it does', () => {
    for (let cell = 0; cell < raster.width * raster.height; cell++) {
      const column = cell % raster.width;
      const row = Math.floor(cell / raster.width);
      const interior = column > 0 && row > 0 && column < raster.width - 1 && row < raster.height - 1;
      expect(result.subbasins.labels[cell]! > 0).toBe(interior || cell === result.outletCell);
    }
  });
});

describe('stream links and Strahler order', () => {
  // Two tributary valleys meet: a "Y" of V-shaped valleys draining to the bottom centre.
  const width = 21;
  const height = 21;
  const data = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const stem =
        row >= 10
          ? Math.abs(column - 10)
          : Math.min(Math.abs(column - 10 + (10 - row)), Math.abs(column - 10 - (10 - row)));
      data[row * width + column] = 50 + 3 * stem + 0.4 * (height - 1 - row);
    }
  }
  const raster = createRaster(width, height, data, {
    originX: 0,
    originY: 210,
    cellSizeX: 10,
    cellSizeY: 10,
  });
  const result = delineate(raster, {
    thresholdCells: 4,
    outlet: [105, 5],
    subbasinPolygons: true,
  });
  const links = result.streams.features.map((feature) => feature.properties);

  it('each link has the Strahler order of its tributaries: the highest, plus one where two of them share it', () => {
    const outletLink = links.find((link) => link.toid === null)!;
    expect(outletLink.streamOrder).toBeGreaterThanOrEqual(2);
    for (const link of links) {
      const tributaryOrders = links.filter((other) => other.toid === link.id).map((other) => other.streamOrder);
      if (tributaryOrders.length === 0) {
        expect(link.streamOrder).toBe(1);
      } else {
        const highest = Math.max(...tributaryOrders);
        const sharing = tributaryOrders.filter((order) => order === highest).length;
        expect(link.streamOrder).toBe(sharing >= 2 ? highest + 1 : highest);
      }
    }
  });

  it('every link except the outlet link flows into an existing link', () => {
    const ids = new Set(links.map((link) => link.id));
    expect(links.filter((link) => link.toid === null)).toHaveLength(1);
    for (const link of links) if (link.toid !== null) expect(ids.has(link.toid)).toBe(true);
  });

  it('drainage area grows downstream: a link drains more than any link flowing into it', () => {
    const byId = new Map(links.map((link) => [link.id, link]));
    for (const link of links) {
      if (link.toid !== null) expect(byId.get(link.toid)!.drainageAreaKm2).toBeGreaterThan(link.drainageAreaKm2);
    }
  });

  it('each link has one sub-basin polygon', () => {
    expect(result.subbasins.polygons!.features.map((feature) => feature.properties.id).sort((a, b) => a - b)).toEqual(
      links.map((link) => link.id).sort((a, b) => a - b),
    );
  });
});

describe('delineate contract', () => {
  it('reports progress from 0 to 1, never going back, ending with "done"', () => {
    const calls: [number, DelineateStage][] = [];
    delineate(valley(9, 12), {
      thresholdCells: 3,
      onProgress: (fraction, stage) => calls.push([fraction, stage]),
    });
    for (let index = 1; index < calls.length; index++)
      expect(calls[index]![0]).toBeGreaterThanOrEqual(calls[index - 1]![0]);
    expect(calls[0]![0]).toBe(0);
    expect(calls[calls.length - 1]).toEqual([1, 'done']);
  });

  it('refuses an outlet outside the raster with the code dem.outletOutside', () => {
    expect(() => delineate(valley(9, 12), { outlet: [-500, -500] })).toThrow(
      expect.objectContaining({
        code: 'dem.outletOutside',
      }) as unknown as Error,
    );
  });

  it('refuses a threshold of zero with the code dem.badThreshold', () => {
    let error: unknown;
    try {
      delineate(valley(9, 12), { thresholdKm2: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DemError);
    expect((error as DemError).code).toBe('dem.badThreshold');
  });

  it('a raster with only no-data cells is refused with dem.emptyRaster', () => {
    const empty = createRaster(
      3,
      3,
      new Float32Array(9).fill(-9999),
      { originX: 0, originY: 3, cellSizeX: 1, cellSizeY: 1 },
      { noData: -9999 },
    );
    expect(() => delineate(empty)).toThrow(expect.objectContaining({ code: 'dem.emptyRaster' }) as unknown as Error);
  });

  it('cells next to no-data are outlets: flow never enters a hole in the data', () => {
    const raster = valley(9, 12);
    const data = new Float32Array(raster.data);
    data[6 * 9 + 4] = -9999;
    const result = delineate({ ...raster, data, noData: -9999 }, { thresholdCells: 3 });
    expect(result.accumulation.cells[6 * 9 + 4]).toBe(0);
    for (let cell = 0; cell < data.length; cell++) {
      const direction = result.directions[cell]!;
      if (direction === 0) continue;
      const target = cell + [0, 1, -8, -9, -10, -1, 8, 9, 10][direction]!;
      expect(target).not.toBe(6 * 9 + 4);
    }
  });
});

describe('outline tracing', () => {
  it('two cells touching only at a corner are traced as one ring (D8 joins them)', () => {
    const inside = new Set([0, 4]);
    const rings = traceRings([0, 4], (cell) => inside.has(cell), 3, 3);
    expect(rings).toHaveLength(1);
  });
});

describe('hillshade', () => {
  it('flat ground lit from 45 degrees gets 255 x cos(45 degrees) = 180 everywhere', () => {
    const flat = createRaster(4, 4, new Float32Array(16).fill(10), {
      originX: 0,
      originY: 40,
      cellSizeX: 10,
      cellSizeY: 10,
    });
    expect(new Set(hillshade(flat))).toEqual(new Set([180]));
  });

  it('a slope facing the north-west light is brighter than one facing south-east', () => {
    const rising = new Float32Array(25);
    const falling = new Float32Array(25);
    for (let row = 0; row < 5; row++) {
      for (let column = 0; column < 5; column++) {
        rising[row * 5 + column] = 5 * (row + column);
        falling[row * 5 + column] = -5 * (row + column);
      }
    }
    const transform = { originX: 0, originY: 50, cellSizeX: 10, cellSizeY: 10 };
    const facingNorthWest = hillshade(createRaster(5, 5, rising, transform))[12]!;
    const facingSouthEast = hillshade(createRaster(5, 5, falling, transform))[12]!;
    expect(facingNorthWest).toBeGreaterThan(facingSouthEast);
  });
});
