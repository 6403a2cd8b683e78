import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/*
 * Finds a Chromium or Chrome to drive: the WATERSHED_BROWSER variable first, then the usual system paths, then a
 * browser Playwright downloaded itself. When there is none, it stops with a message that says how to get one.
 */

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Path of a Chromium-family browser for the end-to-end tests; throws a how-to message when none is found. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['WATERSHED_BROWSER'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`WATERSHED_BROWSER points at ${fromEnv}, which does not exist.`);
  }
  const system = CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core has no browser of its own unless one was installed; fall through to the message.
  }
  throw new Error(
    [
      'No Chromium or Chrome was found for the end-to-end tests.',
      'Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS/Windows: install Google Chrome),',
      'or point WATERSHED_BROWSER at a Chromium-family executable, or run `npx playwright install chromium`',
      'where downloads are allowed.',
    ].join('\n'),
  );
}

/** Chromium flags that work headless on these machines (see TOOLCHAIN.md). */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];
