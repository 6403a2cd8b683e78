import type { FeatureCollection, LineString, Polygon } from 'geojson';
import type { DelineateStage, Raster, StreamLinkProperties } from '../../../src/hydrology/dem';

/** Messages between the River panel and delineate.worker.ts. */

/** Asks the worker to delineate a DEM. */
export interface DelineateRequest {
  readonly raster: Raster;
  readonly thresholdKm2?: number;
  readonly thresholdCells?: number;
  /** Outlet [lon, lat]; absent: the suggested one (where the largest river leaves the model). */
  readonly outlet?: readonly [number, number];
}

/** What the worker answers: progress, the result, or why it failed (a message code). */
export type DelineateReply =
  | { readonly type: 'progress'; readonly fraction: number; readonly stage: DelineateStage }
  | {
      readonly type: 'done';
      readonly streams: FeatureCollection<LineString, StreamLinkProperties>;
      readonly subbasins: FeatureCollection<Polygon, { id: number }>;
      readonly watershed: Polygon | null;
      readonly outlet: [number, number] | null;
      readonly watershedAreaKm2: number;
      /** Grey levels of the hillshade, one per cell, row-major. */
      readonly shade: Uint8Array;
      /** 1 for each cell without data (drawn transparent). */
      readonly noData: Uint8Array;
      readonly width: number;
      readonly height: number;
    }
  | { readonly type: 'error'; readonly code: string; readonly params: Readonly<Record<string, string | number>> };
