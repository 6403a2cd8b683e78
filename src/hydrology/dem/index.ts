/** The DEM pipeline: rasters, filling, D8 directions, accumulation, streams, sub-basins, watersheds, hillshade. */
export {
  createRaster,
  cellAreaM2ByRow,
  cellSizeMetersByRow,
  cellAt,
  cellCenter,
  noDataMask,
  rowCenterY,
  type Raster,
  type RasterTransform,
} from './raster';
export {
  SUPPORTED_GEOGRAPHIC_EPSG,
  isSupportedEpsg,
  utmZoneOfEpsg,
  utmFromLonLat,
  utmToLonLat,
  toLonLatFunction,
  fromLonLatFunction,
  type UtmZone,
} from './crs';
export { D8_COLUMN_OFFSET, D8_ROW_OFFSET, downstreamCells, neighbourOffsets } from './d8';
export { fillDepressions } from './fill';
export { flowDirections } from './flow-direction';
export { flowAccumulation, type FlowAccumulation } from './accumulation';
export { extractStreams, subbasinLabels, type StreamLinkProperties, type StreamNetwork } from './streams';
export { watershedMask, regionPolygon, polygonOfCells, traceRings } from './outline';
export { hillshade } from './hillshade';
export { DemError, type DemErrorCode } from './dem-error';
export {
  delineate,
  subbasinPolygons,
  type DelineateOptions,
  type DelineateResult,
  type DelineateStage,
  type Subbasins,
} from './delineate';
