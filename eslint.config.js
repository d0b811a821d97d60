// `npm run lint`: typescript-eslint's recommended rules, the rules of hooks, and the folder dependencies of src/.
// Not type-aware: with type information the run takes ~25 s instead of ~3 s, and `npm run typecheck` checks types.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createJiti } from 'jiti';
import tseslint from 'typescript-eslint';

// The local rule is TypeScript, type-checked and tested with the rest; jiti (as in scripts/run.mjs) loads it.
const folderBoundaries = await createJiti(import.meta.url).import('./eslint/folder-boundaries.ts', { default: true });
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', 'test-results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `const { [id]: _dropped, ...others } = secrets` is how a key is left out; tsc's noUnusedLocals agrees.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    plugins: { local: { rules: { 'folder-boundaries': folderBoundaries } } },
    rules: { 'local/folder-boundaries': ['error', { root }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
