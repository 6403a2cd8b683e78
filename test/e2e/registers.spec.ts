import { test, expect, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';

/*
 * The registers as a committee member uses them: open a register's table, register a withdrawal with the form and
 * find it in the table, import a CSV with decimal commas (one bad row: listed by row and column, nothing saved;
 * fixed: every row saved), edit a record and read its history, approve a received record.
 */

const INTAKE = 'Bocatoma del acueducto de Vereda Alto de los Frailejones';

async function openRegister(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name: 'Registros' }).click();
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('table', { name })).toBeVisible();
  await expect(page.locator('.shown-count')).toContainText(' de ');
}

/** The number of records the table says it holds ("se muestran N de M"). */
async function tableTotal(page: Page): Promise<number> {
  const text = (await page.locator('.shown-count').textContent()) ?? '';
  const match = /de ([\d.\s\u00a0]+)/.exec(text);
  return Number((match?.[1] ?? '').replace(/[.\s\u00a0]/g, ''));
}

function csvFile(name: string, lines: readonly string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf-8') };
}

test('registers a withdrawal with the form and finds it in the table', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Extracciones/);
  await screenshot(page, 'registers-withdrawals-table');
  const before = await tableTotal(page);
  expect(before).toBeGreaterThan(1000);

  await page.getByRole('button', { name: 'Registrar una extracción' }).click();
  await page.getByLabel('Toma', { exact: true }).selectOption({ label: INTAKE });
  await page.getByLabel('Primer día').fill('2026-10-05');
  await page.getByLabel('Último día').fill('2026-10-11');
  // A negative volume is refused in Spanish, beside the field.
  await page.getByLabel('Volumen', { exact: true }).fill('-5');
  await page.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(page.getByText('No puede ser negativo.')).toBeVisible();
  // A decimal comma is how Spanish writes numbers.
  await page.getByLabel('Volumen', { exact: true }).fill('1.234,5');
  await expect(page.getByText('Eso da 1234,5 m³.')).toBeVisible();
  await screenshot(page, 'registers-withdrawal-form');
  await page.getByRole('button', { name: 'Guardar', exact: true }).click();

  // Saved: its panel opens, received and waiting for review, and the table has one more row.
  const details = page.getByRole('complementary', { name: /detalle/i });
  await expect(details.getByText('Recibido, sin revisar')).toBeVisible();
  await expect(details.getByText('1234,5 m³').first()).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBe(before + 1);
  await page.getByLabel('Buscar en la tabla').fill('1234,5');
  await expect(page.getByRole('table', { name: /^Extracciones/ }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: /^Extracciones/ }).getByText('5/10/26')).toBeVisible();
  await screenshot(page, 'registers-withdrawal-saved');

  // The period in the top bar filters the table: October 2026 holds the new withdrawal and only that month.
  await page.getByLabel('Buscar en la tabla').fill('');
  await page.getByRole('combobox', { name: 'Periodo' }).selectOption('month');
  await expect(page.getByText('noviembre de 2026')).toBeVisible();
  await page.getByRole('button', { name: 'Periodo anterior' }).click();
  await expect(page.getByText('octubre de 2026')).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBe(before + 1);
  const shown = Number(
    /se muestran? ([\d.]+)/.exec((await page.locator('.shown-count').textContent()) ?? '')?.[1]?.replace('.', ''),
  );
  expect(shown).toBeGreaterThan(1);
  expect(shown).toBeLessThan(before / 4);
  await screenshot(page, 'registers-period-month');
  await page.getByRole('combobox', { name: 'Periodo' }).selectOption('season');
  // On the basin's reference day (1 November 2026) the rainy season is going on; the one before was dry.
  await expect(page.getByText(/^Lluvias abr 2026 – nov 2026$/)).toBeVisible();
  await page.getByRole('button', { name: 'Periodo anterior' }).click();
  await expect(page.getByText(/^Seca dic 2025 – mar 2026$/)).toBeVisible();
});

