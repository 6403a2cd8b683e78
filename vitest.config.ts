import { defineConfig } from 'vitest/config';

// Three projects, one per process the code runs in: the pure core in plain Node (which also proves it needs
// no DOM), the renderer in jsdom with fake-indexeddb, and main in Node with the Electron API passed in.
// The timeout only guards against a hang: property tests and store tests take seconds on a loaded two-core CI
// machine, and speed is measured by the benchmarks, never by tests.
const testTimeout = 120_000;

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', environment: 'node', include: ['test/unit/core/**/*.test.ts'], testTimeout } },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/renderer/setup.ts'],
          testTimeout,
        },
      },
      { test: { name: 'main', environment: 'node', include: ['test/unit/main/**/*.test.ts'], testTimeout } },
    ],
  },
});
