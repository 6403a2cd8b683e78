/**
 * D8 flow directions with flats routed the Garbrecht-Martz way, following TauDEM 5.3's D8FlowDir step by step
 * so that the same filled DEM gives the same directions:
 * - each interior cell drains to the neighbour of steepest positive drop (cardinal neighbours tried first, then
 *   diagonals, a diagonal refused when it would cross a diagonal flow already set between the other two
 *   cells), slopes in float32 with TauDEM's per-row cell sizes in metres;
 * - the grid edge and cells next to no-data get no direction: they are outlets;
 * - cells with no lower neighbour (flats) get artificial increments: towards lower terrain (breadth-first
 *   distance from the flat's draining edge) plus away from higher terrain (distance from its higher edge,
 *   inverted), as in Garbrecht & Martz (1997) "The assignment of drainage direction over flat surfaces in raster
 *   digital elevation models" and Barnes et al. (2014); each flat cell then drains down that gradient, or
 *   straight out to an equal or lower cell that is not part of a flat. Flats still unresolved are resolved
 *   again on their increments, as TauDEM repeats it.
 */
import { cellSizeMetersByRow, noDataMask, type Raster } from './raster';
import { neighbourOffsets } from './d8';

/** Internal marker for "no direction" while flats are resolved (TauDEM's no-data direction). */
const NONE = -1;
const FLAT = 0;
const FLAT_ORDER = [1, 3, 5, 7, 2, 4, 6, 8] as const;
const MAX_FLAT_PASSES = 64;

/** Per-row reciprocal distances to each neighbour (1 / metres), indexed row * 9 + direction. */
function distanceFactors(raster: Raster): Float64Array {
  const { dxM, dyM } = cellSizeMetersByRow(raster);
  const factors = new Float64Array(raster.height * 9);
  const columnOffset = [0, 1, 1, 0, -1, -1, -1, 0, 1];
  const rowOffset = [0, 0, -1, -1, -1, 0, 1, 1, 1];
  for (let row = 0; row < raster.height; row++) {
    const dx = dxM[row]!;
    const dy = dyM[row]!;
    for (let k = 1; k <= 8; k++) {
      const cx = columnOffset[k]!;
      const cy = rowOffset[k]!;
      factors[row * 9 + k] = 1 / Math.sqrt(cx * cx * dx * dx + cy * cy * dy * dy);
    }
  }
  return factors;
}

/**
 * Side neighbours that a diagonal flow would cross, with the direction that crosses it: [n1, c1, n2, c2] at
 * index 4 * k (all zero for the cardinal directions, which cross nothing).
 */
const CROSSING = Int8Array.from([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 3, 8, 0, 0, 0, 0, 3, 6, 5, 2, 0, 0, 0, 0, 7, 4, 5, 8, 0, 0, 0, 0, 1, 6, 7, 2,
]);

function crosses(k: number, cell: number, directions: Int8Array, offsets: Int32Array): boolean {
  if ((k & 1) === 1) return false;
  const at = 4 * k;
  return (
    directions[cell + offsets[CROSSING[at]!]!] === CROSSING[at + 1] ||
    directions[cell + offsets[CROSSING[at + 2]!]!] === CROSSING[at + 3]
  );
}

/**
 * D8 flow directions (TauDEM codes 1-8, 0 = none) of a depression-filled DEM.
 *
 * @example flowDirections(createRaster(3, 3, filled, transform)) // Uint8Array of 9 codes, only the centre set
 */
