import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';

// The sample basin opens with findings of every clause kind, judged at its reference date (2026-11-01).

async function openFindings(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('tab', { name: 'Hallazgos' }).click();
  await expect(page.locator('.findings-panel').getByRole('status')).toContainText(/\d+ hallazgos/, { timeout: 60_000 });
}

async function mapPicture(page: Page): Promise<Buffer> {
  return page.locator('.maplibregl-canvas').screenshot();
}

test('lists the sample findings with filters, in Spanish', async ({ page }) => {
  await openFindings(page);
  const list = page.getByRole('list', { name: 'Hallazgos encontrados' });
  await expect(list.getByRole('button').first()).toBeVisible();
  expect(await list.getByRole('button').count()).toBeGreaterThan(20);
  await expect(list).toContainText('cláusula');
  await screenshot(page, 'findings-list');
  // The worker's first evaluation (records read from IndexedDB, network built, every clause judged), for the report.
  const millis = await page.locator('.findings-panel [data-evaluation-ms]').getAttribute('data-evaluation-ms');
  console.log(`findings worker: first evaluation of the sample basin in ${millis} ms`);
  await page.getByLabel('Cláusula', { exact: true }).selectOption({ label: 'Cláusula 9 · Calidad del agua' });
  const items = list.getByRole('button');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(items.nth(i)).toContainText('Calidad del agua');
  await page.getByLabel('Gravedad').selectOption({ label: 'Alta' });
  await expect(items.first()).toContainText('Alta');
  await screenshot(page, 'findings-list-filtered');

  await page.getByLabel('Idioma').selectOption('pt-BR');
  await expect(page.locator('.findings-panel').getByRole('status')).toContainText(/\d+ constatações/);
  await expect(page.getByRole('list', { name: 'Constatações encontradas' }).getByRole('button').first()).toContainText(
    'Qualidade da água',
  );
  await screenshot(page, 'findings-list-pt-BR');
});

test('opens a finding: conditions, evidence that flies the map, and a decision that changes its status', async ({
  page,
}) => {
  await openFindings(page);
  await page.getByLabel('Cláusula', { exact: true }).selectOption({ label: 'Cláusula 1 · Cuota de extracción' });
  const list = page.getByRole('list', { name: 'Hallazgos encontrados' });
  await list.getByRole('button').first().click();
  const details = page.getByRole('complementary', { name: 'Detalle' });
  await expect(details.getByRole('heading', { level: 2 })).toContainText('m³');
  await expect(details.getByRole('table')).toContainText('Volumen extraído');
  await expect(details.getByRole('table')).toContainText('más de');
  await expect(details.getByText('Registros que lo demuestran')).toBeVisible();
  await expect(details.getByText('Abierto', { exact: true }).first()).toBeVisible();
  await page.waitForTimeout(2500); // let the fly-to of the list click settle before comparing pictures
  await screenshot(page, 'findings-detail');

  const before = await mapPicture(page);
  const evidence = details.getByRole('list').filter({ hasText: 'Extracción del' }).getByRole('button').first();
  await evidence.click();
  await expect.poll(async () => Buffer.compare(before, await mapPicture(page)) !== 0, { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(2000);
  await screenshot(page, 'findings-evidence-flown');

  // Back to the finding, record a decision, see the status change.
  await list.getByRole('button').first().click();
  await details.getByLabel('Decisión', { exact: true }).selectOption({ label: 'Reconocido' });
  await details.getByLabel('Comentario').fill('Se habló con el fontanero en la asamblea.');
  await details.getByRole('button', { name: 'Registrar decisión' }).click();
  await expect(details.getByText('Decisión registrada.')).toBeVisible();
  await expect(details.locator('.finding-item-head')).toContainText('Reconocido', { timeout: 20_000 });
  await expect(details.getByText('Se habló con el fontanero en la asamblea.')).toBeVisible();
  const afterMillis = await page.locator('.findings-panel [data-evaluation-ms]').getAttribute('data-evaluation-ms');
  console.log(`findings worker: re-ranked after one decision in ${afterMillis} ms`);
  await expect(list.getByRole('button').first()).toContainText('Reconocido');
  await screenshot(page, 'findings-decision');
});

test('the withdrawal form shows the findings saving it would create', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.findings-map-state')).toContainText(/\d+ hallazgos/, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Registros' }).click();
  await page.getByRole('button', { name: /^Extracciones/ }).click();
  await page.getByRole('button', { name: 'Registrar una extracción' }).click();
  await page.getByLabel('Toma', { exact: true }).selectOption({ label: 'Toma de riego 1 de Vereda El Roble' });
  await page.getByLabel('Primer día').fill('2026-10-05');
  await page.getByLabel('Último día').fill('2026-10-11');
  await page.getByLabel('Volumen', { exact: true }).fill('300.000');
  const whatIf = page.getByRole('region', { name: 'Si guarda' });
  await expect(whatIf).toContainText(/Aparecerían? \d+ hallazgos? nuevos?/, { timeout: 30_000 });
  await whatIf.getByText('Aparecerían', { exact: true }).click();
  await expect(whatIf).toContainText('Vereda El Roble');
  await expect(whatIf).toContainText('octubre de 2026');
  await screenshot(page, 'findings-withdrawal-what-if');
});

test('the shared period filter narrows the findings the worker judges', async ({ page }) => {
  await openFindings(page);
  const state = page.locator('.findings-panel').getByRole('status');
  const all = Number((await state.textContent())?.match(/(\d+) hallazgos/)?.[1]);
  await page.getByRole('combobox', { name: 'Periodo' }).selectOption('year');
  await expect.poll(async () => Number((await state.textContent())?.match(/(\d+) hallazgos?/)?.[1])).toBeLessThan(all);
  await page.getByLabel('Año', { exact: true }).selectOption({ label: 'Todos los años' });
  const years = await page.getByLabel('Año', { exact: true }).locator('option').allTextContents();
  // Periods overlapping 2026 only (a dry season from December 2025 counts).
  expect(years.filter((year) => /^\d{4}$/.test(year))).toContain('2026');
  expect(years).not.toContain('2024');
  await screenshot(page, 'findings-year');
  await page.getByRole('combobox', { name: 'Periodo' }).selectOption('all');
  await expect(state).toContainText(`${all} hallazgos`);
});
