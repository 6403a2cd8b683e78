// shpjs ships no types; these cover the two readers geo-import uses.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Reads the shapes of a .shp; with no projection given, coordinates stay as stored. Null for null shapes. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  /** Reads the records of a .dbf, decoding text with the code page named by a .cpg (UTF-8 when absent). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
