import { z } from 'zod';

/*
 * The basin as files (the embedded sample in data/sample-basin/, or a basin folder a user opens): basin.json with
 * its name, bounds, settings and communities' anchors, the reaches and sub-basins as GeoJSON, the hillshade
 * picture, the records by kind and the agreement. Read with schemas so a broken file stops with a message.
 */

const lonLat = z.tuple([z.number(), z.number()]);
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** Settings of a basin the committee can change. */
export const BasinSettingsSchema = z.object({
  /** Mean flow velocity for arrival-time estimates, m/s. */
  flowVelocityMs: z.number().positive(),
  timeZone: z.string(),
  utcOffsetMinutes: z.number().int(),
  locale: z.string(),
  /** The day the basin's findings are judged up to (the sample is frozen in time); today when absent. */
  referenceDate: z.string().optional(),
  /** Farthest a point may be from a river to be snapped to it, metres. */
  snapToleranceM: z.number().positive(),
});
export type BasinSettings = z.infer<typeof BasinSettingsSchema>;

/** basin.json. */
export const BasinFileSchema = z.object({
  formatVersion: z.literal(1),
  name: z.string().min(1),
  fictional: z.boolean(),
  description: z.string().optional(),
  bounds: bbox,
  outlet: lonLat,
  areaKm2: z.number().optional(),
  settings: BasinSettingsSchema,
  hillshade: z.object({ file: z.string(), bounds: bbox }).nullable().optional(),
  communities: z.array(z.object({ id: z.string(), name: z.string(), anchor: lonLat, reachId: z.string().optional() })),
});
export type BasinFile = z.infer<typeof BasinFileSchema>;

/** What the store keeps of a basin besides its records (in the meta table, key `basin`). */
export interface StoredBasin {
  readonly info: BasinFile;
  readonly reaches: GeoJSON.FeatureCollection;
  readonly subbasins: GeoJSON.FeatureCollection;
  /** The hillshade as a data: URL (small, and allowed by the Content-Security-Policy in Electron and the web). */
  readonly hillshadeUrl: string | null;
}

/** Reads a Blob as a data: URL (base64 of its bytes; no FileReader, so it also runs in workers and tests). */
export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}
