import { defineConfig } from 'vitest/config';
import { PROJECT_ALIASES } from './vitest.aliases.ts';

// Browser tests: the built extension in Debian's Chromium against the fake ModelScope. One browser at a time.
export default defineConfig({
  resolve: { alias: PROJECT_ALIASES },
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
