import { defineConfig } from 'vitest/config';

// Checks against real hydrography in ../shared/fixtures (or $WSC_FIXTURES); kept out of `npm test` so the
// project's own suite stays self-contained.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/real-data/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
