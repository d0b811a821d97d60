import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule, { ALLOWED_IMPORTS, topFolderOf } from './folder-boundaries';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = join(process.cwd(), 'fixture-root');
const at = (path: string) => join(root, path);
const options: [{ root: string }] = [{ root }];
const QUOTA_MAY = 'src/contract, src/modelscope, src/lib';
const ENGINE_MAY = 'src/contract, src/modelscope, src/lib';
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } });

tester.run('folder-boundaries', rule, {
  valid: [
    { name: 'quota imports contract through the alias', filename: at('src/quota/pace.ts'), code: "import { x } from '@src/contract/limits';", options },
    { name: 'account imports engine types', filename: at('src/account/results.ts'), code: "import type { ResultCache } from '@src/engine/check-models';", options },
    { name: 'check imports the account it keeps results of', filename: at('src/check/run.ts'), code: "import { settleAfterCheck } from '@src/account/refresh';", options },
    { name: 'ui imports the internal commands', filename: at('src/ui/messaging.ts'), code: "import { COMMANDS } from '@src/commands/protocol';", options },
    { name: 'background imports storage dynamically', filename: at('src/background/a.ts'), code: "await import('@src/storage/keyring');", options },
    { name: 'a same-folder import', filename: at('src/lib/coalesced.ts'), code: "import { a } from './quietly';", options },
    { name: 'a same-folder import through the alias', filename: at('src/ui/App.tsx'), code: "import { a } from '@src/ui/use-now';", options },
    { name: 'a package', filename: at('src/lib/a.ts'), code: "import { z } from 'zod'; import { readFileSync } from 'node:fs';", options },
    { name: 'a test file under src/ imports test support', filename: at('src/quota/badge-state.test.ts'), code: "import { balanceItem } from '@test/support/balance-item';", options },
    { name: 'entrypoints import anything', filename: at('entrypoints/popup/App.tsx'), code: "import { a } from '@src/background/listen'; import { b } from '@src/ui/Bar';", options },
    { name: 'test/ imports anything', filename: at('test/unit/a.test.ts'), code: "import { a } from '@src/background/listen'; import { b } from '../support/written';", options },
    { name: 'scripts import anything', filename: at('scripts/bench/a.ts'), code: "import { a } from '@test/fake-modelscope/server'; import { b } from '@src/engine/retry';", options },
    { name: 'a computed dynamic import cannot be resolved, so is left alone', filename: at('src/lib/a.ts'), code: 'await import(name);', options },
  ],
  invalid: [
    {
      name: 'quota importing storage',
      filename: at('src/quota/badge-state.ts'),
      code: "import { keyringItem } from '@src/storage/keyring';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/quota', to: 'src/storage', allowed: QUOTA_MAY } }],
    },
    {
      name: 'ui importing background',
      filename: at('src/ui/App.tsx'),
      code: "import { ask } from '@src/background/handle-message';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/ui', to: 'src/background', allowed: 'src/contract, src/commands, src/modelscope, src/quota, src/storage, src/account, src/lib' } }],
    },
    {
      name: 'ui importing the check, which only the background runs',
      filename: at('src/ui/CheckActions.tsx'),
      code: "import { checkAndKeep } from '@src/check/run';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/ui', to: 'src/check', allowed: 'src/contract, src/commands, src/modelscope, src/quota, src/storage, src/account, src/lib' } }],
    },
    {
      name: 'account importing the check that writes into it',
      filename: at('src/account/refresh.ts'),
      code: "import { checkAndKeep } from '@src/check/run';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/account', to: 'src/check', allowed: 'src/contract, src/modelscope, src/quota, src/engine, src/storage, src/lib' } }],
    },
    {
      name: 'a cycle: contract importing modelscope, which imports contract',
      filename: at('src/contract/balance.ts'),
      code: "import { probeModel } from '@src/modelscope/probe';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/contract', to: 'src/modelscope', allowed: 'src/lib' } }],
    },
    {
      name: 'lib importing anything of the project',
      filename: at('src/lib/quietly.ts'),
      code: "import type { BalanceItem } from '@src/contract';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/lib', to: 'src/contract', allowed: 'nothing outside itself' } }],
    },
    {
      name: 'a forbidden dynamic import, also as a template literal',
      filename: at('src/engine/check-models.ts'),
      code: "await import('@src/storage/keyring'); await import(`@src/quota/pace`);",
      options,
      errors: [
        { messageId: 'forbidden', data: { from: 'src/engine', to: 'src/storage', allowed: ENGINE_MAY } },
        { messageId: 'forbidden', data: { from: 'src/engine', to: 'src/quota', allowed: ENGINE_MAY } },
      ],
    },
    {
      name: 'forbidden re-exports and type imports',
      filename: at('src/modelscope/index.ts'),
      code: "export * from '@src/engine/retry'; export { a } from '@src/quota/pace'; type T = typeof import('@src/storage/keyring'); import k = require('@src/ui/App');",
      options,
      errors: [
        { messageId: 'forbidden', data: { from: 'src/modelscope', to: 'src/engine', allowed: 'src/contract, src/lib' } },
        { messageId: 'forbidden', data: { from: 'src/modelscope', to: 'src/quota', allowed: 'src/contract, src/lib' } },
        { messageId: 'forbidden', data: { from: 'src/modelscope', to: 'src/storage', allowed: 'src/contract, src/lib' } },
        { messageId: 'forbidden', data: { from: 'src/modelscope', to: 'src/ui', allowed: 'src/contract, src/lib' } },
      ],
    },
    {
      name: 'a relative import out of a folder under src/, to an allowed folder',
      filename: at('src/account/history.ts'),
      code: "import { level } from '../quota/quota-level';",
      options,
      errors: [{ messageId: 'relativeAcrossFolders', data: { specifier: '../quota/quota-level', from: 'src/account', to: 'src/quota' } }],
    },
    {
      name: 'a relative import out of a folder under src/, to a forbidden one: both problems',
      filename: at('src/quota/pace.ts'),
      code: "import { keyringItem } from '../storage/keyring';",
      options,
      errors: [{ messageId: 'relativeAcrossFolders' }, { messageId: 'forbidden', data: { from: 'src/quota', to: 'src/storage', allowed: QUOTA_MAY } }],
    },
    {
      name: '../../src/ from test/',
      filename: at('test/unit/a.test.ts'),
      code: "import { keyringItem } from '../../src/storage/keyring';",
      options,
      errors: [{ messageId: 'relativeAcrossFolders', data: { specifier: '../../src/storage/keyring', from: 'test', to: 'src/storage' } }],
    },
    {
      name: '../../entrypoints/ from test/',
      filename: at('test/support/background.ts'),
      code: "import background from '../../entrypoints/background';",
      options,
      errors: [{ messageId: 'relativeAcrossFolders', data: { specifier: '../../entrypoints/background', from: 'test', to: 'entrypoints' } }],
    },
    {
      name: 'production code under src/ importing test/',
      filename: at('src/quota/badge-state.ts'),
      code: "import { balanceItem } from '@test/support/balance-item';",
      options,
      errors: [{ messageId: 'outsideSrc', data: { from: 'src/quota', to: 'test' } }],
    },
    {
      name: 'src/ importing entrypoints through a root alias',
      filename: at('src/background/listen.ts'),
      code: "import background from '@/entrypoints/background';",
      options,
      errors: [{ messageId: 'outsideSrc', data: { from: 'src/background', to: 'entrypoints' } }],
    },
    {
      name: 'a root alias to a forbidden folder',
      filename: at('src/quota/pace.ts'),
      code: "import { a } from '~/src/storage/keyring';",
      options,
      errors: [{ messageId: 'forbidden', data: { from: 'src/quota', to: 'src/storage', allowed: QUOTA_MAY } }],
    },
    {
      name: 'a folder under src/ missing from the map',
      filename: at('src/checks/run.ts'),
      code: "import { a } from '@src/lib/quietly';",
      options,
      errors: [{ messageId: 'unknownFolder', data: { from: 'src/checks' } }],
    },
  ],
});

