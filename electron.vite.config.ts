import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.shared';

/*
 * Three builds into out/: main (ESM, since package.json says "type": "module"), the preload as one CommonJS file
 * (a sandboxed preload cannot be an ES module and cannot require chunks), and the renderer with the options the
 * web build uses (renderer/vite.shared.ts), so end-to-end tests in a browser run what Electron loads. The sample
 * basin in data/ is the renderer's public folder and lands in out/renderer/.
 *
 * Paths are resolved here from import.meta.url: electron-vite bundles this file (and what it imports) into a
 * temporary file and rewrites import.meta.url and __dirname per module, but not import.meta.dirname.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { preload: resolve(root, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    publicDir: resolve(root, 'data'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