export function flowDirections(filledRaster: Raster, onProgress?: (fraction: number) => void): Uint8Array {
  const { width, height } = filledRaster;
  const elevation = filledRaster.data;
  const noData = noDataMask(filledRaster);
  const hasNoData = noData.includes(1);
  const offsets = neighbourOffsets(width);
  const factors = distanceFactors(filledRaster);
  const directions = new Int8Array(width * height).fill(NONE);
  const flats: number[] = [];
  const fround = Math.fround;

  for (let row = 1; row < height - 1; row++) {
    const rowFactors = row * 9;
    for (let column = 1; column < width - 1; column++) {
      const cell = row * width + column;
      if (noData[cell] === 1) continue;
      if (hasNoData) {
        let contaminated = false;
        for (let k = 1; k <= 8; k++) {
          if (noData[cell + offsets[k]!] === 1) {
            contaminated = true;
            break;
          }
        }
        if (contaminated) continue;
      }
      const z = elevation[cell]!;
      let best = FLAT;
      let steepest = 0;
      for (let k = 1; k <= 8; k += 2) {
        const slope = fround(factors[rowFactors + k]! * fround(z - elevation[cell + offsets[k]!]!));
        if (slope > steepest) {
          steepest = slope;
          best = k;
        }
      }
      directions[cell] = best;
      for (let k = 2; k <= 8; k += 2) {
        const slope = fround(factors[rowFactors + k]! * fround(z - elevation[cell + offsets[k]!]!));
        if (slope > steepest && !crosses(k, cell, directions, offsets)) {
          steepest = slope;
          directions[cell] = k;
        }
      }
      if (directions[cell] === FLAT) flats.push(cell);
    }
    if (onProgress !== undefined && row % 256 === 0) onProgress((0.7 * row) / height);
  }

  if (flats.length > 0) {
    // Increments live only on flat cells, so two full-size arrays are reused across passes and cleared cell by
    // cell: the previous pass's increments are the "elevation" of the next (TauDEM's repeat).
    let remaining: Int32Array = Int32Array.from(flats);
    let current = new Int32Array(width * height);
    let previous = new Int32Array(width * height);
    const fromHigher = new Int32Array(width * height);
    let flatElevation: ArrayLike<number> = elevation;
    let writtenInCurrent: Int32Array | null = null;
    let writtenInPrevious: Int32Array | null = null;
    for (let pass = 0; pass < MAX_FLAT_PASSES && remaining.length > 0; pass++) {
      if (writtenInCurrent !== null)
        for (let index = 0; index < writtenInCurrent.length; index++) {
          const cell = writtenInCurrent[index]!;
          current[cell] = 0;
        }
      const before = remaining;
      remaining = resolveFlats(
        elevation,
        flatElevation,
        current,
        fromHigher,
        directions,
        remaining,
        offsets,
        factors,
        width,
      );
      for (let index = 0; index < before.length; index++) {
        const cell = before[index]!;
        fromHigher[cell] = 0;
      }
      if (remaining.length === before.length) break;
      flatElevation = current;
      [current, previous] = [previous, current];
      [writtenInCurrent, writtenInPrevious] = [writtenInPrevious, before];
      if (onProgress !== undefined) onProgress(0.7 + (0.3 * (pass + 1)) / MAX_FLAT_PASSES);
    }
    for (let index = 0; index < remaining.length; index++) {
      const cell = remaining[index]!;
      directions[cell] = NONE;
    }
  }

  const result = new Uint8Array(width * height);
  for (let cell = 0; cell < result.length; cell++) {
    const direction = directions[cell]!;
    result[cell] = direction > 0 ? direction : 0;
  }
  return result;
}

/** Breadth-first increments over flat cells from the queued boundary cells; returns how many were set. */
function propagateIncrements(
  queue: number[],
  increments: Int32Array,
  directions: Int8Array,
  offsets: Int32Array,
  capacity: number,
): number {
  let set = 0;
  let step = 1;
  let current = Int32Array.from(queue);
  let currentLength = current.length;
  let next = new Int32Array(Math.max(capacity, 1));
  while (currentLength > 0) {
    let nextLength = 0;
    for (let index = 0; index < currentLength; index++) {
      const flat = current[index]!;
      if (increments[flat]! > 0) continue;
      for (let k = 1; k <= 8; k++) {
        const neighbour = flat + offsets[k]!;
        if (directions[neighbour] !== FLAT || increments[neighbour] !== 0) continue;
        if (crosses(k, flat, directions, offsets)) continue;
        next[nextLength++] = neighbour;
        increments[neighbour] = -1;
      }
      set++;
      increments[flat] = step;
    }
    if (current.length < capacity) current = new Int32Array(capacity);
    [current, next] = [next, current];
    currentLength = nextLength;
    step++;
  }
  return set;
}

/**
 * One Garbrecht-Martz pass over the given flat cells; writes directions and returns the cells still flat.
 * `increments` and `fromHigher` must be zero on these cells on entry; `increments` holds the combined gradient after.
 */
