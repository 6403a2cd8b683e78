import { test, expect, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';

/*
 * The field registers as a technician and a committee use them: report a contamination event near a headwater by
 * clicking the map, read who is downstream (distance along the river, arrival time) and record a warning; draw a
 * restoration polygon with terra-draw and read its area; import a GPX track as a restoration line and read its
 * length; add a water sample over the guideline and see the exceedance.
 */

// The sample basin's bounds (data/sample-basin/basin.json); the map opens fitted to them with 40 px padding.
const BOUNDS = { west: -75.66, south: 4.948889, east: -75.548889, north: 5.06 };
const FIT_PADDING = 40;

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const mercatorX = (lon: number) => (lon * Math.PI) / 180;

/** The map's scale in pixels per mercator unit, and the projection of a lon/lat to a page pixel (initial view). */
async function initialView(page: Page, keptScale?: number) {
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const dx = mercatorX(BOUNDS.east) - mercatorX(BOUNDS.west);
  const dy = mercatorY(BOUNDS.north) - mercatorY(BOUNDS.south);
  // A resize (a panel opening beside the map) keeps the centre and the zoom: pass the scale of the first fit.
  const scale = keptScale ?? Math.min((box.width - 2 * FIT_PADDING) / dx, (box.height - 2 * FIT_PADDING) / dy);
  const centerX = (mercatorX(BOUNDS.east) + mercatorX(BOUNDS.west)) / 2;
  const centerY = (mercatorY(BOUNDS.north) + mercatorY(BOUNDS.south)) / 2;
  return {
    scale,
    pixel: (lon: number, lat: number) => ({
      x: box.x + box.width / 2 + (mercatorX(lon) - centerX) * scale,
      y: box.y + box.height / 2 - (mercatorY(lat) - centerY) * scale,
    }),
    /** Ground metres per screen pixel at a latitude. */
    metresPerPixel: (lat: number) => (6_371_008.8 * Math.cos((lat * Math.PI) / 180)) / scale,
  };
}

async function openRegister(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name: 'Registros' }).click();
  await page.getByRole('button', { name }).click();
}

/** Reads a decimal-comma number out of a text like "Área: 4,02 ha". */
function numberIn(text: string | null, pattern: RegExp): number {
  const match = pattern.exec(text ?? '');
  return Number((match?.[1] ?? 'NaN').replace(/\./g, '').replace(',', '.'));
}

// A 4 x 4 PNG (an orange square), as a photo of the event.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGN4UM0ARwzEcQBCMhWxJwgkfwAAAABJRU5ErkJggg==',
  'base64',
);

test('reports a contamination event near a headwater, lists who is downstream and records a warning', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Eventos de contaminación/);
  await page.getByRole('button', { name: 'Reportar un evento de contaminación' }).click();
  await expect(page.getByText(/Haga clic en el mapa donde se vio la contaminación/)).toBeVisible();

  // Reach 1 of the sample is a headwater 17.7 km above the outlet, in the north-west of the basin.
  const view = await initialView(page);
  const headwater = view.pixel(-75.651806, 5.055139);
  await page.mouse.click(headwater.x, headwater.y);
  await expect(page.getByRole('heading', { name: 'Nuevo evento de contaminación' })).toBeVisible();
  await expect(page.getByText(/Sobre el río/)).toBeVisible();

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nuevo evento de contaminación' }) });
  await form.getByLabel('Visto el').fill('2026-11-20T07:45');
  await form.getByLabel('Tipo de contaminación').selectOption({ label: 'Agroquímicos' });
  await form.getByLabel('Posible origen').fill('Fumigación del cultivo de papa en la ladera');
  await form.getByLabel('Qué se vio').fill('Espuma blanca y olor a químico en la quebrada.');
  await form.getByLabel('Fotos').setInputFiles({ name: 'quebrada.png', mimeType: 'image/png', buffer: PHOTO });
  await screenshot(page, 'field-event-form');
  await form.getByRole('button', { name: 'Guardar', exact: true }).click();

  const details = page.getByRole('complementary', { name: /detalle/i });
  const downstream = details.getByRole('table', { name: 'Comunidades y tomas aguas abajo del evento' });
  await expect(downstream).toBeVisible();
  // Follow the whole river to the outlet.
  await details.getByLabel('Seguir el río por').fill('30');
  const rows = downstream.getByRole('row');
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  const texts = await rows.allInnerTexts();
  const distances = texts.slice(1).map((text) => numberIn(text, /([\d.,]+)\s*km/));
  expect(distances.every((km) => km > 0 && km <= 18)).toBe(true);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  // Arrival at 0.8 m/s: the farthest, at d km, arrives after d * 1000 / 0.8 s.
  const last = texts[texts.length - 1]!;
  const [, hours, minutes] = /(\d+) h (\d+) min/.exec(last) ?? [];
  const expectedMinutes = Math.round((distances[distances.length - 1]! * 1000) / 0.8 / 60);
  expect(Math.abs(Number(hours) * 60 + Number(minutes) - expectedMinutes)).toBeLessThanOrEqual(4);
  await expect(details.getByRole('button', { name: /Abrir la foto 1/ })).toBeVisible();
  await screenshot(page, 'field-event-downstream');

  // Record a warning to the first community on the list.
  await downstream.getByRole('button', { name: 'Registrar aviso' }).first().click();
  const warning = details.locator('form', { has: page.getByRole('heading', { name: 'Aviso enviado a una comunidad' }) });
  await warning.getByLabel('Cómo').selectOption({ label: 'Radio' });
  await warning.getByLabel('Cuándo').fill('2026-11-20T08:10');
  await warning.getByRole('button', { name: 'Guardar aviso' }).click();
  await expect(details.getByRole('heading', { name: '1 aviso enviado' })).toBeVisible();
  await expect(downstream.getByText('Avisada')).toBeVisible();
  await expect(details.getByText(/20\/11\/26, 8:10 · Radio/)).toBeVisible();
  await screenshot(page, 'field-event-warning');
});

