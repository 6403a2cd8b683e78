import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/*
 * Renderer build options shared by the Electron build (electron.vite.config.ts) and the plain web build
 * (renderer/vite.web.config.ts), so the browser that end-to-end tests drive runs exactly what Electron loads.
 * The sample basin in data/ is the public folder: it is copied into the build and fetched at first run.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

/** Vite options for the renderer, relative to the repository root. */
export const rendererConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  publicDir: resolve(root, 'data'),
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { input: resolve(root, 'renderer/index.html') },
  },
} satisfies UserConfig;
