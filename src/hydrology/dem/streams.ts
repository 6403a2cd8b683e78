/**
 * Streams above an accumulation threshold, Strahler order, stream links (reaches between junctions) with their
 * downstream link, and the sub-basin (catchment) of each link.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { cellCenter, cellSizeMetersByRow, type Raster } from './raster';
import { neighbourOffsets } from './d8';
import type { FlowAccumulation } from './accumulation';
import { toLonLatFunction } from './crs';

/** Properties of one stream link, as RiverNetwork.fromGeoJson reads them. */
export interface StreamLinkProperties {
  /** Link id, 1..n, numbered from the sources down (upstream links get lower ids). */
  readonly id: number;
  /** Id of the link this one flows into, or null for an outlet link. */
  readonly toid: number | null;
  /** Strahler order of the link. */
  readonly streamOrder: number;
  /** Area draining through the link's last cell, km2. */
  readonly drainageAreaKm2: number;
  /** Cells draining through the link's last cell. */
  readonly drainageCells: number;
  /** Length along the cell centres, junction to junction, km. */
  readonly lengthKm: number;
  /** Row-major index of the link's last cell in the raster. */
  readonly outletCell: number;
}

/** A stream network traced on a raster. */
export interface StreamNetwork {
  /** 1 where a cell is a stream cell, else 0. */
  readonly isStream: Uint8Array;
  /** Strahler order of each stream cell (0 off the streams). */
  readonly order: Uint8Array;
  /** Link id of each stream cell (0 off the streams). */
  readonly linkOfCell: Int32Array;
  /** One LineString per link, in lon/lat, with StreamLinkProperties. */
  readonly links: FeatureCollection<LineString, StreamLinkProperties>;
}

/**
 * Traces the stream network: cells whose accumulation reaches `thresholdCells` (or `thresholdKm2`), restricted
 * to `withinMask` cells when given (e.g. the watershed of an outlet).
 *
 * @example extractStreams(raster, directions, accumulation, { thresholdCells: 1000 }).links.features.length
 */
export function extractStreams(
  raster: Raster,
  directions: Uint8Array,
  accumulation: FlowAccumulation,
  threshold: { thresholdCells?: number; thresholdKm2?: number },
  withinMask?: Uint8Array,
): StreamNetwork {
  const { width } = raster;
  const size = width * raster.height;
  const offsets = neighbourOffsets(width);
  const isStream = new Uint8Array(size);
  const byArea = threshold.thresholdKm2 !== undefined;
  const limit = byArea ? threshold.thresholdKm2! : (threshold.thresholdCells ?? 1);
  for (let cell = 0; cell < size; cell++) {
    if (withinMask !== undefined && withinMask[cell] === 0) continue;
    const value = byArea ? accumulation.areaKm2[cell]! : accumulation.cells[cell]!;
    if (value >= limit && accumulation.cells[cell]! > 0) isStream[cell] = 1;
  }

  const streamInflows = new Uint8Array(size);
  const downstreamOf = (cell: number): number => {
    const direction = directions[cell]!;
    return direction === 0 ? -1 : cell + offsets[direction]!;
  };
  for (let cell = 0; cell < size; cell++) {
    if (isStream[cell] === 0) continue;
    const downstream = downstreamOf(cell);
    if (downstream >= 0 && isStream[downstream] === 1) streamInflows[downstream]!++;
  }

  const order = new Uint8Array(size);
  const highestInflowOrder = new Uint8Array(size);
  const highestInflowCount = new Uint8Array(size);
  const linkOfCell = new Int32Array(size);
  const heads: number[] = [];
  for (const cell of accumulation.upstreamFirst) {
    if (isStream[cell] === 0) continue;
    const cellOrder =
      streamInflows[cell] === 0
        ? 1
        : highestInflowCount[cell]! >= 2
          ? highestInflowOrder[cell]! + 1
          : highestInflowOrder[cell]!;
    order[cell] = cellOrder;
    if (streamInflows[cell] !== 1) heads.push(cell);
    const downstream = downstreamOf(cell);
    if (downstream >= 0 && isStream[downstream] === 1) {
      if (cellOrder > highestInflowOrder[downstream]!) {
        highestInflowOrder[downstream] = cellOrder;
        highestInflowCount[downstream] = 1;
      } else if (cellOrder === highestInflowOrder[downstream]) {
        highestInflowCount[downstream]!++;
      }
    }
  }

  const toLonLat = toLonLatFunction(raster);
  const { dxM, dyM } = cellSizeMetersByRow(raster);
  const linkCells: number[][] = [];
  heads.forEach((head, index) => {
    const id = index + 1;
    const cells: number[] = [];
    let cell = head;
    for (;;) {
      linkOfCell[cell] = id;
      cells.push(cell);
      const downstream = downstreamOf(cell);
      if (downstream < 0 || isStream[downstream] === 0 || streamInflows[downstream] !== 1) break;
      cell = downstream;
    }
    linkCells.push(cells);
  });

  const features: Feature<LineString, StreamLinkProperties>[] = linkCells.map((cells, index) => {
    const last = cells[cells.length - 1]!;
    const downstream = downstreamOf(last);
    const toid = downstream >= 0 && isStream[downstream] === 1 ? linkOfCell[downstream]! : null;
    const path = toid === null ? cells : [...cells, downstream];
    let lengthM = 0;
    for (let step = 1; step < path.length; step++) {
      const from = path[step - 1]!;
      const to = path[step]!;
      const row = Math.floor(from / width);
      const columnStep = (to % width) - (from % width);
      const rowStep = Math.floor(to / width) - row;
      lengthM += Math.hypot(columnStep * dxM[row]!, rowStep * dyM[row]!);
    }
    const coordinates = path.map((cell) => {
      const [x, y] = cellCenter(raster, cell);
      return toLonLat(x, y);
    });
    if (coordinates.length === 1) coordinates.push([...coordinates[0]!] as [number, number]);
    return {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        id: index + 1,
        toid,
        streamOrder: order[last]!,
        drainageAreaKm2: accumulation.areaKm2[last]!,
        drainageCells: accumulation.cells[last]!,
        lengthKm: lengthM / 1000,
        outletCell: last,
      },
    };
  });
  return {
    isStream,
    order,
    linkOfCell,
    links: { type: 'FeatureCollection', features },
  };
}

/**
 * Labels every cell with the id of the first stream link its flow path reaches (its sub-basin); 0 for cells
 * that reach no stream (outside the network's watershed).
 *
 * @example subbasinLabels(directions, accumulation, network.linkOfCell)[cell] // link id
 */
export function subbasinLabels(
  directions: Uint8Array,
  width: number,
  accumulation: FlowAccumulation,
  linkOfCell: Int32Array,
): Int32Array {
  const offsets = neighbourOffsets(width);
  const labels = new Int32Array(linkOfCell);
  const order = accumulation.upstreamFirst;
  for (let index = order.length - 1; index >= 0; index--) {
    const cell = order[index]!;
    if (labels[cell] !== 0) continue;
    const direction = directions[cell]!;
    if (direction !== 0) labels[cell] = labels[cell + offsets[direction]!]!;
  }
  return labels;
}
