import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Benchmarks that exercise the extension's own services (`npm run bench:model`): vitest only
 * provides the module aliases, an in-memory IndexedDB and the browser shims. They assert nothing.
 */
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'node',
    include: ['scripts/bench/**/*.run.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
