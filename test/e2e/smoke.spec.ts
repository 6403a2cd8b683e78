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
