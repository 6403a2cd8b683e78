/**
 * Depression filling by Priority-Flood (Barnes, Lehman & Mulla 2014, "Priority-Flood: An optimal
 * depression-filling and watershed-labeling algorithm for digital elevation models", Algorithm 2 with the
 * plain-queue speed-up of their section 2.3). Its priority queue is a radix heap on the elevations' float32 bit
 * patterns (see cell-queue.ts): the flood level only rises, which is all a radix heap needs, and it costs a few
 * bit operations per cell where a binary heap costs a dozen comparisons and cache misses.
 *
 * Depressions are raised to their spill level and left exactly flat (no epsilon gradient), as TauDEM's PitRemove
 * does: flats are routed afterwards by the D8 step (Garbrecht-Martz). The water enters from the grid edge and
 * from every cell next to no-data, so those cells keep their elevation, as in TauDEM.
 */
import { noDataMask, type Raster } from './raster';
import { neighbourOffsets } from './d8';
import { MonotoneCellQueue } from './cell-queue';

/** Cell states: not reached yet, reached inside the grid, reached on the grid's outer edge (bounds checked). */
const OPEN = 0;
const CLOSED = 1;
const EDGE = 2;

/**
 * Fills every depression of the raster up to its spill elevation; returns the filled elevations (metres).
 * No-data cells keep their value.
 *
 * @example fillDepressions(raster)[cell] >= raster.data[cell]
 */
export function fillDepressions(raster: Raster, onRowsDone?: (fraction: number) => void): Float32Array {
  const { width, height } = raster;
  const total = width * height;
  const filled = new Float32Array(raster.data);
  const noData = noDataMask(raster);
  const state = new Uint8Array(total);
  const offsets = neighbourOffsets(width);
  const heap = new MonotoneCellQueue(Math.max(1024, 2 * (width + height)));
  // Cells raised to the current flood level and not yet expanded (Barnes' plain queue, used as a stack).
  const pit = new Int32Array(total);
  let top = 0;

  for (let cell = 0; cell < total; cell++) {
    if (noData[cell] === 1) {
      state[cell] = CLOSED;
      continue;
    }
    const column = cell % width;
    const row = (cell - column) / width;
    const onEdge = column === 0 || row === 0 || column === width - 1 || row === height - 1;
    let seed = onEdge;
    if (!seed) {
      for (let k = 1; k <= 8; k++) {
        if (noData[cell + offsets[k]!] === 1) {
          seed = true;
          break;
        }
      }
    }
    if (seed) {
      state[cell] = onEdge ? EDGE : CLOSED;
      heap.push(cell, filled[cell]!);
    }
  }

  let processed = 0;
  const reportEvery = Math.max(1, Math.floor(total / 20));
  while (top > 0 || heap.size > 0) {
    const cell = top > 0 ? pit[--top]! : heap.pop();
    const level = filled[cell]!;
    if (state[cell] === EDGE) {
      // Only seeds lie on the grid's edge: check each neighbour is inside the grid.
      const column = cell % width;
      const row = (cell - column) / width;
      for (let k = 1; k <= 8; k++) {
        const neighbourColumn = column + (k === 1 || k === 2 || k === 8 ? 1 : k >= 4 && k <= 6 ? -1 : 0);
        const neighbourRow = row + (k >= 2 && k <= 4 ? -1 : k >= 6 ? 1 : 0);
        if (neighbourColumn < 0 || neighbourRow < 0 || neighbourColumn >= width || neighbourRow >= height) continue;
        const neighbour = cell + offsets[k]!;
        if (state[neighbour] !== OPEN) continue;
        state[neighbour] = CLOSED;
        const z = filled[neighbour]!;
        if (z <= level) {
          filled[neighbour] = level;
          pit[top++] = neighbour;
        } else {
          heap.push(neighbour, z);
        }
      }
    } else {
      for (let k = 1; k <= 8; k++) {
        const neighbour = cell + offsets[k]!;
        if (state[neighbour] !== OPEN) continue;
        state[neighbour] = CLOSED;
        const z = filled[neighbour]!;
        if (z <= level) {
          filled[neighbour] = level;
          pit[top++] = neighbour;
        } else {
          heap.push(neighbour, z);
        }
      }
    }
    processed++;
    if (onRowsDone !== undefined && processed % reportEvery === 0) onRowsDone(processed / total);
  }
  return filled;
}
