import { defineConfig } from '@playwright/test';
import { findBrowser, BROWSER_ARGS } from './test/e2e/find-browser';

// End-to-end tests drive the built renderer (out/renderer) in a system Chromium, as a user would.
const port = Number(process.env['E2E_PORT'] ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-artifacts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: findBrowser(), args: BROWSER_ARGS },
    locale: 'es-CO',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node test/e2e/serve.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