test('draws a restoration polygon and reads its area in hectares', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Sitios de restauración/);
  const view = await initialView(page);
  await page.getByRole('button', { name: 'Dibujar un área' }).click();
  await expect(page.getByText(/Haga clic en cada esquina del área/)).toBeVisible();

  // A square of 120 x 120 screen pixels in the middle of the basin.
  const centre = view.pixel(-75.6, 5.0);
  const side = 120;
  const corners = [
    { x: centre.x - side / 2, y: centre.y - side / 2 },
    { x: centre.x + side / 2, y: centre.y - side / 2 },
    { x: centre.x + side / 2, y: centre.y + side / 2 },
    { x: centre.x - side / 2, y: centre.y + side / 2 },
  ];
  for (const corner of corners) {
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.click(corner.x, corner.y);
  }
  await page.mouse.move(corners[0]!.x, corners[0]!.y);
  await page.mouse.click(corners[0]!.x, corners[0]!.y);

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nuevo sitio de restauración' }) });
  await expect(form).toBeVisible();
  const areaText = await form.getByText(/^Área: /).textContent();
  const areaHa = numberIn(areaText, /Área: ([\d.,]+) ha/);
  const expectedHa = (side * view.metresPerPixel(5.0)) ** 2 / 10_000;
  expect(Math.abs(areaHa - expectedHa) / expectedHa).toBeLessThan(0.05);
  await screenshot(page, 'field-site-drawn');

  await form.getByLabel('Nombre del sitio').fill('Reforestación ladera del Roble');
  await form.getByLabel('Estado').selectOption({ label: 'En ejecución' });
  await form.getByRole('button', { name: 'Guardar', exact: true }).click();
  const details = page.getByRole('complementary', { name: /detalle/i });
  await expect(details.getByText(areaText!)).toBeVisible();
  await screenshot(page, 'field-site-saved');

  // Move the south-east corner 60 px further out: the area grows, saved as a new version of the site.
  await details.getByRole('button', { name: 'Editar la forma en el mapa' }).click();
  await expect(details.getByText(/Arrastre los puntos en el mapa/)).toBeVisible();
  // The details panel narrowed the map: same centre and zoom, so project again with the first scale.
  const narrowed = await initialView(page, view.scale);
  const corner = narrowed.pixel(-75.6, 5.0);
  const from = { x: corner.x + side / 2, y: corner.y + side / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 30, { steps: 5 });
  await page.mouse.move(from.x + 60, from.y + 60, { steps: 5 });
  await page.mouse.up();
  await screenshot(page, 'field-site-editing');
  await details.getByRole('button', { name: 'Guardar la forma' }).click();
  await expect(details.getByRole('button', { name: 'Editar la forma en el mapa' })).toBeVisible();
  // Square of side s plus the triangle-shaped gain from moving one corner by (60, 60): s * 60 px² more.
  const expectedEditedHa = expectedHa + (side * 60 * view.metresPerPixel(5.0) ** 2) / 10_000;
  await expect
    .poll(async () => {
      const editedHa = numberIn(await details.getByText(/^Área: /).textContent(), /Área: ([\d.,]+) ha/);
      return Math.abs(editedHa - expectedEditedHa) / expectedEditedHa;
    })
    .toBeLessThan(0.05);

  // A field visit with its survival rate and a photo.
  await details.getByRole('button', { name: 'Agregar una visita' }).click();
  const visit = details.locator('form', { has: page.getByRole('heading', { name: 'Nueva visita de campo' }) });
  await visit.getByLabel('Fecha').fill('2026-11-24');
  await visit.getByLabel('Sobrevivencia de plantas (%)').fill('87,5');
  await visit.getByLabel('Notas').fill('Buen prendimiento; resembrar la esquina baja.');
  await visit.getByLabel('Fotos').setInputFiles({ name: 'visita.png', mimeType: 'image/png', buffer: PHOTO });
  await visit.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(details.getByText(/sobrevivencia 87,5 %/)).toBeVisible();
  await details.getByRole('button', { name: 'Abrir la foto 1' }).click();
  await expect(page.getByRole('dialog', { name: 'Foto en tamaño completo' })).toBeVisible();
  await screenshot(page, 'field-visit-photo');
  await page.getByRole('dialog', { name: 'Foto en tamaño completo' }).getByRole('button', { name: 'Cerrar' }).click();
  await details.getByRole('heading', { name: '1 visita de campo' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'field-site-visit');
});

