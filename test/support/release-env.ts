/**
 * The environment for a build that a test starts, as a person's shell would give it: without what vitest sets
 * (NODE_ENV=test makes Vite bundle React's development build, which is not what ships) and without the npm settings
 * of the `npm test` that started us.
 */
export function releaseBuildEnv(): NodeJS.ProcessEnv {
  const vitestSets = new Set(['NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestSets.has(name) && !/^npm_/i.test(name)));
}
