import { createRequire } from 'node:module';
import { test, expect } from '@playwright/test';
import { SCHEMA_V1 } from '../../renderer/store/db';
import { openApp, screenshot } from './helpers';

/*
 * A laptop that used the first release has a version-1 database. Opening this release upgrades it in Chromium's
 * real IndexedDB: every record stays, and the monthly totals that version 2 adds are computed from them.
 */

const dexieScript = createRequire(import.meta.url).resolve('dexie/dist/dexie.js');

const OLD_WITHDRAWALS = [
  { month: '2025-03', volumeM3: 410.5 },
  { month: '2025-04', volumeM3: 388 },
].map((entry, index) => ({
  id: `old-release-withdrawal-${index}`,
  version: 1,
  createdAt: `${entry.month}-28T12:00:00-05:00`,
  updatedAt: `${entry.month}-28T12:00:00-05:00`,
  author: 'Rosa Quispe',
  device: 'portatil-viejo',
  deleted: false,
  reviewState: 'approved',
  intakeId: 'old-release-intake',
  periodStart: `${entry.month}-01T00:00:00-05:00`,
  periodEnd: `${entry.month}-15T00:00:00-05:00`,
  volumeM3: entry.volumeM3,
  entered: { quantity: 'volume', value: entry.volumeM3, unit: 'm3' },
  method: 'meter',
  reporter: 'Rosa Quispe',
}));

test('a database written by the previous version opens upgraded, with nothing lost', async ({ page }) => {
  // Any page of the app's origin: write the version-1 database there before the app first runs.
  await page.goto('sample-basin/basin.json');
  await page.addScriptTag({ path: dexieScript });
  await page.evaluate(
    async ({ schema, withdrawals }) => {
      const Dexie = (
        globalThis as unknown as {
          Dexie: new (name: string) => {
            version(n: number): { stores(s: unknown): void };
            open(): Promise<void>;
            table(n: string): { bulkAdd(rows: unknown[]): Promise<unknown> };
            close(): void;
          };
        }
      ).Dexie;
      const db = new Dexie('watershed-commons');
      db.version(1).stores(schema);
      await db.open();
      await db.table('withdrawals').bulkAdd(withdrawals);
      db.close();
    },
    { schema: SCHEMA_V1, withdrawals: OLD_WITHDRAWALS },
  );

  await openApp(page);
  await expect(page.locator('footer.status-bar')).toContainText('1503 extracciones');
  const upgraded = await page.evaluate(
    () =>
      new Promise<{
        version: number;
        kept: number;
        totals: { month: string; volumeM3: number }[];
      }>((resolve, reject) => {
        const open = indexedDB.open('watershed-commons');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(['withdrawals', 'monthlyTotals']);
          const kept = read.objectStore('withdrawals').getAll(IDBKeyRange.bound('old-release-', 'old-release-\uffff'));
          const totals = read
            .objectStore('monthlyTotals')
            .getAll(IDBKeyRange.bound(['old-release-intake', ''], ['old-release-intake', '\uffff']));
          read.oncomplete = () => {
            resolve({
              version: db.version,
              kept: kept.result.length,
              totals: totals.result,
            });
            db.close();
          };
        };
      }),
  );
  expect(upgraded.version).toBe(20);
  expect(upgraded.kept).toBe(2);
  expect(upgraded.totals.map((total) => [total.month, total.volumeM3])).toEqual([
    ['2025-03', 410.5],
    ['2025-04', 388],
  ]);
  await screenshot(page, 'upgraded-from-v1');
});
