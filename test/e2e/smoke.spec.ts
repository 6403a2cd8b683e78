import { test, expect } from '@playwright/test';
import { openApp, countDrawnPixels, screenshot } from './helpers';

test('opens on the sample basin and draws the map', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Cuenca en Común', level: 1 })).toBeVisible();
  await expect(page.getByText('Ejemplo ficticio')).toBeVisible();
  await expect.poll(() => countDrawnPixels(page), { timeout: 20_000 }).toBeGreaterThan(5_000);
  await screenshot(page, 'map-es');
});

test('switches to Portuguese and back to Spanish', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Idioma').selectOption('pt-BR');
  await expect(page.getByRole('heading', { name: 'Bacia em Comum', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Camadas' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await screenshot(page, 'map-pt-BR');
  await page.getByLabel('Idioma').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Capas' })).toBeVisible();
});

test('layer toggles hide and show the rivers', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => countDrawnPixels(page)).toBeGreaterThan(5_000);
  const rivers = page.getByRole('checkbox', { name: 'Ríos y quebradas' });
  await expect(rivers).toBeChecked();
  await rivers.uncheck();
  await expect(rivers).not.toBeChecked();
  await screenshot(page, 'map-rivers-hidden');
  await rivers.check();
  await expect(rivers).toBeChecked();
});

test('imports the sample basin once, and after a reload reads it from the store', async ({ page }) => {
  await openApp(page);
  const status = page.locator('footer.status-bar');
  await expect(status).toContainText('12 comunidades');
  await expect(status).toContainText('1501 extracciones');
  const imported = await page.evaluate(() => localStorage.getItem('watershed-commons.device'));
  await page.reload();
  await expect(page.locator('.map[data-map-loaded="true"]')).toBeVisible();
  await expect(status).toContainText('12 comunidades');
  await expect(status).toContainText('1501 extracciones');
  // The store was not emptied and filled again: the same device wrote it, and no second import ran.
  expect(await page.evaluate(() => localStorage.getItem('watershed-commons.device'))).toBe(imported);
  await expect(page.getByText('primer uso')).toHaveCount(0);
  await screenshot(page, 'map-after-reload');
});