test('imports a GPX track as a restoration line and reads its length', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Sitios de restauración/);
  // 11 track points due north, 0.0009° apart: 0.009° of latitude, 1.00 km along the ground.
  const points = Array.from({ length: 11 }, (_, index) => `<trkpt lat="${(5.0 + index * 0.0009).toFixed(4)}" lon="-75.6100"><ele>1800</ele></trkpt>`);
  const gpx = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="prueba" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Franja quebrada La Palmita</name><trkseg>${points.join('')}</trkseg></trk>
</gpx>`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importar de GPS o archivo' }).click();
  await (await chooser).setFiles({ name: 'franja.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx, 'utf-8') });

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nuevo sitio de restauración' }) });
  await expect(form.getByText('Longitud: 1,00 km')).toBeVisible();
  await expect(form.getByLabel('Nombre del sitio')).toHaveValue('Franja quebrada La Palmita');
  await expect(form.getByLabel('Actividad')).toHaveValue('riparian-buffer');
  await screenshot(page, 'field-site-gpx');
  await form.getByRole('button', { name: 'Guardar', exact: true }).click();
  const details = page.getByRole('complementary', { name: /detalle/i });
  await expect(details.getByText('Longitud: 1,00 km')).toBeVisible();
});

test('adds a water sample over the guideline and sees the exceedance', async ({ page }) => {
  await openApp(page);
  await openRegister(page, /^Puntos de monitoreo/);
  await page.getByRole('button', { name: 'Agregar una muestra de agua' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nueva muestra o lectura' }) });
  await form.getByLabel('Punto de monitoreo').selectOption({ label: 'Abajo del caserío de San Isidro de Altamira (muestreo)' });
  await form.getByLabel('Parámetro').selectOption({ label: 'Arsénico' });
  await form.getByLabel('Valor').fill('0,05');
  await form.getByLabel('Tomada el').fill('2026-11-20T09:00');
  await expect(form.getByText('Supera la norma: el límite es 0,01 mg/L (WHO GDWQ 2022).')).toBeVisible();
  await screenshot(page, 'field-sample-form');
  await form.getByRole('button', { name: 'Guardar', exact: true }).click();

  const details = page.getByRole('complementary', { name: /detalle/i });
  const table = details.getByRole('table', { name: 'Cada parámetro frente a su norma' });
  const arsenic = table.getByRole('row', { name: /Arsénico/ });
  await expect(arsenic).toContainText('0,05 mg/L');
  await expect(arsenic).toContainText('≤ 0,01 mg/L');
  await arsenic.getByRole('button', { name: 'Arsénico' }).click();
  await screenshot(page, 'field-sample-exceedance');
  const chart = details.getByRole('img', { name: /Arsénico en el tiempo/ });
  await expect(chart).toBeVisible();
  // The new sample is drawn as a red point above the dashed guideline.
  await expect(chart.locator('circle.field-point-exceeds')).not.toHaveCount(0);
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'field-sample-chart');
  // On the map, the point carries a red ring for its exceedances.
  await page.getByRole('button', { name: 'Ocultar tabla' }).click();
  await screenshot(page, 'field-sample-map');

  // With Colombia's Resolución 2115 as national standard, nitrate's limit is 10 mg/L instead of WHO's 50.
  await page.getByRole('button', { name: 'Valores de la norma' }).click();
  await page.getByRole('button', { name: 'Llenar con Colombia, Resolución 2115 de 2007' }).click();
  await page.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(page.getByText('Guardado. Las muestras ya se comparan con estos valores.')).toBeVisible();
  await expect(details.getByText('Comparado con: Res. 2115/2007 (Colombia) + WHO GDWQ 2022.')).toBeVisible();
  await screenshot(page, 'field-guidelines-national');
});
