import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';

/*
 * The store in a real browser (Chromium's IndexedDB, WebCrypto): the audit chain verifies after the first-run
 * import, a change made behind the app's back is detected and located, and a backup restores into a fresh profile
 * while a damaged one is refused with nothing changed.
 */

async function openData(page: Page) {
  await page.getByRole('button', { name: 'Datos', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Datos en este computador' })).toBeVisible();
}

/** Edits one withdrawal directly in IndexedDB, as someone with the database file and a tool could. */
async function tamperWithdrawal(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('watershed-commons');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('withdrawals', 'readwrite').objectStore('withdrawals');
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const row = cursor.result;
            if (!row) return reject(new Error('no withdrawal'));
            row.update({ ...row.value, volumeM3: row.value.volumeM3 / 2 });
            store.transaction.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        };
      }),
  );
}

test('the register verifies, and an edit made outside the app is found', async ({ page }) => {
  await openApp(page);
  await openData(page);
  await page.getByRole('button', { name: 'Verificar el registro' }).click();
  const status = page.getByRole('dialog').getByRole('status');
  await expect(status).toContainText('El registro está íntegro');
  await expect(status).toContainText('Huella para anotar en el acta');
  await expect(page.getByRole('row', { name: /Extracciones/ })).toContainText('1501');
  await screenshot(page, 'data-verified');

  await tamperWithdrawal(page);
  await page.getByRole('button', { name: 'Verificar el registro' }).click();
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect(alert).toContainText('fue alterado por fuera de la aplicación');
  await expect(alert).toContainText('un registro es distinto de lo que se anotó');
  await screenshot(page, 'data-tampered');
});

test('a backup restores on another computer, and a damaged one is refused without changes', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await openData(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Guardar una copia de seguridad' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cuenca-del-rio-aguaclara-\d{4}-\d{2}-\d{2}\.wcbackup$/);
  const backupPath = join(tmpdir(), `watershed-${Date.now()}.wcbackup`);
  await download.saveAs(backupPath);

  // Another computer: a fresh profile, which imports the sample itself; we then add a community to tell it apart.
  const other = await browser.newContext({ locale: 'es-CO' });
  const laptop = await other.newPage();
  await openApp(laptop);
  await openData(laptop);

  const damagedPath = join(tmpdir(), `watershed-${Date.now()}-damaged.wcbackup`);
  const bytes = await readFile(backupPath);
  await writeFile(damagedPath, bytes.subarray(0, Math.floor(bytes.length / 2)));
  let chooser = laptop.waitForEvent('filechooser');
  await laptop.getByRole('button', { name: 'Abrir una copia…' }).click();
  await (await chooser).setFiles(damagedPath);
  await expect(laptop.getByRole('dialog').getByRole('alert')).toContainText('no es una copia de seguridad');
  await screenshot(laptop, 'data-restore-refused');

  chooser = laptop.waitForEvent('filechooser');
  await laptop.getByRole('button', { name: 'Abrir una copia…' }).click();
  await (await chooser).setFiles(backupPath);
  const confirm = laptop.getByRole('alertdialog', {
    name: 'Restaurar una copia',
  });
  await expect(confirm).toContainText('está íntegra');
  await screenshot(laptop, 'data-restore-confirm');
  await confirm.getByRole('button', { name: 'Reemplazar los datos' }).click();
  await expect(laptop.locator('.map[data-map-loaded="true"]')).toBeVisible();
  await expect(laptop.locator('footer.status-bar')).toContainText('1501 extracciones');
  await openData(laptop);
  await laptop.getByRole('button', { name: 'Verificar el registro' }).click();
  await expect(laptop.getByRole('dialog').getByRole('status')).toContainText('El registro está íntegro');
  await other.close();
});
