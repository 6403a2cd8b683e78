import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';

// The agreement editor on the sample basin's agreement (two versions, fourteen clauses).

async function openAgreement(page: Page): Promise<void> {
  await openApp(page);
  // The what-if needs the findings worker to have finished its first evaluation.
  await expect(page.locator('.findings-map-state')).toContainText(/\d+ hallazgos/, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Acuerdo' }).click();
  await expect(page.getByText('Acuerdo de la Cuenca del Río Aguaclara')).toBeVisible();
}

test('shows versions and clauses, and the irrigation turns of the roster', async ({ page }) => {
  await openAgreement(page);
  await expect(page.getByRole('button', { name: /Versión 1/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Versión 2 .*vigente/ })).toBeVisible();
  await expect(page.getByText('Cláusula 1 · Cuota de extracción')).toBeVisible();
  await screenshot(page, 'agreement-versions');
  const rotation = page.getByRole('listitem').filter({ hasText: 'Cláusula 5 · Turnos de riego' });
  await rotation.getByText('Turnos de riego', { exact: true }).first().click();
  const grid = rotation.getByRole('list', { name: 'Turnos de riego' });
  await expect(grid.getByRole('listitem').first()).toBeVisible();
  expect(await grid.getByRole('listitem').count()).toBeGreaterThan(1);
  await rotation.scrollIntoViewIfNeeded();
  await screenshot(page, 'agreement-turns');
});

test('amending a quota limit previews the findings it would create, then saves a new version', async ({ page }) => {
  await openAgreement(page);
  const quota = page.getByRole('listitem').filter({ hasText: 'Cláusula 1 · Cuota de extracción' });
  await quota.getByRole('button', { name: 'Enmendar' }).click();
  const editor = page.getByRole('form', { name: 'Cláusula 1 · Cuota de extracción' });
  await expect(editor.getByText('Todavía no ha cambiado nada.')).toBeVisible();
  await editor.getByLabel('Vigente desde').fill('2026-01-01');
  await editor.getByLabel('Límite').fill('60.000');
  await expect(editor.getByText(/Aparecerían? \d+ hallazgos? nuevos?/)).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'agreement-what-if');
  await editor.getByLabel('Qué cambia y por qué').fill('La asamblea baja la cuota de riego.');
  await editor.getByRole('button', { name: 'Guardar enmienda' }).click();
  await expect(page.getByText('Enmienda guardada: versión 3 desde el 1 ene 2026.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Versión 3 .*vigente/ })).toBeVisible();
  await expect(page.getByText('La asamblea baja la cuota de riego.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Versión 2 .*al 31 dic 2025/ })).toBeVisible();
  await screenshot(page, 'agreement-amended');
});

test('exports the agreement as JSON and refuses a broken file with the path of its first error', async ({
  page,
}, info) => {
  await openAgreement(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportar como archivo' }).click(),
  ]);
  const saved = info.outputPath('agreement.json');
  await download.saveAs(saved);
  const document = JSON.parse(readFileSync(saved, 'utf8')) as {
    formatVersion: number;
    versions: { clauses: { params: Record<string, unknown> }[] }[];
  };
  expect(document.formatVersion).toBe(1);
  expect(document.versions).toHaveLength(2);

  document.versions[1]!.clauses[0]!.params['limitM3'] = -5;
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Importar un archivo' }).click(),
  ]);
  await chooser.setFiles({
    name: 'acuerdo-roto.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(document)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('No se importó el archivo');
  await expect(alert).toContainText('versions[1].clauses[0].params.limitM3');
  await expect(alert).toContainText('Versión 2 › Cláusula 1 › Límite');
  await screenshot(page, 'agreement-import-error');
  // Nothing stored changed.
  await expect(page.getByRole('button', { name: /Versión 2 .*vigente/ })).toBeVisible();
});

test('logging a swap of irrigation turns shows it on the calendar before saving', async ({ page }) => {
  await openAgreement(page);
  const rotation = page.getByRole('listitem').filter({ hasText: 'Cláusula 5 · Turnos de riego' });
  await rotation.getByRole('button', { name: 'Enmendar' }).click();
  const editor = page.getByRole('form', { name: 'Cláusula 5 · Turnos de riego' });
  const calendar = editor.getByRole('list', { name: 'Turnos de riego' });
  await expect(calendar.getByRole('listitem')).toHaveCount(3);
  await expect(calendar).not.toContainText('cambiado');
  const cycle = (await editor.getByText(/^Ciclo \d+:/).textContent())?.match(/Ciclo (\d+)/)?.[1] ?? '';
  const swaps = editor.getByRole('group', { name: 'Cambios de turno anotados' });
  await swaps.getByRole('button', { name: 'Agregar' }).click();
  await swaps.getByLabel('Ciclo').last().fill(cycle);
  await swaps.getByLabel('Comunidad', { exact: true }).last().selectOption({ label: 'Vereda Las Brisas' });
  await swaps.getByLabel('cambia con').last().selectOption({ label: 'Vereda La Palmita' });
  await swaps.getByLabel('Nota').last().fill('Acordado en la minga del sábado.');
  await expect(calendar.getByRole('listitem').first()).toContainText('Vereda La Palmita · cambiado');
  await expect(editor.getByRole('region', { name: 'Si guarda' })).toBeVisible({ timeout: 30_000 });
  await calendar.scrollIntoViewIfNeeded();
  await screenshot(page, 'agreement-roster-swap');
});

test('a shorter ladder window previews the findings whose rung would change', async ({ page }) => {
  await openAgreement(page);
  await page.getByRole('button', { name: 'Enmendar firmantes o escalera' }).click();
  const editor = page.getByRole('form', { name: 'Firmantes y escalera de sanciones' });
  await expect(
    editor.getByRole('group', { name: 'Comunidades que firman' }).getByRole('checkbox', { checked: true }),
  ).toHaveCount(12);
  await editor.getByLabel('Vigente desde').fill('2025-08-01');
  await editor.getByLabel('Las repeticiones se cuentan dentro de').fill('30');
  await expect(editor.getByText(/Cambiarían? \d+ hallazgos?/)).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'agreement-ladder-what-if');
});

test('a protected place is picked on the map with the map tool', async ({ page }) => {
  await openAgreement(page);
  const zone = page.getByRole('listitem').filter({ hasText: 'Cláusula 8 · Zona protegida' });
  await zone.getByRole('button', { name: 'Enmendar' }).click();
  const editor = page.getByRole('form', { name: 'Cláusula 8 · Zona protegida' });
  const where = editor.getByRole('status').filter({ hasText: 'Punto en' });
  const before = await where.textContent();
  await editor.getByRole('button', { name: 'Elegir en el mapa' }).click();
  await expect(page.getByText('Haga clic en el mapa donde está el lugar protegido.')).toBeVisible();
  await screenshot(page, 'agreement-pick-on-map');
  await page.locator('.maplibregl-canvas').click({ position: { x: 300, y: 420 } });
  await expect(page.getByText('Haga clic en el mapa donde está el lugar protegido.')).toHaveCount(0);
  await expect(where).not.toHaveText(before ?? '');
  await expect(editor.getByRole('region', { name: 'Si guarda' })).toBeVisible({ timeout: 30_000 });
});
