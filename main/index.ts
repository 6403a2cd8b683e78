import { join } from 'node:path';
import * as electron from 'electron';
import { startApp } from './start';

// The built layout is out/main/index.js, out/preload/preload.cjs and out/renderer/ (see electron.vite.config.ts).
const outDir = join(import.meta.dirname, '..');

startApp(electron, {
  rendererDir: join(outDir, 'renderer'),
  preloadPath: join(outDir, 'preload', 'preload.cjs'),
});
