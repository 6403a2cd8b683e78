import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { writeArrayBuffer } from 'geotiff';
import { openApp, screenshot } from './helpers';

/*
 * The river network in the app: a click on a river shows who is upstream and downstream with distances and draws
 * both sides; a hydrography file is checked before use (a reach drawn against the flow is listed); a GeoTIFF
 * elevation model is traced in a worker with a progress bar and the new rivers appear on the map.
 */

const folder = mkdtempSync(join(tmpdir(), 'river-e2e-'));

/** Finds, in the map canvas, a pixel of a thick river line (a main stem) nearest the centre of the map. */
async function mainRiverPixel(page: Page): Promise<{ x: number; y: number }> {
  let found: { x: number; y: number } | null = null;
  // The map draws its layers over a few frames; look again until a main stem is drawn.
  await expect.poll(async () => (found = await findMainRiverPixel(page)), { timeout: 30_000 }).not.toBeNull();
  return found!;
}

async function findMainRiverPixel(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
    // River blue #1f6fb2.
    const isRiver = (x: number, y: number) => {
      const at = (y * width + x) * 4;
      return Math.abs(data[at]! - 0x1f) + Math.abs(data[at + 1]! - 0x6f) + Math.abs(data[at + 2]! - 0xb2) < 60;
    };
    let best: { x: number; y: number; distance: number } | null = null;
    for (let y = 6; y < height - 6; y += 2) {
      for (let x = 6; x < width - 6; x += 2) {
        if (!isRiver(x, y)) continue;
        let thick = 0;
        for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) if (isRiver(x + dx, y + dy)) thick++;
        if (thick < 28) continue;
        const distance = Math.hypot(x - width / 2, y - height / 2);
        if (!best || distance < best.distance) best = { x, y, distance };
      }
    }
    const box = canvas.getBoundingClientRect();
    return best && { x: box.left + (best.x * box.width) / width, y: box.top + (best.y * box.height) / height };
  });
}

/** Counts pixels of a colour (within a small distance) in the map canvas. */
async function countColour(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate((target) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let count = 0;
    for (let at = 0; at < data.length; at += 4) {
      const distance =
        Math.abs(data[at]! - target[0]) + Math.abs(data[at + 1]! - target[1]) + Math.abs(data[at + 2]! - target[2]);
      if (distance < 40) count++;
    }
    return count;
  }, rgb);
}

test('a click on a river lists communities upstream and downstream with distances and draws both sides', async ({
  page,
}) => {
  await openApp(page);
  const pixel = await mainRiverPixel(page);
  await page.mouse.click(pixel.x, pixel.y);

  const panel = page.getByRole('complementary', { name: 'Detalle' });
  await expect(panel.getByRole('heading', { name: 'Este punto del río' })).toBeVisible();
  await expect(panel.getByText('Hasta la salida, por el río')).toBeVisible();
  const upstream = panel.getByRole('region', { name: /Aguas arriba/ });
  const downstream = panel.getByRole('region', { name: /Aguas abajo/ });
  await expect(upstream.getByRole('button').first()).toBeVisible();
  await expect(downstream.getByRole('button').first()).toBeVisible();
  await expect(upstream.getByRole('listitem').first()).toContainText(/\d+(,\d+)? km/);
  await expect(downstream.getByRole('listitem').first()).toContainText(/\d+(,\d+)? km/);

  // Orange #e07b00 upstream and purple #7b2cbf downstream are drawn on the map.
  await expect.poll(() => countColour(page, [0xe0, 0x7b, 0x00])).toBeGreaterThan(200);
  await expect.poll(() => countColour(page, [0x7b, 0x2c, 0xbf])).toBeGreaterThan(100);
  await screenshot(page, 'river-point-highlight');

  // A listed community opens its record; the highlight goes when the point panel closes.
  const community = downstream.getByRole('list').first().getByRole('button').first();
  await community.click();
  await expect(panel.getByRole('heading', { name: 'Este punto del río' })).toHaveCount(0);
  await expect.poll(() => countColour(page, [0x7b, 0x2c, 0xbf])).toBeLessThan(50);
});

test('the point panel speaks Portuguese with decimal commas', async ({ page }) => {
  await openApp(page);
  const pixel = await mainRiverPixel(page);
  await page.mouse.click(pixel.x, pixel.y);
  await page.getByLabel('Idioma').selectOption('pt-BR');
  const panel = page.getByRole('complementary', { name: 'Detalhe' });
  await expect(panel.getByRole('heading', { name: 'Este ponto do rio' })).toBeVisible();
  await expect(panel.getByRole('region', { name: /Rio acima/ })).toBeVisible();
  await expect(panel.getByText('Até a saída, pelo rio')).toBeVisible();
  await expect(panel.locator('.river-facts dd').nth(2)).toHaveText(/^\d+,\d+ km$/);
  await screenshot(page, 'river-point-pt-BR');
});

