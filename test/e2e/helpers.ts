import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Folder where specs save screenshots for people to look at (not committed). */
export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/** Saves a full-window screenshot named after the view. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** Opens the app and waits until the map has loaded and the basin is drawn. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('index.html');
  await expect(page.locator('.map[data-map-loaded="true"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\d/ }).first()).toBeVisible();
}

/** Counts pixels of the map canvas that differ from the background colour (so the map really drew something). */
export async function countDrawnPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
    if (!canvas) return 0;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    if (!context) return 0;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let drawn = 0;
    // Background is #eef0ea; count pixels clearly different from it.
    for (let index = 0; index < data.length; index += 4) {
      const distance = Math.abs(data[index]! - 0xee) + Math.abs(data[index + 1]! - 0xf0) + Math.abs(data[index + 2]! - 0xea);
      if (distance > 30) drawn += 1;
    }
    return drawn;
  });
}
