import { fileURLToPath } from 'node:url';

// The aliases wxt.config.ts gives the build and the unit tests, for the browser-test configs that run without WXT's plugin.
export const PROJECT_ALIASES = {
  '@src': fileURLToPath(new URL('src', import.meta.url)),
  '@test': fileURLToPath(new URL('test', import.meta.url)),
};