function resolveFlats(
  demElevation: Float32Array,
  elevation: ArrayLike<number>,
  increments: Int32Array,
  fromHigher: Int32Array,
  directions: Int8Array,
  flats: Int32Array,
  offsets: Int32Array,
  factors: Float64Array,
  width: number,
): Int32Array {
  const lowBoundaries: number[] = [];
  for (let index = 0; index < flats.length; index++) {
    const flat = flats[index]!;
    const z = elevation[flat]!;
    for (let k = 1; k <= 8; k++) {
      const neighbour = flat + offsets[k]!;
      const neighbourDirection = directions[neighbour]!;
      // TauDEM takes any edge cell as a drain, even a higher one; only an edge cell the flat can spill into
      // counts here, otherwise the flat is given no way out and later passes send it uphill. (The crossing test
      // comes last because most neighbours of a flat cell are flat and fail the cheaper tests.)
      if (
        ((neighbourDirection > 0 && z - elevation[neighbour]! >= 0) ||
          (neighbourDirection === NONE && demElevation[flat]! >= demElevation[neighbour]!)) &&
        !crosses(k, flat, directions, offsets)
      ) {
        lowBoundaries.push(flat);
        increments[flat] = -1;
        break;
      }
    }
  }
  if (propagateIncrements(lowBoundaries, increments, directions, offsets, flats.length) > 0) {
    markUndrainedFlats(elevation, increments, directions, flats, offsets);
  }

  const highBoundaries: number[] = [];
  for (let index = 0; index < flats.length; index++) {
    const flat = flats[index]!;
    const z = elevation[flat]!;
    for (let k = 1; k <= 8; k++) {
      if (z - elevation[flat + offsets[k]!]! < 0 && !crosses(k, flat, directions, offsets)) {
        fromHigher[flat] = -1;
        highBoundaries.push(flat);
        break;
      }
    }
  }
  propagateIncrements(highBoundaries, fromHigher, directions, offsets, flats.length);
  let highest = 0;
  for (let index = 0; index < flats.length; index++) {
    const flat = flats[index]!;
    if (fromHigher[flat]! > highest) highest = fromHigher[flat]!;
  }
  for (let index = 0; index < flats.length; index++) {
    const flat = flats[index]!;
    increments[flat] = increments[flat]! + highest - fromHigher[flat]!;
  }

  const fround = Math.fround;
  const still: number[] = [];
  for (let index = 0; index < flats.length; index++) {
    const flat = flats[index]!;
    const rowFactors = Math.floor(flat / width) * 9;
    let steepest = 0;
    const own = increments[flat]!;
    for (const k of FLAT_ORDER) {
      const neighbour = flat + offsets[k]!;
      const neighbourIncrement = increments[neighbour]!;
      if (neighbourIncrement > 0) {
        const slope = fround(factors[rowFactors + k]! * (own - neighbourIncrement));
        if (slope > steepest) {
          directions[flat] = k;
          steepest = slope;
        }
      } else if (
        fround(elevation[flat]! - elevation[neighbour]!) >= 0 &&
        demElevation[flat]! >= demElevation[neighbour]!
      ) {
        directions[flat] = k;
        break;
      }
    }
    if (directions[flat] === FLAT) still.push(flat);
  }
  return Int32Array.from(still);
}

/** Flat cells that neither touch a drain nor another flat cell become outlets (TauDEM's markPits). */
function markUndrainedFlats(
  elevation: ArrayLike<number>,
  increments: Int32Array,
  directions: Int8Array,
  flats: Int32Array,
  offsets: Int32Array,
): void {
  for (let index = 0; index < flats.length; index++) {
    const flat = flats[index]!;
    let drains = false;
    for (let k = 1; k <= 8; k++) {
      const neighbour = flat + offsets[k]!;
      const neighbourDirection = directions[neighbour]!;
      if (
        ((neighbourDirection > 0 && elevation[flat]! - elevation[neighbour]! >= 0) ||
          (neighbourDirection === FLAT && increments[neighbour]! >= 0)) &&
        !crosses(k, flat, directions, offsets)
      ) {
        drains = true;
        break;
      }
    }
    if (!drains) directions[flat] = NONE;
  }
}
