import { create } from 'zustand';
import type { FeatureCollection, LineString, Polygon } from 'geojson';
import { importGeoFile, type XmlDocument } from '../../../src/io/geo-import';
import { readGeoTiffRaster } from '../../../src/io/geotiff';
import { RiverNetwork, type NetworkDiagnostic } from '../../../src/hydrology/river-network';
import type { CodedMessage } from '../../../src/i18n/translate';
import type { DelineateStage, Raster } from '../../../src/hydrology/dem';
import { rasterBoundsLonLat, withOwnAreas } from '../../../src/hydrology/delineated-rivers';
import type { DelineateReply, DelineateRequest } from './delineate-protocol';

/*
 * UI state of the River tab's two imports (hydrography, DEM): what was read, the preview, the running
 * delineation. It lives outside the panel so a delineation goes on while the user looks at another tab.
 * Nothing here is stored: only "Use as the basin's rivers" writes, through basin-replacement.ts.
 */

/** A network read from a file, waiting for the user to use it or discard it. */
export interface CandidateRivers {
  readonly source: 'file' | 'dem';
  readonly fileName: string;
  readonly network: RiverNetwork;
  readonly diagnostics: readonly NetworkDiagnostic[];
  /** Sub-basins of a delineation (drawn and stored with the rivers). */
  readonly subbasins?: FeatureCollection;
  /** Hillshade of a delineation, PNG data: URL, and its box in degrees. */
  readonly hillshade?: { readonly url: string; readonly bounds: readonly [number, number, number, number] };
  /** Outlet used by a delineation, [lon, lat]. */
  readonly outlet?: readonly [number, number] | null;
  /** Area draining to that outlet, km2. */
  readonly watershedAreaKm2?: number;
  readonly watershed?: Polygon | null;
}

/** The stream threshold as typed, and its unit. */
export interface StreamThreshold {
  readonly value: string;
  readonly unit: 'km2' | 'cells';
}

/** A DEM read from a GeoTIFF, and the delineation settings. */
export interface LoadedDem {
  readonly fileName: string;
  readonly raster: Raster;
  readonly validCells: number;
  readonly bounds: [number, number, number, number];
  /** Outlet picked on the map; null: the suggested one. */
  readonly outlet: readonly [number, number] | null;
  readonly threshold: StreamThreshold;
}

/** A running delineation. */
export interface DelineationRun {
  readonly fraction: number;
  readonly stage: DelineateStage;
}

/** How the last "use as the basin's rivers" (or putting the previous ones back) went. */
export interface UsedOutcome {
  readonly resnapped: number;
  readonly offRiver: number;
  readonly failed: number;
  /** True when the previous rivers were put back. */
  readonly restored?: boolean;
}

interface RiverImportState {
  readonly busy: 'file' | 'dem' | null;
  readonly errors: readonly CodedMessage[];
  readonly candidate: CandidateRivers | null;
  readonly dem: LoadedDem | null;
  readonly run: DelineationRun | null;
  /** How the last "use as the basin's rivers" went, shown until the next import. */
  readonly used: UsedOutcome | null;
  setUsed(used: UsedOutcome): void;
  setFailed(error: CodedMessage): void;
  readFile(file: File): Promise<void>;
  readDem(file: File): Promise<void>;
  setOutlet(outlet: readonly [number, number] | null): void;
  setThreshold(threshold: StreamThreshold): void;
  delineate(): void;
  cancel(): void;
  discard(): void;
}

let worker: Worker | null = null;

/** Reads a decimal typed in any locale ("2,5" or "2.5"); NaN when it is not one. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** Threshold in the form delineate takes, or a message when it is not a positive number. */
export function thresholdOption(
  threshold: StreamThreshold,
): { ok: true; value: { thresholdKm2: number } | { thresholdCells: number } } | { ok: false; error: CodedMessage } {
  const value = parseDecimal(threshold.value);
  if (!(value > 0) || (threshold.unit === 'cells' && !Number.isInteger(value)))
    return { ok: false, error: { code: 'dem.badThreshold', params: { value: threshold.value } } };
  return { ok: true, value: threshold.unit === 'km2' ? { thresholdKm2: value } : { thresholdCells: value } };
}

function parseXml(text: string): XmlDocument {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as XmlDocument;
}

/** Reads hydrography (GeoJSON, zipped Shapefile, KML, KMZ) into a network with its diagnostics, or the file's errors. */
export async function readHydrography(
  name: string,
  bytes: Uint8Array,
): Promise<
  { ok: true; network: RiverNetwork; diagnostics: NetworkDiagnostic[] } | { ok: false; errors: CodedMessage[] }
> {
  const imported = await importGeoFile(name, bytes, { parseXml });
  if (!imported.ok) return { ok: false, errors: [...imported.errors] };
  const { network, diagnostics } = RiverNetwork.fromGeoJson({ type: 'FeatureCollection', features: imported.features });
  if (network.reachCount === 0) return { ok: false, errors: [{ code: 'hydrology.network.empty' }] };
  return { ok: true, network, diagnostics };
}