test('a click far from any river says how far it is; a larger distance allowed places it', async ({ page }) => {
  await openApp(page);
  const map = page.locator('.maplibregl-canvas');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + box.height - 12);
  const panel = page.getByRole('complementary', { name: 'Detalle' });
  await expect(panel.getByRole('alert')).toContainText(
    /a [\d.]+ m del río más cercano, más lejos de los 100 m permitidos/,
  );

  await page.getByRole('tab', { name: 'Río' }).click();
  const tolerance = page.getByLabel('Distancia máxima a un río (m)');
  await tolerance.fill('cien');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '“cien” no es una distancia válida' })).toBeVisible();
  await tolerance.fill('5000');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardado: los puntos a 5000 m o menos de un río se ubican en él.')).toBeVisible();
  await page.mouse.click(box.x + 12, box.y + box.height - 12);
  await expect(panel.getByText('Hasta la salida, por el río')).toBeVisible();
  await page.reload();
  await expect(page.locator('.map[data-map-loaded="true"]')).toBeVisible();
  await page.getByRole('tab', { name: 'Río' }).click();
  await expect(page.getByLabel('Distancia máxima a un río (m)')).toHaveValue('5000');
});

test('a hydrography file is checked before use: a reach drawn against the flow is listed, then used', async ({
  page,
}) => {
  const file = join(folder, 'quebradas.geojson');
  const line = (id: string, toid: string | null, coordinates: number[][]) => ({
    type: 'Feature',
    properties: { id, toid },
    geometry: { type: 'LineString', coordinates },
  });
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        line('alta', 'media', [
          [-75.62, 5.04],
          [-75.61, 5.02],
        ]),
        // Drawn from its downstream end up: the topology says it flows into "baja".
        line('media', 'baja', [
          [-75.6, 5.0],
          [-75.61, 5.02],
        ]),
        line('lateral', 'baja', [
          [-75.57, 5.01],
          [-75.6, 5.0],
        ]),
        line('baja', null, [
          [-75.6, 5.0],
          [-75.596, 4.95],
        ]),
      ],
    }),
  );
  await openApp(page);
  await page.getByRole('tab', { name: 'Río' }).click();
  await expect(page.getByRole('heading', { name: 'Ríos de la cuenca' })).toBeVisible();
  await page.getByLabel('Elegir un archivo de ríos').setInputFiles(file);
  const candidate = page.getByLabel('Ríos nuevos, todavía sin usar');
  await expect(candidate).toContainText('4 tramos');
  await expect(candidate).toContainText('1 tramo estaba dibujado al revés de la corriente');
  await expect(candidate.getByRole('button', { name: 'Tramo media' })).toBeVisible();
  await candidate.getByRole('button', { name: 'Tramo media' }).click();
  // The reach is marked with a yellow halo (#f2b705).
  await expect.poll(() => countColour(page, [0xf2, 0xb7, 0x05])).toBeGreaterThan(300);
  await screenshot(page, 'river-import-diagnostics');

  await candidate.getByRole('button', { name: 'Usar como ríos de la cuenca' }).click();
  // Re-placing every intake, point and event waits for the store; on a loaded test machine that takes a while.
  await expect(page.getByText('Listo: la cuenca ya usa los ríos nuevos.')).toBeVisible({ timeout: 60_000 });
  const status = page.locator('footer.status-bar');
  await expect(status).toContainText('12 comunidades');
  await expect(status).toContainText('1501 extracciones');
  const summary = page.getByRole('region', { name: 'Ríos de la cuenca' });
  await expect(summary.locator('dd').first()).toHaveText('4');

  // After a reload the new rivers are read from the store.
  await page.reload();
  await expect(page.locator('.map[data-map-loaded="true"]')).toBeVisible();
  await page.getByRole('tab', { name: 'Río' }).click();
  const kept = page.getByRole('region', { name: 'Ríos de la cuenca' });
  await expect(kept.locator('dd').first()).toHaveText('4');
  await expect(kept).toContainText('Al traer los ríos de quebradas.geojson');
  await expect(kept.getByRole('button', { name: 'Tramo media' })).toBeVisible();
  await screenshot(page, 'river-imported-in-use');
});

/** A size x size GeoTIFF (WGS 84) of a valley sloping south with side ridges, near the sample basin. */
function valleyTiff(size = 120): ArrayBuffer {
  const values = new Float32Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const across = Math.abs(column - size / 2);
      values[row * size + column] =
        1800 -
        6 * row +
        9 * across +
        25 * Math.sin(column / 7) * Math.sin(row / 9) +
        0.01 * ((row * 31 + column * 17) % 13);
    }
  }
  const metadata = {
    width: size,
    height: size,
    ModelPixelScale: [0.06 / size, 0.06 / size, 0],
    ModelTiepoint: [0, 0, 0, -75.64, 5.05, 0],
    GeographicTypeGeoKey: 4326,
    GTModelTypeGeoKey: 2,
  };
  return writeArrayBuffer(values, metadata as unknown as Parameters<typeof writeArrayBuffer>[1]);
}

