/**
 * CSV import benchmark in a real browser: 1,000,000 generated meter readings imported through the app's own
 * import path (the Registros tab, the CSV wizard, its Web Worker, the repository's all-or-nothing bulk import),
 * side by side with a raw IndexedDB bulk write of the same rows in the same browser.
 *
 *   npx tsx bench/import-browser.bench.ts              1,000,000 rows
 *   IMPORT_BENCH_ROWS=100000 npx tsx bench/import-browser.bench.ts
 *
 * The renderer is taken from WATERSHED_WEB_ROOT, else out/renderer when it exists, else built into a temporary
 * folder. It is served by test/e2e/serve.mjs on a free port and driven in Chromium (test/e2e/find-browser.ts).
 *
 * What each side includes:
 * - app: from the click on "import" to the message that every row was written: reading the file in the worker,
 *   decoding, CSV parsing, decimal commas, dates, intake names, unit conversion, the store's validation of every
 *   row (zod), hashing each batch into the audit chain, writing rows, audit entries and monthly totals in one
 *   transaction, and the worker's report back. The file itself is generated before the clock starts.
 * - raw: only the write: the same number of record objects, already built in the page (the shape the store
 *   keeps), put into one object store in one readwrite transaction, until it commits. No parsing, no
 *   validation, no audit, no indexes besides the primary key.
 * While the app imports, the page's longest gap between animation frames is recorded: it tells whether the
 * window stayed responsive.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { BROWSER_ARGS, findBrowser } from '../test/e2e/find-browser';
import { reportFigure, reportUnmeasured } from './report';

const ROWS = Number(process.env['IMPORT_BENCH_ROWS'] ?? 1_000_000);
const ROOT = path.resolve(import.meta.dirname, '..');

function webRoot(): string {
  const given = process.env['WATERSHED_WEB_ROOT'];
  if (given) return path.resolve(given);
  const built = path.join(ROOT, 'out/renderer');
  if (fs.existsSync(path.join(built, 'index.html'))) return built;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'watershed-bench-web-'));
  console.log(`Building the web renderer into ${folder}…`);
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'renderer/vite.web.config.ts', '--outDir', folder, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('the web renderer did not build');
  return folder;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function serve(root: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(ROOT, 'test/e2e/serve.mjs')], {
    env: { ...process.env, PORT: String(port), WATERSHED_WEB_ROOT: root },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.once('data', () => resolve());
    server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
  });
  return server;
}

/** Intake names of the sample basin, which the rows refer to as a committee's spreadsheet would. */
function sampleIntakeNames(): string[] {
  const records = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/sample-basin/records.json'), 'utf8')) as {
    intakes: { name: string }[];
  };
  return records.intakes.map((intake) => intake.name);
}