test('imports a CSV with decimal commas: a bad row is listed and nothing saved; fixed, every row is saved', async ({
  page,
}) => {
  await openApp(page);
  await openRegister(page, /^Extracciones/);
  const before = await tableTotal(page);
  await page.getByRole('button', { name: 'Importar archivo CSV' }).click();

  const header = 'Fecha;Captación;Volumen (m3);Método;Reportado por';
  const good = [
    `01/09/2026;${INTAKE};1.234,5;medidor;Anacleto Guerrero`,
    `08/09/2026;${INTAKE};980,25;Medidor;Anacleto Guerrero`,
    `15/09/2026;${INTAKE};12,75;estimado;Anacleto Guerrero`,
  ];
  const bad = `22/09/2026;${INTAKE};-3,5;medidor;Anacleto Guerrero`;
  await page
    .getByLabel('Elegir el archivo CSV…')
    .setInputFiles(csvFile('lecturas-con-error.csv', [header, ...good, bad]));
  // The preview reads the decimal commas and shows the bad cell.
  await expect(page.getByRole('combobox', { name: 'Columna de Toma' })).toHaveValue('1');
  await expect(page.getByText('Los números están escritos')).toBeVisible();
  await expect(page.locator('.import-preview').getByText('1234,5 m³')).toBeVisible();
  await screenshot(page, 'registers-import-preview');
  await page.getByRole('button', { name: 'Revisar todo el archivo e importar' }).click();
  const errors = page.locator('.import-errors');
  await expect(errors).toContainText('No se guardó nada');
  await expect(errors).toContainText('Fila 5, columna «Volumen (m3)»');
  await screenshot(page, 'registers-import-error');

  // Nothing was written: the table still holds what it held.
  await page.getByRole('button', { name: 'Volver a la tabla' }).click();
  await expect.poll(() => tableTotal(page)).toBe(before);

  await page.getByRole('button', { name: 'Importar archivo CSV' }).click();
  await page
    .getByLabel('Elegir el archivo CSV…')
    .setInputFiles(csvFile('lecturas-corregidas.csv', [header, ...good, bad.replace('-3,5', '3,5')]));
  await page.getByRole('button', { name: 'Revisar todo el archivo e importar' }).click();
  await expect(page.getByText('Se importaron 4 registros.', { exact: false })).toBeVisible();
  await screenshot(page, 'registers-import-done');
  await page.getByRole('button', { name: 'Volver a la tabla' }).click();
  await expect.poll(() => tableTotal(page)).toBe(before + 4);
  await page.getByLabel('Buscar en la tabla').fill('Anacleto');
  const table = page.getByRole('table', { name: /^Extracciones/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByText('980,25 m³')).toBeVisible();
  await expect(table.getByText('1234,5 m³')).toBeVisible();
  await screenshot(page, 'registers-imported-rows');
});

test('edits a record and reads its history; approves a received record', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Comunidades/);
  await page.getByRole('button', { name: 'Nueva comunidad' }).click();
  await page.getByLabel('Nombre').fill('Vereda El Silencio');
  await page.getByLabel('Población').fill('240');
  await page.getByRole('button', { name: 'Guardar', exact: true }).click();

  const details = page.getByRole('complementary', { name: /detalle/i });
  await expect(details.getByRole('heading', { name: 'Vereda El Silencio' })).toBeVisible();
  await details.getByRole('button', { name: 'Editar' }).click();
  await details.getByLabel('Población').fill('1.250');
  await details.getByRole('button', { name: 'Guardar cambios' }).click();

  const history = details.getByRole('region', { name: 'Historial' });
  await expect(history.getByText('Editado')).toBeVisible();
  await expect(history.getByText('Registrado')).toBeVisible();
  await expect(history.getByText(/Población: 240 → 1250/)).toBeVisible();
  await expect(history.getByText(/Coordinación/).first()).toBeVisible();
  await screenshot(page, 'registers-history');

  await details.getByRole('button', { name: 'Aprobar' }).click();
  await expect(details.getByRole('region', { name: 'Revisión' }).getByText('Aprobado', { exact: true })).toBeVisible();
  await expect(history.getByText('Revisado')).toBeVisible();
  await expect(history.getByText(/Revisión: Recibido, sin revisar → Aprobado/)).toBeVisible();
  await screenshot(page, 'registers-approved');
});

