// The dependency rule between the folders under src/ (README, "How it is built"): each import, static, dynamic or
// type-only, relative or through an alias, is resolved to the top folder it lands in, and the edge must be allowed.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Rule } from 'eslint';

/** What each folder under src/ may import besides itself. Folders outside src/ (entrypoints, test, scripts) are free. */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  lib: [],
  contract: ['lib'],
  commands: ['contract', 'lib'],
  modelscope: ['contract', 'lib'],
  quota: ['contract', 'modelscope', 'lib'],
  engine: ['contract', 'modelscope', 'lib'],
  storage: ['contract', 'modelscope', 'lib'],
  account: ['contract', 'modelscope', 'quota', 'engine', 'storage', 'lib'],
  check: ['contract', 'modelscope', 'quota', 'engine', 'storage', 'account', 'lib'],
  background: ['contract', 'commands', 'modelscope', 'quota', 'engine', 'storage', 'account', 'check', 'lib'],
  ui: ['contract', 'commands', 'modelscope', 'quota', 'storage', 'account', 'lib'],
};

// wxt.config.ts's aliases, and WXT's own ones for the project root.
const ALIASES: Readonly<Record<string, string>> = { '@src': 'src', '@test': 'test', '@': '.', '~': '.', '@@': '.', '~~': '.' };

const TEST_FILE = /\.test\.tsx?$/;

/** The top folder a project path lies in: `src/<folder>` under src/, else its first segment; null at the root or outside. */
export function topFolderOf(pathFromRoot: string): string | null {
  const segments = pathFromRoot.split(sep).join('/').split('/');
  if (segments.length < 2 || segments[0] === '..' || isAbsolute(pathFromRoot)) return null;
  return segments[0] === 'src' ? `src/${segments[1]}` : segments[0]!;
}

/** The project path an import specifier points at, or null for a package (`react`, `node:fs`, `#i18n`). */
function resolveSpecifier(specifier: string, importer: string, root: string): string | null {
  if (specifier.startsWith('./') || specifier.startsWith('../')) return relative(root, resolve(dirname(importer), specifier));
  const [head, ...rest] = specifier.split('/');
  const aliased = head === undefined ? undefined : ALIASES[head];
  return aliased === undefined ? null : relative(root, resolve(root, aliased, ...rest));
}

type Options = [{ root: string }];

const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the folders under src/ to their allowed dependencies, and cross-folder imports on an alias' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: {
      forbidden: '{{from}} may not import {{to}}: {{from}} may import {{allowed}}.',
      outsideSrc: '{{from}} may not import {{to}}: code under src/ imports only src/ folders (and its test files test/).',
      unknownFolder: '{{from}} is not in the dependency map (eslint/folder-boundaries.ts): add it with what it may import.',
      relativeAcrossFolders: '"{{specifier}}" leaves {{from}} for {{to}}: import it through an alias (@src/…, @test/…, @/…).',
    },
  },
  create(context) {
    const [{ root }] = context.options as Options;
    const importer = context.filename;
    const from = topFolderOf(relative(root, importer));
    if (from === null) return {};
    const folder = from.startsWith('src/') ? from.slice('src/'.length) : null;
    const allowed = folder === null ? undefined : ALLOWED_IMPORTS[folder];

    function check(specifier: string, node: Rule.Node): void {
      const target = resolveSpecifier(specifier, importer, root);
      const to = target === null ? null : topFolderOf(target);
      if (to === null || to === from) return;
      if (specifier.startsWith('.')) context.report({ node, messageId: 'relativeAcrossFolders', data: { specifier, from, to } });
      if (folder === null || allowed === undefined) return;
      if (!to.startsWith('src/')) {
        if (to === 'test' && TEST_FILE.test(importer)) return;
        context.report({ node, messageId: 'outsideSrc', data: { from, to } });
        return;
      }
      if (allowed.includes(to.slice('src/'.length))) return;
      const list = allowed.length === 0 ? 'nothing outside itself' : allowed.map((name) => `src/${name}`).join(', ');
      context.report({ node, messageId: 'forbidden', data: { from, to, allowed: list } });
    }

    /** A string literal, or a template literal without expressions, as an import's source. */
    function checkSource(source: unknown, node: Rule.Node): void {
      if (typeof source !== 'object' || source === null) return;
      const literal = source as { type: string; value?: unknown; quasis?: Array<{ value: { cooked: string | null } }>; expressions?: unknown[] };
      if (literal.type === 'Literal' && typeof literal.value === 'string') check(literal.value, node);
      if (literal.type === 'TemplateLiteral' && literal.expressions?.length === 0) {
        const cooked = literal.quasis?.[0]?.value.cooked;
        if (typeof cooked === 'string') check(cooked, node);
      }
    }

    return {
      Program(node) {
        if (folder !== null && allowed === undefined) context.report({ node, messageId: 'unknownFolder', data: { from } });
      },
      ImportDeclaration: (node) => checkSource(node.source, node),
      ExportNamedDeclaration: (node) => checkSource(node.source, node),
      ExportAllDeclaration: (node) => checkSource(node.source, node),
      ImportExpression: (node) => checkSource(node.source, node),
      // TypeScript's forms: `import x = require('…')` and `typeof import('…')`.
      TSExternalModuleReference: (node: Rule.Node & { expression?: unknown }) => checkSource(node.expression, node),
      TSImportType: (node: Rule.Node & { argument?: { type: string; literal?: unknown } }) => {
        if (node.argument?.type === 'TSLiteralType') checkSource(node.argument.literal, node);
      },
    };
  },
};

export default rule;
