/** D8 flow accumulation: how many cells, and how many km2, drain through each cell (the cell itself included). */
import { cellAreaM2ByRow, type Raster } from './raster';
import { neighbourOffsets } from './d8';

/** Contributing area of every cell, and the order in which cells were visited. */
export interface FlowAccumulation {
  /** Number of cells draining through each cell, itself included; 0 for no-data cells. */
  readonly cells: Uint32Array;
  /** Area draining through each cell, km2, itself included (cell areas from cellAreaM2ByRow). */
  readonly areaKm2: Float64Array;
  /** Every cell with data, each after all the cells that drain into it (upstream first). */
  readonly upstreamFirst: Int32Array;
}

/**
 * Accumulates D8 directions (TauDEM codes) by a topological sweep from the sources down.
 * `isNoData` (1 = no data) excludes cells; directions must not form cycles (flowDirections never does).
 *
 * @example flowAccumulation(directions, raster).cells[outletCell] // cells in the watershed of outletCell
 */
export function flowAccumulation(
  directions: Uint8Array,
  raster: Pick<Raster, 'width' | 'height' | 'transform' | 'geographic'>,
  isNoData?: Uint8Array,
): FlowAccumulation {
  const { width, height } = raster;
  const size = width * height;
  const offsets = neighbourOffsets(width);
  const areaByRow = cellAreaM2ByRow(raster as Raster);
  const inflowCount = new Uint8Array(size);
  for (let cell = 0; cell < size; cell++) {
    const direction = directions[cell]!;
    if (direction !== 0) inflowCount[cell + offsets[direction]!]!++;
  }
  const cells = new Uint32Array(size);
  const areaKm2 = new Float64Array(size);
  for (let row = 0; row < height; row++) {
    const areaOfCellKm2 = areaByRow[row]! / 1e6;
    const start = row * width;
    for (let column = 0; column < width; column++) {
      const cell = start + column;
      if (isNoData !== undefined && isNoData[cell] === 1) continue;
      cells[cell] = 1;
      areaKm2[cell] = areaOfCellKm2;
    }
  }
  // Walk each flow path down from its source while the next cell has no other pending inflow: cells along a
  // path are neighbours in memory, which is far faster than a breadth-first queue over the whole grid.
  const order = new Int32Array(size);
  const done = 255;
  let tail = 0;
  for (let source = 0; source < size; source++) {
    if (inflowCount[source] !== 0 || (isNoData !== undefined && isNoData[source] === 1)) continue;
    let cell = source;
    for (;;) {
      inflowCount[cell] = done;
      order[tail++] = cell;
      const direction = directions[cell]!;
      if (direction === 0) break;
      const downstream = cell + offsets[direction]!;
      cells[downstream] = cells[downstream]! + cells[cell]!;
      areaKm2[downstream] = areaKm2[downstream]! + areaKm2[cell]!;
      if (--inflowCount[downstream]! !== 0) break;
      cell = downstream;
    }
  }
  return { cells, areaKm2, upstreamFirst: order.subarray(0, tail) };
}