test('an elevation model is traced in a worker with progress, and its rivers appear on the map', async ({ page }) => {
  test.setTimeout(180_000);
  const file = join(folder, 'valle.tif');
  writeFileSync(file, Buffer.from(valleyTiff()));
  const broken = join(folder, 'no-es-tiff.tif');
  writeFileSync(broken, 'elevación;x;y\n1;2;3\n');

  await openApp(page);
  await page.getByRole('tab', { name: 'Río' }).click();
  await page.getByLabel('Elegir un modelo de elevación (.tif)').setInputFiles(broken);
  await expect(page.getByRole('alert')).toContainText('no es una imagen GeoTIFF');

  await page.getByLabel('Elegir un modelo de elevación (.tif)').setInputFiles(file);
  await expect(page.getByText(/valle\.tif: 120 × 120 celdas/)).toBeVisible();
  await expect(page.getByText('Sugerida: donde el río más grande sale del modelo de elevación.')).toBeVisible();
  await page.getByRole('button', { name: 'Elegir en el mapa' }).click();
  await expect(page.getByText('Haga clic en el mapa donde el río sale de la cuenca.')).toBeVisible();
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByText(/Elegida en el mapa: -75\.\d+, 5\.\d+\./)).toBeVisible();
  await page.getByRole('button', { name: 'Usar la sugerida' }).click();
  await expect(page.getByText('Sugerida: donde el río más grande sale del modelo de elevación.')).toBeVisible();
  await page.getByLabel('Un cauce empieza donde drenan').fill('60');
  await page.getByRole('button', { name: 'Trazar ríos' }).click();
  // Progress is reported while the worker runs (or the result is already there on a fast machine).
  await expect(page.getByRole('progressbar').or(page.getByLabel('Ríos nuevos, todavía sin usar'))).toBeVisible();
  const candidate = page.getByLabel('Ríos nuevos, todavía sin usar');
  await expect(candidate).toContainText(/\d+ tramos, 1 pieza\(s\), 1 salida\(s\)/);
  await expect(candidate).toContainText(/Área de la cuenca trazada: [\d,.]+ km²/);
  // The synthetic valley is not where the sample's records are: the panel says so before anything is written.
  await expect(candidate).toContainText(/46 tomas, puntos o eventos quedarían a más de 100 m de todos los ríos/);
  // The preview is drawn in green (#0f766e).
  await expect.poll(() => countColour(page, [0x0f, 0x76, 0x6e])).toBeGreaterThan(300);
  await screenshot(page, 'river-dem-preview');

  await candidate.getByRole('button', { name: 'Usar como ríos y subcuencas de la cuenca' }).click();
  // Re-placing every intake, point and event waits for the store; on a loaded test machine that takes a while.
  await expect(page.getByText('Listo: la cuenca ya usa los ríos nuevos.')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('footer.status-bar')).toContainText('12 comunidades');
  await expect(page.locator('footer.status-bar')).not.toContainText('363 tramos');
  await page.waitForTimeout(800);
  await screenshot(page, 'river-dem-used');

  // The previous rivers can be put back.
  await page.getByRole('button', { name: 'Volver a los ríos anteriores' }).click();
  await expect(page.getByText('Listo: la cuenca volvió a usar sus ríos anteriores.')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('footer.status-bar')).toContainText('363 tramos de río');
});

test('a long tracing can be cancelled, and nothing changes', async ({ page }) => {
  test.setTimeout(180_000);
  const file = join(folder, 'valle-grande.tif');
  writeFileSync(file, Buffer.from(valleyTiff(1500)));
  await openApp(page);
  await page.getByRole('tab', { name: 'Río' }).click();
  await page.getByLabel('Elegir un modelo de elevación (.tif)').setInputFiles(file);
  await expect(page.getByText(/valle-grande\.tif: 1500 × 1500 celdas/)).toBeVisible();
  await page.getByRole('button', { name: 'Trazar ríos' }).click();
  await expect(page.getByRole('progressbar', { name: 'Avance del trazado' })).toBeVisible();
  await screenshot(page, 'river-dem-progress');
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Trazar ríos' })).toBeVisible();
  // The worker is gone: no result arrives later.
  await page.waitForTimeout(3000);
  await expect(page.getByLabel('Ríos nuevos, todavía sin usar')).toHaveCount(0);
  await expect(page.locator('footer.status-bar')).toContainText('363 tramos de río');
});
