import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension (.output/chrome-mv3) in Debian's Chromium, driven by playwright-core. */
export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A flaky browser start is retried once; assertions are never retried into passing.
    retry: 0,
  },
});
