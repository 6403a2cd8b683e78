import type { Actor, Draft, RecordKind, Repository } from '../../src/ports/repository';
import { META_FIELDS } from '../../src/ports/repository';
import { BasinFileSchema, blobToDataUrl, type StoredBasin } from './basin-files';

/*
 * First run: the embedded sample basin (data/sample-basin/, served beside the renderer) is read and written into the
 * store, kind by kind, each kind in one all-or-nothing import that keeps the sample's ids (records refer to each
 * other by id). The basin's geometry goes to the meta table last, so a run interrupted halfway imports again the
 * kinds it had not finished, and later runs read everything from the store.
 */

/** Where the sample basin is served, relative to the page. */
export const SAMPLE_BASIN_URL = './sample-basin/';

/** Meta key of the stored basin geometry. */
export const BASIN_META_KEY = 'basin';
const DONE_KINDS_KEY = 'sample.importedKinds';

/** Kinds in the order they are imported (referenced records first). */
const SAMPLE_KINDS: readonly RecordKind[] = [
  'communities',
  'intakes',
  'monitoringPoints',
  'withdrawals',
  'measurements',
  'contaminationEvents',
  'restorationSites',
  'restorationVisits',
  'meetings',
  'agreements',
];

/** The actor sample records are written as: the fictional committee's secretary. */
export const SAMPLE_ACTOR: Actor = { name: 'secretaria-comite', device: 'muestra-cuenca-aguaclara', role: 'coordinator' };

async function fetchOk(base: string, file: string): Promise<Response> {
  const response = await fetch(new URL(file, new URL(base, document.baseURI)));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response;
}

function withoutMeta(record: Record<string, unknown>): Record<string, unknown> {
  const draft = { ...record };
  for (const field of META_FIELDS) delete draft[field];
  delete draft['formatVersion'];
  return draft;
}

/** Imports the sample basin into an empty store; returns the stored basin geometry. */
export async function importSampleBasin(
  repository: Repository<Blob>,
  onProgress?: (kind: RecordKind, done: number, total: number) => void,
  base: string = SAMPLE_BASIN_URL,
): Promise<StoredBasin> {
  const [basinText, reaches, subbasins, records, agreement, hillshade] = await Promise.all([
    fetchOk(base, 'basin.json').then((response) => response.json() as Promise<unknown>),
    fetchOk(base, 'reaches.geojson').then((response) => response.json() as Promise<GeoJSON.FeatureCollection>),
    fetchOk(base, 'subbasins.geojson').then((response) => response.json() as Promise<GeoJSON.FeatureCollection>),
    fetchOk(base, 'records.json').then((response) => response.json() as Promise<Record<string, Record<string, unknown>[]>>),
    fetchOk(base, 'agreement.json').then((response) => response.json() as Promise<Record<string, unknown>>),
    fetchOk(base, 'hillshade.png').then((response) => response.blob()),
  ]);
  const info = BasinFileSchema.parse(basinText);
  const byKind: Partial<Record<RecordKind, Record<string, unknown>[]>> = { ...records, agreements: [agreement] };
  const done = new Set(((await repository.getMeta(DONE_KINDS_KEY)) as string[] | undefined) ?? []);
  for (const kind of SAMPLE_KINDS) {
    const rows = byKind[kind] ?? [];
    if (done.has(kind) || rows.length === 0) continue;
    const result = await repository.bulkImport(kind, rows.map(withoutMeta) as Draft<typeof kind>[], SAMPLE_ACTOR, {
      ids: rows.map((row) => String(row['id'])),
      onProgress: (progress) => onProgress?.(kind, progress.done, progress.total),
    });
    if (!result.ok) throw new Error(`${kind}: ${result.problems.map((problem) => problem.code).join(', ')}`);
    done.add(kind);
    await repository.setMeta(DONE_KINDS_KEY, [...done]);
  }
  const stored: StoredBasin = { info, reaches, subbasins, hillshadeUrl: await blobToDataUrl(hillshade) };
  await repository.setMeta(BASIN_META_KEY, stored);
  return stored;
}
