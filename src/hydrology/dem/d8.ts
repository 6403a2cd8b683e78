/**
 * D8 direction codes in TauDEM's encoding: 1 = E, 2 = NE, 3 = N, 4 = NW, 5 = W, 6 = SW, 7 = S, 8 = SE,
 * 0 = no direction (an outlet: the grid edge, a cell next to no-data, or a no-data cell).
 */

/** Column offset of each direction code (index 0 unused). */
export const D8_COLUMN_OFFSET: readonly number[] = [0, 1, 1, 0, -1, -1, -1, 0, 1];
/** Row offset of each direction code, rows counting south (index 0 unused). */
export const D8_ROW_OFFSET: readonly number[] = [0, 0, -1, -1, -1, 0, 1, 1, 1];

/** Index offsets of the 8 neighbours (index 0 unused) for a grid of the given width. */
export function neighbourOffsets(width: number): Int32Array {
  const offsets = new Int32Array(9);
  for (let k = 1; k <= 8; k++) offsets[k] = D8_ROW_OFFSET[k]! * width + D8_COLUMN_OFFSET[k]!;
  return offsets;
}

/**
 * Index of the cell each cell drains to, or -1 for cells without a direction.
 *
 * @example downstreamCells(directions, width)[cell] // the next cell along the flow path
 */
export function downstreamCells(directions: Uint8Array, width: number): Int32Array {
  const offsets = neighbourOffsets(width);
  const downstream = new Int32Array(directions.length);
  for (let cell = 0; cell < directions.length; cell++) {
    const direction = directions[cell]!;
    downstream[cell] = direction === 0 ? -1 : cell + offsets[direction]!;
  }
  return downstream;
}
