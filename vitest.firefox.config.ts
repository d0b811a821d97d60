import { defineConfig } from 'vitest/config';
import { PROJECT_ALIASES } from './vitest.aliases.ts';

// Browser tests in Debian's Firefox ESR: the Firefox build against the fake ModelScope. One browser at a time, since
// each file's fake takes port 443 of its own loopback address and a 2-core machine runs one Firefox well.
export default defineConfig({
  resolve: { alias: PROJECT_ALIASES },
  test: {
    name: 'firefox',
    environment: 'node',
    include: ['test/firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A loaded machine can take several seconds for a check to land in the page.
    expect: { poll: { timeout: 15_000 } },
  },
});
