/**
 * The whole DEM pipeline in one call, for the app's worker and for generating sample basins.
 *
 * Steps: Priority-Flood depression filling (flat, as TauDEM PitRemove), D8 directions with flats routed the
 * Garbrecht-Martz way as TauDEM D8FlowDir does (on TauDEM's own Eno River test data this reproduces TauDEM's
 * filled DEM exactly and its directions on all but a few dozen of 603,460 cells), flow accumulation in cells and
 * km2, streams above a threshold, Strahler order, stream links with their downstream link, sub-basins, and the
 * watershed of the outlet.
 */
import type { FeatureCollection, LineString, Polygon } from 'geojson';
import { cellAt, noDataMask, type Raster } from './raster';
import { fromLonLatFunction } from './crs';
import { fillDepressions } from './fill';
import { flowDirections } from './flow-direction';
import { flowAccumulation, type FlowAccumulation } from './accumulation';
import { extractStreams, subbasinLabels, type StreamLinkProperties } from './streams';
import { polygonOfCells, regionPolygon, watershedMask } from './outline';
import { DemError } from './dem-error';

/** Stages reported to onProgress, in order. */
export type DelineateStage = 'fill' | 'directions' | 'accumulation' | 'streams' | 'subbasins' | 'watershed' | 'done';

/** Options of delineate. */
export interface DelineateOptions {
  /** A cell is a stream cell when at least this many cells drain through it (itself included). */
  readonly thresholdCells?: number;
  /** A cell is a stream cell when at least this many km2 drain through it; wins over thresholdCells. */
  readonly thresholdKm2?: number;
  /** Outlet point [lon, lat] in degrees; when given, streams and sub-basins cover only its watershed. */
  readonly outlet?: readonly [number, number];
  /** Move the outlet to the cell of largest accumulation within this many cells (default 0: no move). */
  readonly snapRadiusCells?: number;
  /** Also trace each sub-basin's outline as a polygon (default false: labels only). */
  readonly subbasinPolygons?: boolean;
  /** Called with the fraction done (0-1) and the current stage, e.g. to drive a progress bar from a worker. */
  readonly onProgress?: (fraction: number, stage: DelineateStage) => void;
}

/** Sub-basins: the catchment of each stream link. */
export interface Subbasins {
  /** Link id of the sub-basin of each cell (0 = drains to no stream link). */
  readonly labels: Int32Array;
  /** One polygon per link (property `id` = link id), in lon/lat; null unless asked for. */
  readonly polygons: FeatureCollection<Polygon, { id: number }> | null;
}

/** Everything delineate computes; rasters are row-major like the input. */
export interface DelineateResult {
  /** Depression-filled elevations, metres. */
  readonly filled: Float32Array;
  /** D8 directions, TauDEM codes (1 = E ... 8 = SE, 0 = none). */
  readonly directions: Uint8Array;
  /** Contributing cells and km2 of every cell. */
  readonly accumulation: FlowAccumulation;
  /** Stream links as LineStrings in lon/lat with id, toid, streamOrder, drainageAreaKm2 (see StreamLinkProperties). */
  readonly streams: FeatureCollection<LineString, StreamLinkProperties>;
  /** Strahler order of each stream cell (0 off the streams). */
  readonly streamOrder: Uint8Array;
  /** Sub-basin of every cell, and optionally their polygons. */
  readonly subbasins: Subbasins;
  /**
   * Index of the outlet cell: the (snapped) outlet given, or else the cell of largest accumulation (the mouth of
   * the largest river in the raster). Null only when the raster has no data at all.
   */
  readonly outletCell: number | null;
  /** Outline of the watershed draining to outletCell, lon/lat, or null without an outlet cell. */
  readonly watershed: Polygon | null;
  /** Number of cells in that watershed (its D8 contributing area). */
  readonly watershedCells: number;
  /** Area of that watershed, km2. */
  readonly watershedAreaKm2: number;
}

/**
 * Runs the whole pipeline on a DEM. Without a threshold, streams start where 1/1000 of the raster's cells
 * (at least 10) drain. Throws DemError 'dem.emptyRaster', 'dem.outletOutside' or 'dem.badThreshold'.
 *
 * @example delineate(raster, { thresholdKm2: 0.5, outlet: [-79.1008, 36.1897] }).streams.features
 */