/** Writes the CSV as Excel in Spanish saves it: semicolons, decimal commas, day-first dates. */
function writeCsv(file: string, rows: number, intakes: readonly string[]): number {
  const out = fs.openSync(file, 'w');
  const lines: string[] = ['\ufeffFecha;Captación;Volumen (m3);Método;Reportado por'];
  const start = Date.UTC(2015, 0, 1);
  for (let index = 0; index < rows; index += 1) {
    const day = new Date(start + (index % 3650) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const volume = `${(index % 4000) + 1},${index % 100}`;
    lines.push(
      `${date};${intakes[index % intakes.length]};${volume};${index % 7 === 0 ? 'estimado' : 'medidor'};Lectura automática`,
    );
    if (lines.length >= 50_000) {
      fs.writeSync(out, `${lines.join('\r\n')}\r\n`);
      lines.length = 0;
    }
  }
  if (lines.length > 0) fs.writeSync(out, `${lines.join('\r\n')}\r\n`);
  fs.closeSync(out);
  return fs.statSync(file).size;
}

const PHASES: readonly (readonly [string, string])[] = [
  ['read', 'Leyendo'],
  ['validate', 'Revisando los registros'],
  ['hash', 'Sellando'],
  ['write', 'Guardando'],
];

async function importThroughApp(
  page: Page,
  file: string,
  rows: number,
): Promise<{ seconds: number; longestFrameGapMs: number; phases: string }> {
  await page.getByRole('tab', { name: 'Registros' }).click();
  await page.getByRole('button', { name: /^Extracciones/ }).click();
  await page.getByRole('button', { name: 'Importar archivo CSV' }).click();
  await page.getByLabel('Elegir el archivo CSV…').setInputFiles(file);
  await page.getByRole('button', { name: 'Revisar todo el archivo e importar' }).waitFor();
  await page.evaluate(() => {
    const state = { last: performance.now(), longest: 0, running: true };
    (globalThis as unknown as { frameWatch: typeof state }).frameWatch = state;
    const tick = (now: number) => {
      state.longest = Math.max(state.longest, now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = performance.now();
  await page.getByRole('button', { name: 'Revisar todo el archivo e importar' }).click();
  const done = page.locator('.import-done, .import-errors, .import-wizard .field-error[role="alert"]');
  // The progress line names the phase; polling it twice a second dates each phase's start.
  const phaseStarts = new Map<string, number>();
  while ((await done.count()) === 0) {
    const text =
      (await page
        .locator('.import-progress p')
        .textContent({ timeout: 1000 })
        .catch(() => '')) ?? '';
    for (const [phase, word] of PHASES)
      if (text.startsWith(word) && !phaseStarts.has(phase)) phaseStarts.set(phase, performance.now());
    if (performance.now() - started > 30 * 60_000) throw new Error('the import took more than 30 minutes');
    await page.waitForTimeout(500);
  }
  const seconds = (performance.now() - started) / 1000;
  const marks = [...phaseStarts.entries(), ['end', performance.now()] as const];
  const phases = marks
    .slice(0, -1)
    .map(([phase, at], index) => `${phase} ${((marks[index + 1]![1] - at) / 1000).toFixed(1)} s`)
    .join(', ');
  const text = (await done.first().textContent()) ?? '';
  const longestFrameGapMs = await page.evaluate(() => {
    const state = (globalThis as unknown as { frameWatch: { longest: number; running: boolean } }).frameWatch;
    state.running = false;
    return state.longest;
  });
  if (!text.replace(/[.\s]/g, '').includes(String(rows))) throw new Error(`the import did not finish: ${text}`);
  return { seconds, longestFrameGapMs, phases };
}

async function rawBulkWrite(page: Page, rows: number): Promise<number> {
  return page.evaluate(async (count) => {
    const records: Record<string, unknown>[] = new Array(count);
    for (let index = 0; index < count; index += 1) {
      records[index] = {
        id: crypto.randomUUID(),
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        author: 'Coordinación',
        device: 'equipo-bench',
        deleted: false,
        reviewState: 'received',
        intakeId: '1a7a4e00-5a3b-4c1d-8e2f-000000000001',
        periodStart: '2020-01-01T00:00:00-05:00',
        periodEnd: '2020-01-01T23:59:00-05:00',
        volumeM3: (index % 4000) + 1.5,
        entered: { quantity: 'volume', value: (index % 4000) + 1.5, unit: 'm3' },
        method: 'meter',
        reporter: 'Lectura automática',
      };
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('raw-bulk-write-bench', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('withdrawals', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('withdrawals', 'readwrite');
      const store = transaction.objectStore('withdrawals');
      for (const record of records) store.put(record);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return seconds;
  }, rows);
}

async function main(): Promise<void> {
  const root = webRoot();
  const port = await freePort();
  const server = await serve(root, port);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'watershed-bench-import-'));
  const file = path.join(folder, 'lecturas.csv');
  const bytes = writeCsv(file, ROWS, sampleIntakeNames());
  console.log(`Generated ${ROWS.toLocaleString('en')} readings (${(bytes / 1_048_576).toFixed(1)} MB) in ${file}`);
  const browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
  try {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1366, height: 768 } });
    // tsx names functions with a helper that does not exist in the page; functions sent to evaluate need it there.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    // The raw write runs first, in a page of the same origin where the app is not running, so nothing else
    // competes with it; its database is deleted before the app opens.
    const blank = await context.newPage();
    await blank.goto(`http://127.0.0.1:${port}/no-app-here`);
    const rawSeconds = await rawBulkWrite(blank, ROWS);
    await blank.evaluate(
      () => new Promise((resolve) => (indexedDB.deleteDatabase('raw-bulk-write-bench').onsuccess = resolve)),
    );
    await blank.close();
    const rawRate = ROWS / rawSeconds;
    console.log(
      `raw IndexedDB (only put() of prebuilt objects in one transaction, primary key only): ${rawSeconds.toFixed(1)} s, ` +
        `${Math.round(rawRate).toLocaleString('en')} rows/s`,
    );

    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    await page.locator('.map[data-map-loaded="true"]').waitFor({ timeout: 120_000 });
    const app = await importThroughApp(page, file, ROWS);
    const appRate = ROWS / app.seconds;
    console.log(
      `app import (worker: read, parse, validate, audit-hash, write rows + audit + monthly totals in one transaction): ` +
        `${app.seconds.toFixed(1)} s, ${Math.round(appRate).toLocaleString('en')} rows/s (${app.phases}); ` +
        `longest frame gap in the window ${Math.round(app.longestFrameGapMs)} ms`,
    );
    const ratio = appRate / rawRate;
    console.log(`ratio app / raw: ${ratio.toFixed(2)} (target >= 0.5)`);
    reportFigure('import.vs-raw-idb', Number(ratio.toFixed(3)));
  } catch (error) {
    reportUnmeasured('import.vs-raw-idb', error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await browser.close();
    server.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

await main();