describe('the dependency map', () => {
  it('names only folders it also maps', () => {
    for (const [folder, allowed] of Object.entries(ALLOWED_IMPORTS)) {
      for (const target of allowed) expect(ALLOWED_IMPORTS, `${folder} → ${target}`).toHaveProperty(target);
    }
  });

  it('has no cycle, so no two folders can import each other', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycleFrom = (folder: string, path: string[]): string[] | null => {
      if (visiting.has(folder)) return [...path, folder];
      if (done.has(folder)) return null;
      visiting.add(folder);
      for (const next of ALLOWED_IMPORTS[folder] ?? []) {
        const cycle = cycleFrom(next, [...path, folder]);
        if (cycle) return cycle;
      }
      visiting.delete(folder);
      done.add(folder);
      return null;
    };
    for (const folder of Object.keys(ALLOWED_IMPORTS)) expect(cycleFrom(folder, [])).toBeNull();
  });
});

describe('topFolderOf', () => {
  it('is src/<folder> under src/, the first segment elsewhere, and nothing at the root or outside it', () => {
    expect(topFolderOf(join('src', 'storage', 'migrations', 'to-v2.ts'))).toBe('src/storage');
    expect(topFolderOf(join('test', 'unit', 'a.test.ts'))).toBe('test');
    expect(topFolderOf('wxt.config.ts')).toBeNull();
    expect(topFolderOf(join('..', 'elsewhere', 'a.ts'))).toBeNull();
  });
});
