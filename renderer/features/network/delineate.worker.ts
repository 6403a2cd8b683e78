import { cellCenter, delineate, DemError, hillshade, noDataMask, toLonLatFunction } from '../../../src/hydrology/dem';
import { linksDrainingTo } from '../../../src/hydrology/delineated-rivers';
import type { DelineateReply, DelineateRequest } from './delineate-protocol';

/*
 * Runs the DEM pipeline off the UI thread: delineation with progress (at most one message per percent or stage),
 * then the hillshade. The panel cancels by terminating the worker.
 */

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<DelineateRequest>) => void) | null;
  postMessage(message: DelineateReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { raster, thresholdCells, thresholdKm2, outlet } = event.data;
  let lastFraction = -1;
  let lastStage = '';
  try {
    const result = delineate(raster, {
      ...(thresholdKm2 !== undefined ? { thresholdKm2 } : {}),
      ...(thresholdCells !== undefined ? { thresholdCells } : {}),
      ...(outlet !== undefined ? { outlet, snapRadiusCells: 5 } : {}),
      subbasinPolygons: true,
      onProgress: (fraction, stage) => {
        if (stage === lastStage && fraction - lastFraction < 0.01) return;
        lastFraction = fraction;
        lastStage = stage;
        scope.postMessage({ type: 'progress', fraction, stage });
      },
    });
    const shade = hillshade(raster);
    const noData = noDataMask(raster);
    const outletCell = result.outletCell;
    // Without a chosen outlet the streams cover the whole raster; keep the basin of the suggested outlet only.
    const streams =
      outlet === undefined && outletCell !== null ? linksDrainingTo(result.streams, outletCell) : result.streams;
    const kept = new Set(streams.features.map((feature) => feature.properties.id));
    const subbasins = result.subbasins.polygons ?? { type: 'FeatureCollection' as const, features: [] };
    scope.postMessage(
      {
        type: 'done',
        streams,
        subbasins: { ...subbasins, features: subbasins.features.filter((feature) => kept.has(feature.properties.id)) },
        watershed: result.watershed,
        outlet: outletCell === null ? null : toLonLatFunction(raster)(...cellCenter(raster, outletCell)),
        watershedAreaKm2: result.watershedAreaKm2,
        shade,
        noData,
        width: raster.width,
        height: raster.height,
      },
      [shade.buffer, noData.buffer],
    );
  } catch (error) {
    if (error instanceof DemError) scope.postMessage({ type: 'error', code: error.code, params: error.params });
    else scope.postMessage({ type: 'error', code: 'river.dem.failed', params: { detail: String(error) } });
  }
};
