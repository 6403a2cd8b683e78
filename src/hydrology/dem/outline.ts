/**
 * Watershed masks and the outlines of raster regions as GeoJSON polygons.
 *
 * The outline follows cell edges. Cells that touch only at a corner count as connected (D8 flow joins them),
 * so a watershed always comes out as one ring; enclosed cells that do not drain to the outlet become holes.
 */
import type { Polygon } from 'geojson';
import type { Raster } from './raster';
import { neighbourOffsets } from './d8';
import { toLonLatFunction } from './crs';

/**
 * Marks (1) every cell whose D8 flow path passes through `outletCell`, the outlet included.
 *
 * @example watershedMask(directions, width, outletCell).reduce((a, b) => a + b, 0) // cells in the watershed
 */
export function watershedMask(directions: Uint8Array, width: number, outletCell: number): Uint8Array {
  const size = directions.length;
  const offsets = neighbourOffsets(width);
  const height = size / width;
  const mask = new Uint8Array(size);
  const stack = new Int32Array(size);
  let top = 0;
  mask[outletCell] = 1;
  stack[top++] = outletCell;
  while (top > 0) {
    const cell = stack[--top]!;
    const column = cell % width;
    const row = (cell - column) / width;
    for (let k = 1; k <= 8; k++) {
      const neighbourColumn = column - (k === 1 || k === 2 || k === 8 ? 1 : k >= 4 && k <= 6 ? -1 : 0);
      const neighbourRow = row - (k >= 2 && k <= 4 ? -1 : k >= 6 ? 1 : 0);
      if (neighbourColumn < 0 || neighbourRow < 0 || neighbourColumn >= width || neighbourRow >= height) continue;
      const neighbour = cell - offsets[k]!;
      // The neighbour drains into this cell when its direction is k (it lies at -offset[k] from us).
      if (mask[neighbour] === 0 && directions[neighbour] === k) {
        mask[neighbour] = 1;
        stack[top++] = neighbour;
      }
    }
  }
  return mask;
}

/** Rings of grid-vertex coordinates [column, row] around the cells for which `inside` is true. */
export function traceRings(
  cells: ArrayLike<number>,
  inside: (cell: number) => boolean,
  width: number,
  height: number,
): number[][][] {
  const vertexWidth = width + 1;
  const from: number[] = [];
  const to: number[] = [];
  const outgoing = new Map<number, number[]>();
  const addEdge = (a: number, b: number): void => {
    const index = from.length;
    from.push(a);
    to.push(b);
    const list = outgoing.get(a);
    if (list === undefined) outgoing.set(a, [index]);
    else list.push(index);
  };
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    const column = cell % width;
    const row = (cell - column) / width;
    const topLeft = row * vertexWidth + column;
    const topRight = topLeft + 1;
    const bottomLeft = topLeft + vertexWidth;
    const bottomRight = bottomLeft + 1;
    // Clockwise around each inside cell as drawn on the map: outer rings come out clockwise, holes anticlockwise.
    if (row === 0 || !inside(cell - width)) addEdge(topLeft, topRight);
    if (column === width - 1 || !inside(cell + 1)) addEdge(topRight, bottomRight);
    if (row === height - 1 || !inside(cell + width)) addEdge(bottomRight, bottomLeft);
    if (column === 0 || !inside(cell - 1)) addEdge(bottomLeft, topLeft);
  }
  const used = new Uint8Array(from.length);
  const rings: number[][][] = [];
  for (let start = 0; start < from.length; start++) {
    if (used[start] === 1) continue;
    const ring: number[][] = [];
    let edge = start;
    while (used[edge] === 0) {
      used[edge] = 1;
      const a = from[edge]!;
      ring.push([a % vertexWidth, Math.floor(a / vertexWidth)]);
      const b = to[edge]!;
      const candidates = outgoing.get(b)!;
      let next = -1;
      if (candidates.length === 1) {
        next = candidates[0]!;
      } else {
        // A corner where two inside cells touch diagonally: turn so the ring joins them (8-connected).
        const inX = (b % vertexWidth) - (a % vertexWidth);
        const inY = Math.floor(b / vertexWidth) - Math.floor(a / vertexWidth);
        for (const candidate of candidates) {
          if (used[candidate] === 1) continue;
          const c = to[candidate]!;
          const outX = (c % vertexWidth) - (b % vertexWidth);
          const outY = Math.floor(c / vertexWidth) - Math.floor(b / vertexWidth);
          if (inX * outY - inY * outX < 0 || next === -1) next = candidate;
        }
        if (next === -1) next = candidates[0]!;
      }
      edge = next;
    }
    rings.push(simplifyRing(ring));
  }
  return rings;
}

