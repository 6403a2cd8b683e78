import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSession } from '../../../../renderer/session/session';
import { WatershedDatabase } from '../../../../renderer/store/db';
import { freshIndexedDb } from '../store/store-fixtures';

// First run: the embedded sample basin is fetched beside the page and imported once, even when two callers open
// the session at the same moment (React mounts effects twice in development; two windows can start together).

const SAMPLE_DIR = join(process.cwd(), 'data');

function serveSampleBasin(): void {
  vi.stubGlobal('fetch', async (url: URL | string) => {
    const path = decodeURIComponent(new URL(String(url)).pathname);
    const bytes = await readFile(join(SAMPLE_DIR, path));
    const type = path.endsWith('.png') ? 'image/png' : 'application/json';
    return new Response(bytes, { headers: { 'content-type': type } });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('opening the session', () => {
  it('imports the sample basin once when two callers open it together, and reads it from the store afterwards', async () => {
    serveSampleBasin();
    const indexedDb = freshIndexedDb();
    const [first, second] = await Promise.all([
      openSession(undefined, new WatershedDatabase('watershed-commons', indexedDb)),
      openSession(undefined, new WatershedDatabase('watershed-commons', indexedDb)),
    ]);
    expect(first.firstRun && second.firstRun).toBe(true);
    expect(await first.db.recordTable('communities').count()).toBe(12);
    expect(await first.db.recordTable('withdrawals').count()).toBe(1501);
    expect((await first.repository.verifyAudit()).ok).toBe(true);
    expect(second.basin.info.name).toBe('Cuenca del Río Aguaclara');
    expect(first.basin.hillshadeUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);

    const later = await openSession(undefined, new WatershedDatabase('watershed-commons', indexedDb));
    expect(later.firstRun).toBe(false);
    expect(await later.db.recordTable('withdrawals').count()).toBe(1501);
    expect(later.network.reach(later.basin.reaches.features[0]?.properties?.['id'] as string)).toBeDefined();
  });
});
