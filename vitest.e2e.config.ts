import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Debian's Chromium against the fake ModelScope. One browser at a time.
export default defineConfig({
  // The same aliases wxt.config.ts gives the build and the unit tests (this config runs without WXT's plugin).
  resolve: {
    alias: {
      '@src': fileURLToPath(new URL('src', import.meta.url)),
      '@test': fileURLToPath(new URL('test', import.meta.url)),
    },
  },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A slow CI machine can take more than vitest's default second for a check to land in the page.
    expect: { poll: { timeout: 10_000 } },
  },
});
