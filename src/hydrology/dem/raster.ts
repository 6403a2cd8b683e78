/**
 * A single-band elevation grid and the geometry of its cells.
 *
 * Cells are stored row by row from the top-left corner (row 0 is the northern edge), so cell (column, row)
 * is `data[row * width + column]`. The transform gives the top-left corner of the top-left cell and the cell
 * size; `cellSizeY` is positive and counts going south, as in a north-up GeoTIFF.
 */

/** Top-left corner and cell size of a north-up grid, in the raster's CRS units (degrees or metres). */
export interface RasterTransform {
  /** X (longitude or easting) of the left edge of column 0, CRS units. */
  readonly originX: number;
  /** Y (latitude or northing) of the top edge of row 0, CRS units. */
  readonly originY: number;
  /** Width of one cell, CRS units, positive. */
  readonly cellSizeX: number;
  /** Height of one cell, CRS units, positive going south. */
  readonly cellSizeY: number;
}

/** A single-band grid of elevations in metres (Float32), north-up. */
export interface Raster {
  /** Number of columns. */
  readonly width: number;
  /** Number of rows. */
  readonly height: number;
  /** Elevations in metres, row-major from the top-left cell; length width * height. */
  readonly data: Float32Array;
  /** The value that marks a cell without data, or null when every cell has data. NaN cells are always no-data. */
  readonly noData: number | null;
  /** Georeferencing of the grid. */
  readonly transform: RasterTransform;
  /** True when X/Y are longitude/latitude in degrees; false when they are metres (a projected CRS). */
  readonly geographic: boolean;
  /**
   * EPSG code of the CRS when known (4326, 4269, a UTM zone...). Used only to turn projected coordinates into
   * lon/lat for GeoJSON output; a projected raster without a code keeps its own coordinates in the output.
   */
  readonly epsg?: number | undefined;
}

/** WGS84 semi-major axis, metres. */
export const WGS84_SEMI_MAJOR_AXIS_M = 6378137;
/** WGS84 flattening. */
export const WGS84_FLATTENING = 1 / 298.257223563;

/**
 * Builds a raster, checking that the data length matches the dimensions.
 *
 * @example createRaster(2, 1, new Float32Array([10, 9]), { originX: 0, originY: 1, cellSizeX: 1, cellSizeY: 1 })
 */
export function createRaster(
  width: number,
  height: number,
  data: Float32Array,
  transform: RasterTransform,
  options: { noData?: number | null; geographic?: boolean; epsg?: number } = {},
): Raster {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`raster dimensions must be positive integers, got ${width} x ${height}`);
  }
  if (data.length !== width * height) {
    throw new RangeError(`raster data has ${data.length} cells, expected ${width * height}`);
  }
  if (!(transform.cellSizeX > 0) || !(transform.cellSizeY > 0)) {
    throw new RangeError('raster cell sizes must be positive');
  }
  return {
    width,
    height,
    data,
    noData: options.noData ?? null,
    transform,
    geographic: options.geographic ?? false,
    epsg: options.epsg,
  };
}

/** Marks each cell without data (the no-data value, NaN, or infinite) with 1; others 0. */
export function noDataMask(raster: Raster): Uint8Array {
  const { data, noData } = raster;
  const mask = new Uint8Array(data.length);
  const hasNoData = noData !== null && Number.isFinite(noData);
  const noDataValue = hasNoData ? Math.fround(noData) : 0;
  for (let index = 0; index < data.length; index++) {
    const value = data[index]!;
    if (!Number.isFinite(value) || (hasNoData && value === noDataValue)) mask[index] = 1;
  }
  return mask;
}

/**
 * Latitude of the centre of a row, degrees (geographic rasters) or the northing of the row centre (projected).
 *
 * @example rowCenterY(raster, 0) // originY - cellSizeY / 2
 */
export function rowCenterY(raster: Raster, row: number): number {
  return raster.transform.originY - (row + 0.5) * raster.transform.cellSizeY;
}

/**
 * Area of one cell in each row, square metres.
 *
 * Projected rasters: cellSizeX * cellSizeY (the CRS is taken to be in metres, as UTM is).
 * Geographic rasters: the exact area of the cell's quadrilateral on the WGS84 ellipsoid,
 * A = (b^2 * dLambda / 2) * [q(phiNorth) - q(phiSouth)], with
 * q(phi) = sin(phi) / (1 - e^2 sin^2 phi) + ln((1 + e sin phi) / (1 - e sin phi)) / (2e)
 * (the authalic-latitude band formula; Snyder 1987, eq. 3-12). So a 1 arc-second cell covers about
 * 950 m2 at the equator and about 480 m2 at 60 degrees of latitude.
 *
 * @example cellAreaM2ByRow(raster)[0] // m2 of each cell in the top row
 */
