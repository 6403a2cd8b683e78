import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createRaster,
  extractStreams,
  fillDepressions,
  flowAccumulation,
  flowDirections,
  type Raster,
} from '../../../../src/hydrology/dem';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/dem');
const update = process.env['UPDATE_GOLDEN'] === '1';

interface GoldenInput {
  width: number;
  height: number;
  cellSizeM: number;
  elevationsM: number[];
}
interface GoldenOutput {
  filledM: number[];
  directions: number[];
  accumulationCells: number[];
  strahlerOrder: number[];
}

function rasterOf(input: GoldenInput): Raster {
  return createRaster(input.width, input.height, Float32Array.from(input.elevationsM), {
    originX: 0,
    originY: input.height * input.cellSizeM,
    cellSizeX: input.cellSizeM,
    cellSizeY: input.cellSizeM,
  });
}

function run(input: GoldenInput): GoldenOutput {
  const raster = rasterOf(input);
  const filled = fillDepressions(raster);
  const directions = flowDirections({ ...raster, data: filled });
  const accumulation = flowAccumulation(directions, raster);
  const streams = extractStreams(raster, directions, accumulation, {
    thresholdCells: 2,
  });
  return {
    filledM: [...filled],
    directions: [...directions],
    accumulationCells: [...accumulation.cells],
    strahlerOrder: [...streams.order],
  };
}

const cases = fs
  .readdirSync(fixtures)
  .filter((file) => file.endsWith('.input.json'))
  .map((file) => file.replace('.input.json', ''));

describe('golden tiny DEMs', () => {
  it.each(cases)(
    '%s: filled elevations, directions, accumulation and Strahler order match the expected file',
    (name) => {
      const input = JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.input.json`), 'utf8')) as GoldenInput;
      const actual = run(input);
      const expectedFile = path.join(fixtures, `${name}.expected.json`);
      if (update || !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, `${JSON.stringify(actual)}\n`);
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    },
  );

  it('the pit is raised to the lowest pass out of the bowl (6 m) and no higher', () => {
    const input = JSON.parse(fs.readFileSync(path.join(fixtures, 'pit-6x6.input.json'), 'utf8')) as GoldenInput;
    const { filledM } = run(input);
    expect(filledM[2 * 6 + 2]).toBe(6);
    expect(filledM[2 * 6 + 3]).toBe(6);
    expect(filledM[1 * 6 + 1]).toBe(8);
  });

  it('every cell of the pit bowl ends at the east outlet', () => {
    const input = JSON.parse(fs.readFileSync(path.join(fixtures, 'pit-6x6.input.json'), 'utf8')) as GoldenInput;
    const { accumulationCells } = run(input);
    expect(accumulationCells[2 * 6 + 5]).toBe(1 + 16);
  });

  it('every cell of the flat drains, and all of it leaves by the single low edge cell', () => {
    const input = JSON.parse(fs.readFileSync(path.join(fixtures, 'flat-6x6.input.json'), 'utf8')) as GoldenInput;
    const { directions, accumulationCells } = run(input);
    for (let row = 1; row <= 4; row++) {
      for (let column = 1; column <= 4; column++) expect(directions[row * 6 + column]).not.toBe(0);
    }
    expect(accumulationCells[4 * 6 + 5]).toBe(17);
  });

  it('on the flat, each step of flow gets closer to the outlet (towards lower terrain)', () => {
    const input = JSON.parse(fs.readFileSync(path.join(fixtures, 'flat-6x6.input.json'), 'utf8')) as GoldenInput;
    const { directions } = run(input);
    const columnStep = [0, 1, 1, 0, -1, -1, -1, 0, 1];
    const rowStep = [0, 0, -1, -1, -1, 0, 1, 1, 1];
    const stepsToOutlet = (row: number, column: number): number => Math.max(Math.abs(row - 4), Math.abs(column - 5));
    for (let row = 1; row <= 4; row++) {
      for (let column = 1; column <= 4; column++) {
        const direction = directions[row * 6 + column]!;
        expect(stepsToOutlet(row + rowStep[direction]!, column + columnStep[direction]!)).toBeLessThan(
          stepsToOutlet(row, column),
        );
      }
    }
  });
});
