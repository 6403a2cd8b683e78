/**
 * Depression filling by Priority-Flood (Barnes, Lehman & Mulla 2014, "Priority-Flood: An optimal
 * depression-filling and watershed-labeling algorithm for digital elevation models", Algorithm 2 with the
 * plain-queue speed-up of their section 2.3).
 *
 * Depressions are raised to their spill level and left exactly flat (no epsilon gradient), as TauDEM's PitRemove
 * does: flats are routed afterwards by the D8 step (Garbrecht-Martz). The water enters from the grid edge and
 * from every cell next to no-data, so those cells keep their elevation, as in TauDEM.
 */
import { noDataMask, type Raster } from './raster';
import { neighbourOffsets } from './d8';
import { CellHeap } from './cell-heap';

/**
 * Fills every depression of the raster up to its spill elevation; returns the filled elevations (metres).
 * No-data cells keep their value.
 *
 * @example fillDepressions(raster)[cell] >= raster.data[cell]
 */
export function fillDepressions(raster: Raster, onRowsDone?: (fraction: number) => void): Float32Array {
  const { width, height } = raster;
  const filled = new Float32Array(raster.data);
  const noData = noDataMask(raster);
  const closed = new Uint8Array(width * height);
  const offsets = neighbourOffsets(width);
  const heap = new CellHeap(Math.max(1024, 2 * (width + height)));
  const pit = new Int32Array(width * height);
  let pitHead = 0;
  let pitTail = 0;

  for (let cell = 0; cell < filled.length; cell++) {
    if (noData[cell] === 1) {
      closed[cell] = 1;
      continue;
    }
    const column = cell % width;
    const row = (cell - column) / width;
    let seed = column === 0 || row === 0 || column === width - 1 || row === height - 1;
    if (!seed) {
      for (let k = 1; k <= 8; k++) {
        if (noData[cell + offsets[k]!] === 1) {
          seed = true;
          break;
        }
      }
    }
    if (seed) {
      closed[cell] = 1;
      heap.push(cell, filled[cell]!);
    }
  }

  const total = filled.length;
  let processed = 0;
  const reportEvery = Math.max(1, Math.floor(total / 20));
  while (pitHead < pitTail || heap.size > 0) {
    let cell: number;
    if (pitHead < pitTail) {
      cell = pit[pitHead++]!;
      if (pitHead === pitTail) {
        pitHead = 0;
        pitTail = 0;
      }
    } else {
      cell = heap.pop();
    }
    const level = filled[cell]!;
    const column = cell % width;
    const row = (cell - column) / width;
    const interior = column > 0 && row > 0 && column < width - 1 && row < height - 1;
    for (let k = 1; k <= 8; k++) {
      const neighbour = cell + offsets[k]!;
      if (!interior) {
        const neighbourColumn = column + (k === 1 || k === 2 || k === 8 ? 1 : k >= 4 && k <= 6 ? -1 : 0);
        const neighbourRow = row + (k >= 2 && k <= 4 ? -1 : k >= 6 ? 1 : 0);
        if (neighbourColumn < 0 || neighbourRow < 0 || neighbourColumn >= width || neighbourRow >= height) continue;
      }
      if (closed[neighbour] === 1) continue;
      closed[neighbour] = 1;
      if (filled[neighbour]! <= level) {
        filled[neighbour] = level;
        pit[pitTail++] = neighbour;
      } else {
        heap.push(neighbour, filled[neighbour]!);
      }
    }
    processed++;
    if (onRowsDone !== undefined && processed % reportEvery === 0) onRowsDone(processed / total);
  }
  return filled;
}
