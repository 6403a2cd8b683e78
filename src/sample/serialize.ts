import type { SampleBasin } from './generate-basin';

/*
 * Files of data/sample-basin: compact JSON with one record (or feature) per line, so the files stay small and a
 * change to one record is a one-line diff.
 */

/** A file of the sample basin: its name in the folder and its content (text, or bytes for the PNG). */
export interface SampleFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * JSON of an object whose array values are written one element per line.
 * @example linesJson({ a: [1, 2] }) === '{\n"a":[\n1,\n2\n]\n}\n'
 */
export function linesJson(value: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(value).map(([key, entry]) => {
    if (!Array.isArray(entry)) return `${JSON.stringify(key)}:${JSON.stringify(entry)}`;
    if (entry.length === 0) return `${JSON.stringify(key)}:[]`;
    return `${JSON.stringify(key)}:[\n${entry.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** Every file of the basin folder, in a fixed order; the withdrawals are inside records.json. */
export function sampleBasinFiles(basin: SampleBasin): SampleFile[] {
  return [
    { name: 'basin.json', content: `${JSON.stringify(basin.info, null, 1)}\n` },
    { name: 'reaches.geojson', content: linesJson({ type: 'FeatureCollection', features: basin.reaches.features }) },
    { name: 'subbasins.geojson', content: linesJson({ type: 'FeatureCollection', features: basin.subbasins.features }) },
    { name: 'records.json', content: linesJson({ ...basin.records }) },
    { name: 'agreement.json', content: `${JSON.stringify(basin.agreement, null, 1)}\n` },
    { name: 'hillshade.png', content: basin.hillshadePng },
  ];
}

/** Header of the scale basin's withdrawals CSV (one reading per row, volumes in m3). */
export const WITHDRAWAL_CSV_HEADER = 'intake_id,period_start,period_end,volume_m3,method,reporter';

/** One CSV row of a withdrawal, matching WITHDRAWAL_CSV_HEADER; reporter names never contain commas or quotes. */
export function withdrawalCsvRow(withdrawal: { intakeId: string; periodStart: string; periodEnd: string; volumeM3: number; method: string; reporter: string }): string {
  return `${withdrawal.intakeId},${withdrawal.periodStart},${withdrawal.periodEnd},${withdrawal.volumeM3},${withdrawal.method},${withdrawal.reporter}`;
}
