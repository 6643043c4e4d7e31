import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/temp-root.ts'],
    // Real Chromium prints real PDFs: generous timeouts, and files in parallel only as far as
    // two cores allow.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
});