export function cellAreaM2ByRow(raster: Raster): Float64Array {
  const areas = new Float64Array(raster.height);
  const { cellSizeX, cellSizeY, originY } = raster.transform;
  if (!raster.geographic) {
    areas.fill(cellSizeX * cellSizeY);
    return areas;
  }
  const a = WGS84_SEMI_MAJOR_AXIS_M;
  const f = WGS84_FLATTENING;
  const b = a * (1 - f);
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const q = (latitudeDeg: number): number => {
    const s = Math.sin((Math.min(90, Math.max(-90, latitudeDeg)) * Math.PI) / 180);
    return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
  };
  const deltaLambda = (cellSizeX * Math.PI) / 180;
  for (let row = 0; row < raster.height; row++) {
    const north = originY - row * cellSizeY;
    const south = north - cellSizeY;
    areas[row] = Math.abs(((b * b * deltaLambda) / 2) * (q(north) - q(south)));
  }
  return areas;
}

/**
 * East-west and north-south size of a cell in each row, metres, as TauDEM computes them for D8 slopes.
 *
 * Geographic rasters follow TauDEM 5.3 (tiffIO::geotoLength on the WGS84 ellipsoid, with the row latitude it
 * uses, rounded to float32), so that ties between neighbours break the same way as TauDEM's D8FlowDir.
 * Projected rasters use the cell size directly.
 */
export function cellSizeMetersByRow(raster: Raster): {
  dxM: Float64Array;
  dyM: Float64Array;
} {
  const dxM = new Float64Array(raster.height);
  const dyM = new Float64Array(raster.height);
  const { cellSizeX, cellSizeY, originY } = raster.transform;
  if (!raster.geographic) {
    dxM.fill(cellSizeX);
    dyM.fill(cellSizeY);
    return { dxM, dyM };
  }
  // TauDEM's own constants, kept as they are so its tie-breaking is reproduced exactly.
  const pi = 3.14159265359;
  const semiMajor = 6378137.0;
  const semiMinor = 6356752.314;
  const ratio = semiMinor / semiMajor;
  const height = raster.height;
  const lowerLeftCenterY = originY - height * cellSizeY - cellSizeY / 2;
  const dLat = (cellSizeY * pi) / 180;
  const dLon = (cellSizeX * pi) / 180;
  for (let row = 0; row < height; row++) {
    const rowLatitude = Math.fround(lowerLeftCenterY + (height - row - 1) * cellSizeY);
    const lat = (rowLatitude * pi) / 180;
    const beta = Math.atan(ratio * Math.tan(lat));
    const cosRatio = Math.cos(beta) / Math.cos(lat);
    const dBeta = dLat * ratio * cosRatio * cosRatio;
    const ds2 = ((semiMajor * Math.sin(beta)) ** 2 + (semiMinor * Math.cos(beta)) ** 2) * dBeta * dBeta;
    dxM[row] = semiMajor * Math.cos(beta) * Math.abs(dLon);
    dyM[row] = Math.sqrt(ds2);
  }
  return { dxM, dyM };
}

/**
 * The cell containing a point given in the raster's CRS, or -1 when it falls outside the grid.
 *
 * @example cellAt(raster, -79.1008, 36.1897) // row * width + column
 */
export function cellAt(raster: Raster, x: number, y: number): number {
  const { originX, originY, cellSizeX, cellSizeY } = raster.transform;
  const column = Math.floor((x - originX) / cellSizeX);
  const row = Math.floor((originY - y) / cellSizeY);
  if (column < 0 || row < 0 || column >= raster.width || row >= raster.height) return -1;
  return row * raster.width + column;
}

/**
 * Centre of a cell in the raster's CRS.
 *
 * @example cellCenter(raster, 0) // [originX + cellSizeX / 2, originY - cellSizeY / 2]
 */
export function cellCenter(raster: Raster, cell: number): [number, number] {
  const column = cell % raster.width;
  const row = (cell - column) / raster.width;
  const { originX, originY, cellSizeX, cellSizeY } = raster.transform;
  return [originX + (column + 0.5) * cellSizeX, originY - (row + 0.5) * cellSizeY];
}
