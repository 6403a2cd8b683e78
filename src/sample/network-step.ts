import type { Feature, LineString, Polygon } from 'geojson';
import { delineate } from '../hydrology/dem/delineate';
import { hillshade } from '../hydrology/dem/hillshade';
import { polygonOfCells } from '../hydrology/dem/outline';
import { cellAreaM2ByRow } from '../hydrology/dem/raster';
import { roundGeometry } from './communities';
import { round } from './records-common';
import type { SyntheticDem } from './synthetic-dem';
import type { SampleReachCollection, SampleReachProperties, SampleSubbasinCollection } from './topology';

/** What the sample needs from the DEM pipeline: reaches, sub-basins and a hillshade of the same grid. */
export interface SampleNetworkStep {
  reaches: SampleReachCollection;
  subbasins: SampleSubbasinCollection;
  /** Grey levels 0-255 of the terrain, row-major, one per DEM cell. */
  hillshade: Uint8Array;
  /** Area draining to the outlet, km2. */
  watershedAreaKm2: number;
  /**
   * Outlines of territories made of groups of reaches: the cells of the groups' sub-basins traced on the grid
   * (one polygon per group, the largest ring where a group's cells touch only by a corner).
   */
  territories: (groups: readonly (readonly string[])[]) => Polygon[];
}

/**
 * Runs the project's DEM pipeline (fill, D8, accumulation, streams above `thresholdCells`, sub-basins) on the
 * synthetic DEM and keeps what the sample stores: ids as strings, coordinates to 6 decimals.
 * @example delineateSample(generateSyntheticDem(SAMPLE_DEM_OPTIONS), 250).reaches.features.length // a few hundred
 */
export function delineateSample(dem: SyntheticDem, thresholdCells: number): SampleNetworkStep {
  const result = delineate(dem.raster, { thresholdCells, outlet: dem.outletLonLat, subbasinPolygons: true });
  const areaByRow = cellAreaM2ByRow(dem.raster);
  const areaM2ByLabel = new Map<number, number>();
  const labels = result.subbasins.labels;
  for (let cell = 0; cell < labels.length; cell += 1) {
    const label = labels[cell] ?? 0;
    if (label === 0) continue;
    areaM2ByLabel.set(label, (areaM2ByLabel.get(label) ?? 0) + (areaByRow[Math.floor(cell / dem.raster.width)] ?? 0));
  }
  const reaches: Feature<LineString, SampleReachProperties>[] = result.streams.features.map((feature) => ({
    type: 'Feature',
    properties: {
      id: String(feature.properties.id),
      toid: feature.properties.toid === null ? null : String(feature.properties.toid),
      streamOrder: feature.properties.streamOrder,
      drainageAreaKm2: round(feature.properties.drainageAreaKm2, 4),
      areaKm2: round((areaM2ByLabel.get(feature.properties.id) ?? 0) / 1e6, 4),
    },
    geometry: {
      type: 'LineString',
      coordinates: feature.geometry.coordinates.map((position) => [round(position[0] ?? 0, 6), round(position[1] ?? 0, 6)]),
    },
  }));
  const subbasins: Feature<Polygon, { reachId: string; areaKm2: number }>[] = (result.subbasins.polygons?.features ?? []).map((feature) => ({
    type: 'Feature',
    properties: { reachId: String(feature.properties.id), areaKm2: round((areaM2ByLabel.get(feature.properties.id) ?? 0) / 1e6, 4) },
    geometry: roundGeometry(feature.geometry),
  }));
  return {
    reaches: { type: 'FeatureCollection', features: reaches },
    subbasins: { type: 'FeatureCollection', features: subbasins },
    hillshade: hillshade(dem.raster),
    watershedAreaKm2: round(result.watershedAreaKm2, 3),
    territories: (groups) => {
      const groupOfLabel = new Map<number, number>();
      groups.forEach((reachIds, group) => {
        for (const reachId of reachIds) groupOfLabel.set(Number(reachId), group);
      });
      const cellsOfGroup: number[][] = groups.map(() => []);
      const groupOfCell = new Int32Array(labels.length).fill(-1);
      for (let cell = 0; cell < labels.length; cell += 1) {
        const group = groupOfLabel.get(labels[cell] ?? 0);
        if (group === undefined) continue;
        groupOfCell[cell] = group;
        cellsOfGroup[group]?.push(cell);
      }
      return cellsOfGroup.map((cells, group) => {
        const polygon = polygonOfCells(dem.raster, cells, (cell) => groupOfCell[cell] === group);
        if (polygon === null) throw new Error(`territory ${group} has no cells`);
        return polygon;
      });
    },
  };
}
