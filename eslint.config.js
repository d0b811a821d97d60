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
    files: ['**/*.{ts,tsx}'],
    ignores: ['src/contract/zod-config.ts'],
    rules: {
      // zod's classic API would bring back ~60 KB to every page and skip zod-config.ts (the build routes only zod/mini there).
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^zod(/v4|/v3)?$|^zod/v4/', message: "Import zod/mini: it is what the build configures (src/contract/zod-config.ts) and what the pages' size budget counts on." }] },
      ],
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
