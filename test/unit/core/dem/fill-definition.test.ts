import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRaster, fillDepressions, noDataMask, type Raster } from '../../../../src/hydrology/dem';

/**
 * The filled elevation of a cell by definition: the lowest level at which water poured on it reaches the grid
 * edge or a no-data cell, i.e. max(own elevation, min over neighbours' filled levels), iterated to a fixed point
 * from the cells on the edge or next to no-data, which keep their elevation.
 */
function fillByDefinition(raster: Raster): Float32Array {
  const { width, height, data } = raster;
  const noData = noDataMask(raster);
  const filled = new Float32Array(data.length).fill(Infinity);
  const fixed = new Uint8Array(data.length);
  const neighbours = (cell: number): number[] => {
    const column = cell % width;
    const row = (cell - column) / width;
    const list: number[] = [];
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const r = row + dr;
        const c = column + dc;
        if ((dr !== 0 || dc !== 0) && r >= 0 && c >= 0 && r < height && c < width) list.push(r * width + c);
      }
    return list;
  };
  for (let cell = 0; cell < data.length; cell++) {
    const column = cell % width;
    const row = (cell - column) / width;
    const onEdge = row === 0 || column === 0 || row === height - 1 || column === width - 1;
    if (noData[cell] === 1 || onEdge || neighbours(cell).some((n) => noData[n] === 1)) {
      filled[cell] = data[cell]!;
      fixed[cell] = 1;
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (let cell = 0; cell < data.length; cell++) {
      if (fixed[cell] === 1) continue;
      let lowest = Infinity;
      for (const n of neighbours(cell)) if (noData[n] === 0 && filled[n]! < lowest) lowest = filled[n]!;
      const level = Math.max(data[cell]!, lowest);
      if (level < filled[cell]!) {
        filled[cell] = level;
        changed = true;
      }
    }
  }
  return filled;
}

const rasterArbitrary = fc
  .record({
    width: fc.integer({ min: 1, max: 14 }),
    height: fc.integer({ min: 1, max: 14 }),
    // Few distinct levels make flats and ties; negative, fractional and huge values exercise the float32 keys.
    levels: fc.constantFrom([0, 1, 2], [-3.5, -0.25, 0, 0.25, 7], [-1e6, -2, 3.75, 1e6], [100.01, 100.02, 100.03, 250]),
    seed: fc.array(fc.nat(), { minLength: 196, maxLength: 196 }),
    holes: fc.boolean(),
  })
  .map(({ width, height, levels, seed, holes }) => {
    const data = new Float32Array(width * height);
    for (let cell = 0; cell < data.length; cell++) {
      const value = seed[cell]!;
      data[cell] = holes && value % 11 === 0 ? -9999 : levels[value % levels.length]!;
    }
    return createRaster(
      width,
      height,
      data,
      { originX: 0, originY: height * 30, cellSizeX: 30, cellSizeY: 30 },
      { noData: -9999 },
    );
  });

describe('fillDepressions', () => {
  it('raises every cell exactly to its spill level, with ties, negative elevations and no-data holes', () => {
    fc.assert(
      fc.property(rasterArbitrary, (raster) => {
        expect(Array.from(fillDepressions(raster))).toEqual(Array.from(fillByDefinition(raster)));
      }),
      { numRuns: 300 },
    );
  });

  it('fills a pit below zero to a rim at zero, whether the rim is written as 0 or -0', () => {
    // 5 x 5: an edge at 3 with one low edge cell at -2 (row 2, column 0), a ring of 0 and -0, a pit at -5.
    const z = [3, 3, 3, 3, 3, 3, 0, -0, 0, 3, -2, -0, -5, 0, 3, 3, 0, -0, 0, 3, 3, 3, 3, 3, 3];
    const filled = fillDepressions(
      createRaster(5, 5, Float32Array.from(z), { originX: 0, originY: 150, cellSizeX: 30, cellSizeY: 30 }),
    );
    expect(filled[12] === 0).toBe(true);
    expect(Array.from(filled).filter((value, cell) => value !== z[cell])).toEqual([0]);
  });
});