function simplifyRing(ring: number[][]): number[][] {
  const kept: number[][] = [];
  const count = ring.length;
  for (let index = 0; index < count; index++) {
    const previous = ring[(index + count - 1) % count]!;
    const current = ring[index]!;
    const next = ring[(index + 1) % count]!;
    const cross =
      (current[0]! - previous[0]!) * (next[1]! - current[1]!) - (current[1]! - previous[1]!) * (next[0]! - current[0]!);
    if (cross !== 0) kept.push(current);
  }
  if (kept.length > 0) kept.push([...kept[0]!]);
  return kept;
}

/** Signed area of a ring in grid-vertex coordinates (rows down): negative for rings clockwise on screen. */
function screenArea(ring: number[][]): number {
  let area = 0;
  for (let index = 1; index < ring.length; index++) {
    const a = ring[index - 1]!;
    const b = ring[index]!;
    area += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return area / 2;
}

/**
 * The outline of the cells marked 1 in `mask` as a GeoJSON Polygon in lon/lat: the largest outer ring,
 * counter-clockwise, with the holes inside it. Null when no cell is marked.
 *
 * @example regionPolygon(raster, watershedMask(directions, raster.width, outletCell)) // { type: 'Polygon', ... }
 */
export function regionPolygon(raster: Raster, mask: Uint8Array): Polygon | null {
  return polygonOfCells(raster, collectMarked(mask), (cell) => mask[cell] === 1);
}

/**
 * The outline of the listed cells (those for which `inside` is true) as a GeoJSON Polygon in lon/lat.
 *
 * @example polygonOfCells(raster, cellsOfSubbasin, (cell) => labels[cell] === id)
 */
export function polygonOfCells(
  raster: Raster,
  cells: ArrayLike<number>,
  inside: (cell: number) => boolean,
): Polygon | null {
  if (cells.length === 0) return null;
  const rings = traceRings(cells, inside, raster.width, raster.height);
  let outer: number[][] | null = null;
  let outerArea = 0;
  const holes: number[][][] = [];
  for (const ring of rings) {
    const area = screenArea(ring);
    // Outer rings run clockwise on screen (positive here, rows growing downward); holes the other way.
    if (area > 0) {
      if (area > outerArea) {
        outer = ring;
        outerArea = area;
      }
    } else {
      holes.push(ring);
    }
  }
  if (outer === null) return null;
  const toLonLat = toLonLatFunction(raster);
  const { originX, originY, cellSizeX, cellSizeY } = raster.transform;
  // Traced rings run clockwise as seen on the map; GeoJSON (RFC 7946) wants outer rings counter-clockwise.
  const project = (ring: number[][]): number[][] =>
    ring.map(([column, row]) => toLonLat(originX + column! * cellSizeX, originY - row! * cellSizeY)).reverse();
  const outerBounds = bounds(outer);
  const inner = holes.filter((hole) => {
    const holeBounds = bounds(hole);
    return (
      holeBounds[0] >= outerBounds[0] &&
      holeBounds[1] >= outerBounds[1] &&
      holeBounds[2] <= outerBounds[2] &&
      holeBounds[3] <= outerBounds[3]
    );
  });
  return {
    type: 'Polygon',
    coordinates: [project(outer), ...inner.map(project)],
  };
}

function bounds(ring: number[][]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x! < minX) minX = x!;
    if (y! < minY) minY = y!;
    if (x! > maxX) maxX = x!;
    if (y! > maxY) maxY = y!;
  }
  return [minX, minY, maxX, maxY];
}

function collectMarked(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let cell = 0; cell < mask.length; cell++) if (mask[cell] === 1) count++;
  const cells = new Int32Array(count);
  let index = 0;
  for (let cell = 0; cell < mask.length; cell++) if (mask[cell] === 1) cells[index++] = cell;
  return cells;
}