/** Grey hillshade levels as a PNG data: URL (no-data cells transparent), at most `maxSide` pixels a side. */
export function hillshadePng(
  shade: Uint8Array,
  noData: Uint8Array,
  width: number,
  height: number,
  maxSide = 1200,
): string {
  const step = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const outWidth = Math.ceil(width / step);
  const outHeight = Math.ceil(height / step);
  const canvas = document.createElement('canvas');
  canvas.width = outWidth;
  canvas.height = outHeight;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(outWidth, outHeight);
  for (let row = 0; row < outHeight; row++) {
    for (let column = 0; column < outWidth; column++) {
      const cell = row * step * width + column * step;
      const grey = shade[cell]!;
      const at = (row * outWidth + column) * 4;
      image.data[at] = grey;
      image.data[at + 1] = grey;
      image.data[at + 2] = grey;
      image.data[at + 3] = noData[cell] === 1 ? 0 : 255;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

/** The River tab's import state. */
export const useRiverImportStore = create<RiverImportState>((set, get) => ({
  busy: null,
  errors: [],
  candidate: null,
  dem: null,
  run: null,
  used: null,

  setUsed(used) {
    stopWorker();
    set({ busy: null, errors: [], candidate: null, dem: null, run: null, used });
  },

  setFailed(error) {
    set({ errors: [error] });
  },

  async readFile(file) {
    stopWorker();
    set({ busy: 'file', errors: [], candidate: null, dem: null, run: null, used: null });
    try {
      const result = await readHydrography(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!result.ok) set({ busy: null, errors: result.errors });
      else
        set({
          busy: null,
          candidate: { source: 'file', fileName: file.name, network: result.network, diagnostics: result.diagnostics },
        });
    } catch (error) {
      set({ busy: null, errors: [{ code: 'river.import.failed', params: { detail: String(error) } }] });
    }
  },

  async readDem(file) {
    stopWorker();
    set({ busy: 'dem', errors: [], candidate: null, dem: null, run: null, used: null });
    const result = await readGeoTiffRaster(await file.arrayBuffer()).catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'river.import.failed', params: { detail: String(error) } },
    }));
    if (!result.ok) {
      set({ busy: null, errors: [{ code: result.error.code, params: result.error.params }] });
      return;
    }
    const { raster } = result;
    let validCells = 0;
    for (const value of raster.data) if (Number.isFinite(value) && value !== raster.noData) validCells++;
    if (validCells === 0) {
      set({ busy: null, errors: [{ code: 'dem.emptyRaster' }] });
      return;
    }
    set({
      busy: null,
      dem: {
        fileName: file.name,
        raster,
        validCells,
        bounds: rasterBoundsLonLat(raster),
        outlet: null,
        threshold: { value: String(Math.max(10, Math.round(validCells / 1000))), unit: 'cells' },
      },
    });
  },

  setOutlet(outlet) {
    const dem = get().dem;
    if (dem) set({ dem: { ...dem, outlet } });
  },

  setThreshold(threshold) {
    const dem = get().dem;
    if (dem) set({ dem: { ...dem, threshold } });
  },

  delineate() {
    const dem = get().dem;
    if (!dem) return;
    const threshold = thresholdOption(dem.threshold);
    if (!threshold.ok) {
      set({ errors: [threshold.error] });
      return;
    }
    stopWorker();
    const running = new Worker(new URL('./delineate.worker.ts', import.meta.url), { type: 'module' });
    worker = running;
    set({ errors: [], candidate: null, run: { fraction: 0, stage: 'fill' } });
    running.onmessage = (event: MessageEvent<DelineateReply>) => {
      if (worker !== running) return;
      const reply = event.data;
      if (reply.type === 'progress') {
        set({ run: { fraction: reply.fraction, stage: reply.stage } });
        return;
      }
      stopWorker();
      if (reply.type === 'error') {
        set({ run: null, errors: [{ code: reply.code, params: reply.params }] });
        return;
      }
      const streams = withOwnAreas(reply.streams) as FeatureCollection<LineString>;
      if (streams.features.length === 0) {
        set({ run: null, errors: [{ code: 'river.dem.noStreams' }] });
        return;
      }
      const { network, diagnostics } = RiverNetwork.fromGeoJson(streams);
      set({
        run: null,
        candidate: {
          source: 'dem',
          fileName: dem.fileName,
          network,
          diagnostics,
          subbasins: reply.subbasins,
          hillshade: { url: hillshadePng(reply.shade, reply.noData, reply.width, reply.height), bounds: dem.bounds },
          outlet: reply.outlet,
          watershedAreaKm2: reply.watershedAreaKm2,
          watershed: reply.watershed,
        },
      });
    };
    running.onerror = (event) => {
      if (worker !== running) return;
      stopWorker();
      set({ run: null, errors: [{ code: 'river.dem.failed', params: { detail: event.message } }] });
    };
    const request: DelineateRequest = {
      raster: dem.raster,
      ...threshold.value,
      ...(dem.outlet ? { outlet: dem.outlet } : {}),
    };
    running.postMessage(request);
  },

  cancel() {
    stopWorker();
    set({ run: null });
  },

  discard() {
    stopWorker();
    set({ busy: null, errors: [], candidate: null, dem: null, run: null });
  },
}));