test('places a new intake on the map, snapped to the river, and an edit never moves it', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Tomas de agua/);
  // A row click flies the map to that intake, which sits on a river.
  await page
    .getByRole('table', { name: /^Tomas de agua/ })
    .getByText(INTAKE)
    .click();
  const details = page.getByRole('complementary', { name: /detalle/i });
  await expect(details.getByRole('heading', { name: INTAKE })).toBeVisible();
  await page.waitForTimeout(3000); // the flight to the intake
  await details.getByRole('button', { name: 'Cerrar' }).click();

  await page.getByRole('button', { name: 'Nueva toma' }).click();
  await page.getByLabel('Nombre').fill('Toma del jardín escolar');
  await page.getByLabel('Comunidad').selectOption({ label: 'Vereda Alto de los Frailejones' });
  await page.getByLabel('Uso').selectOption({ label: 'Riego' });
  await page.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(page.getByText('Primero ubique la toma en el mapa.')).toBeVisible();

  await page.getByRole('button', { name: 'Ubicarla en el mapa' }).click();
  await expect(page.getByText('Haga clic en el mapa donde la toma saca el agua del río.')).toBeVisible();
  await page.waitForTimeout(500); // the map settles into the freed width
  const box = await page.locator('.map').boundingBox();
  if (!box) throw new Error('no map');
  await page.mouse.click(box.x + box.width / 2 + 4, box.y + box.height / 2 + 3);
  await expect(page.getByText(/^Sobre el río: tramo .+, a \d+ m de donde marcó\.$/)).toBeVisible();
  await screenshot(page, 'registers-intake-placed');
  await page.getByRole('button', { name: 'Guardar', exact: true }).click();

  await expect(details.getByRole('heading', { name: 'Toma del jardín escolar' })).toBeVisible();
  const location =
    (await details
      .locator('dt', { hasText: /^Ubicación$/ })
      .locator('xpath=following-sibling::dd[1]')
      .textContent()) ?? '';
  expect(location).toMatch(/^latitud .+, longitud .+$/);
  await details.getByRole('button', { name: 'Editar' }).click();
  await expect(details.getByText(/^Ubicación fija en lat\./)).toBeVisible();
  await expect(details.getByRole('button', { name: 'Mover la toma' })).toBeVisible();
  await details.getByLabel('Nombre').fill('Toma de la escuela');
  await details.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(details.getByRole('heading', { name: 'Toma de la escuela' })).toBeVisible();
  const history = details.getByRole('region', { name: 'Historial' });
  await expect(history.getByText(/Nombre: Toma del jardín escolar → Toma de la escuela/)).toBeVisible();
  await expect(history.getByText(/^Ubicación:/)).toHaveCount(0);
  expect(
    await details
      .locator('dt', { hasText: /^Ubicación$/ })
      .locator('xpath=following-sibling::dd[1]')
      .textContent(),
  ).toBe(location);
  await screenshot(page, 'registers-intake-edited');
});

test('cancels a large import in its worker: the window answers and nothing is saved', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Extracciones/);
  const before = await tableTotal(page);
  await page.getByRole('button', { name: 'Importar archivo CSV' }).click();
  const lines = ['Fecha;Captación;Volumen (m3);Método'];
  for (let index = 0; index < 200_000; index += 1)
    lines.push(`${(index % 28) + 1}/02/2026;${INTAKE};${index % 900},5;medidor`);
  await page.getByLabel('Elegir el archivo CSV…').setInputFiles(csvFile('lecturas-grandes.csv', lines));
  await page.getByRole('button', { name: 'Revisar todo el archivo e importar' }).click();
  await expect(page.getByRole('progressbar', { name: 'Avance de la importación' })).toBeVisible();
  await screenshot(page, 'registers-import-progress');
  // The window keeps answering while the worker reads: the period bar still opens.
  await page.getByRole('combobox', { name: 'Periodo' }).selectOption('year');
  await expect(page.getByText('2026', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Cancelar la importación' }).click();
  await expect(page.getByText('Se canceló la importación. No se guardó nada.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Periodo' }).selectOption('all');
  await page.getByRole('button', { name: 'Volver a la tabla' }).click();
  await expect.poll(() => tableTotal(page)).toBe(before);
});