export function delineate(raster: Raster, options: DelineateOptions = {}): DelineateResult {
  const report = options.onProgress ?? (() => {});
  const isNoData = noDataMask(raster);
  let validCells = 0;
  for (let cell = 0; cell < isNoData.length; cell++) if (isNoData[cell] === 0) validCells++;
  if (validCells === 0) throw new DemError('dem.emptyRaster');
  const { thresholdCells, thresholdKm2 } = options;
  if (
    (thresholdKm2 !== undefined && !(thresholdKm2 > 0)) ||
    (thresholdKm2 === undefined && thresholdCells !== undefined && !(thresholdCells >= 1))
  ) {
    throw new DemError('dem.badThreshold', {
      value: String(thresholdKm2 ?? thresholdCells),
    });
  }

  report(0, 'fill');
  const filled = fillDepressions(raster, (fraction) => report(0.35 * fraction, 'fill'));
  report(0.35, 'directions');
  const directions = flowDirections({ ...raster, data: filled }, (fraction) =>
    report(0.35 + 0.25 * fraction, 'directions'),
  );
  report(0.6, 'accumulation');
  const accumulation = flowAccumulation(directions, raster, isNoData);

  let outletCell: number | null = null;
  if (options.outlet !== undefined) {
    const [x, y] = fromLonLatFunction(raster)(options.outlet[0], options.outlet[1]);
    const cell = cellAt(raster, x, y);
    if (cell < 0 || isNoData[cell] === 1) {
      throw new DemError('dem.outletOutside', {
        lon: options.outlet[0],
        lat: options.outlet[1],
      });
    }
    outletCell = snapToLargestAccumulation(cell, options.snapRadiusCells ?? 0, raster, accumulation, isNoData);
  } else {
    let largest = -1;
    for (let cell = 0; cell < accumulation.cells.length; cell++) {
      if (isNoData[cell] === 0 && (largest < 0 || accumulation.cells[cell]! > accumulation.cells[largest]!)) {
        largest = cell;
      }
    }
    outletCell = largest >= 0 ? largest : null;
  }

  report(0.7, 'streams');
  const mask = outletCell === null ? null : watershedMask(directions, raster.width, outletCell);
  const network = extractStreams(
    raster,
    directions,
    accumulation,
    thresholdKm2 !== undefined
      ? { thresholdKm2 }
      : {
          thresholdCells: thresholdCells ?? Math.max(10, Math.round(validCells / 1000)),
        },
    options.outlet !== undefined && mask !== null ? mask : undefined,
  );

  report(0.8, 'subbasins');
  const labels = subbasinLabels(directions, raster.width, accumulation, network.linkOfCell);
  const polygons = options.subbasinPolygons === true ? subbasinPolygons(raster, labels) : null;

  report(0.9, 'watershed');
  const watershed = mask === null ? null : regionPolygon(raster, mask);
  report(1, 'done');
  return {
    filled,
    directions,
    accumulation,
    streams: network.links,
    streamOrder: network.order,
    subbasins: { labels, polygons },
    outletCell,
    watershed,
    watershedCells: outletCell === null ? 0 : accumulation.cells[outletCell]!,
    watershedAreaKm2: outletCell === null ? 0 : accumulation.areaKm2[outletCell]!,
  };
}

function snapToLargestAccumulation(
  cell: number,
  radius: number,
  raster: Raster,
  accumulation: FlowAccumulation,
  isNoData: Uint8Array,
): number {
  if (radius <= 0) return cell;
  const { width, height } = raster;
  const column = cell % width;
  const row = (cell - column) / width;
  let best = cell;
  for (let r = Math.max(0, row - radius); r <= Math.min(height - 1, row + radius); r++) {
    for (let c = Math.max(0, column - radius); c <= Math.min(width - 1, column + radius); c++) {
      const candidate = r * width + c;
      if (isNoData[candidate] === 0 && accumulation.cells[candidate]! > accumulation.cells[best]!) best = candidate;
    }
  }
  return best;
}

/**
 * The outline of every sub-basin, one Polygon feature per link id (property `id`), in lon/lat.
 *
 * @example subbasinPolygons(raster, result.subbasins.labels).features.length // number of links
 */
export function subbasinPolygons(raster: Raster, labels: Int32Array): FeatureCollection<Polygon, { id: number }> {
  const cellsOf = new Map<number, number[]>();
  for (let cell = 0; cell < labels.length; cell++) {
    const id = labels[cell]!;
    if (id === 0) continue;
    const list = cellsOf.get(id);
    if (list === undefined) cellsOf.set(id, [cell]);
    else list.push(cell);
  }
  const ids = [...cellsOf.keys()].sort((a, b) => a - b);
  const features = [];
  for (const id of ids) {
    const polygon = polygonOfCells(raster, cellsOf.get(id)!, (cell) => labels[cell] === id);
    if (polygon !== null)
      features.push({
        type: 'Feature' as const,
        geometry: polygon,
        properties: { id },
      });
  }
  return { type: 'FeatureCollection', features };
}
