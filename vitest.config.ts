import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests; the browser tests live in vitest.e2e.config.ts because they need a build.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          setupFiles: ['test/support/permissions-setup.ts'],
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/fake-modelscope/**/*.test.ts', 'test/reliability/**/*.test.ts', 'eslint/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          // As asyncUtilTimeout in component-setup.ts: a poll waits out a starved moment, and passes as soon as it holds.
          expect: { poll: { timeout: 4000 } },
          setupFiles: ['test/support/permissions-setup.ts', 'test/support/component-setup.ts'],
          include: ['src/**/*.test.tsx', 'entrypoints/**/*.test.tsx'],
        },
      },
    ],
  },
});
