// How heavy the extension is: each entrypoint's JavaScript, raw and gzipped, and the store zips.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets';
import { formatKb, verdict, type Section } from './report';
import { BENCH_PAGE } from './write-docs';

const OUTPUT_DIR = '.output';
const CHROME_DIR = join(OUTPUT_DIR, 'chrome-mv3');
const PAGES = ['popup', 'options'] as const;

interface Weight {
  name: string;
  files: string[];
  raw: number;
  gzip: number;
}

function weigh(name: string, files: string[]): Weight {
  const contents = files.map((file) => readFileSync(join(CHROME_DIR, file)));
  return {
    name,
    files,
    raw: contents.reduce((sum, content) => sum + content.length, 0),
    // Each file gzipped alone, as a browser or store would meet it.
    gzip: contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0),
  };
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** A chunk and every chunk it imports statically, transitively, as paths inside the extension. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(CHROME_DIR, file), 'utf8');
  for (const [, specifier] of source.matchAll(STATIC_IMPORT)) withImports(posix.join(posix.dirname(file), specifier!), seen);
  return seen;
}

/** The scripts an HTML page loads (module scripts and modulepreloads) and what they import. */
function pageScripts(page: string): string[] {
  const html = readFileSync(join(CHROME_DIR, `${page}.html`), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map(([, path]) => path!);
  const files = new Set<string>();
  for (const entry of entries) withImports(entry, files);
  return [...files].sort();
}

function zipOf(suffix: string): { name: string; bytes: number } {
  const name = readdirSync(OUTPUT_DIR).find((file) => file.endsWith(`-${suffix}.zip`));
  if (!name) throw new Error(`no *-${suffix}.zip in ${OUTPUT_DIR}: run \`npm run zip\` and \`npm run zip:firefox\` first`);
  return { name, bytes: statSync(join(OUTPUT_DIR, name)).size };
}

/** The figures the last written report gave each row of this table (raw and gzip, as printed), by the row's name. */
function previousRun(): Map<string, string> {
  if (!existsSync(BENCH_PAGE)) return new Map();
  const page = readFileSync(BENCH_PAGE, 'utf8');
  const table = page.slice(page.indexOf('### Size'));
  const rows = [...table.matchAll(/^\| ([^|]+) \| [^|]* \| ([\d.]+ KB) \| ([\d.]+ KB|—) \|/gm)];
  return new Map(rows.map(([, name, raw, gzip]) => [name!.trim(), gzip === '—' ? raw! : `${raw} / ${gzip}`]));
}

export function measureSize() {
  const pages = PAGES.map((page) => ({ page, files: pageScripts(page) }));
  const loadedBy = (file: string) => pages.filter(({ files }) => files.includes(file)).length;
  const shared = [...new Set(pages.flatMap(({ files }) => files))].filter((file) => loadedBy(file) > 1).sort();
  const entrypoints = [
    weigh('background (service worker)', [...withImports('background.js')]),
    ...pages.map(({ page, files }) => weigh(`${page} page, all it loads`, files)),
    ...pages.map(({ page, files }) => weigh(`${page} page, its own chunks`, files.filter((file) => !shared.includes(file)))),
    weigh('shared by popup and options', shared),
  ];
  return { entrypoints, chrome: zipOf('chrome'), firefox: zipOf('firefox'), previous: previousRun() };
}

export function sizeSection({ entrypoints, chrome, firefox, previous }: ReturnType<typeof measureSize>): Section {
  const met = chrome.bytes < BUDGETS.chromeZipBytes;
  const before = (name: string) => previous.get(name) ?? '—';
  return {
    title: 'Size',
    columns: ['what', 'files', 'raw', 'gzip', 'previous run (raw / gzip)', 'budget', 'result'],
    rows: [
      ...entrypoints.map((w) => [w.name, w.files.map((file) => `\`${file}\``).join(', '), formatKb(w.raw), formatKb(w.gzip), before(w.name), '—', '—']),
      ['Chrome zip', `\`${chrome.name}\``, formatKb(chrome.bytes), '—', before('Chrome zip'), `< ${formatKb(BUDGETS.chromeZipBytes)}`, verdict(met)],
      ['Firefox zip', `\`${firefox.name}\``, formatKb(firefox.bytes), '—', before('Firefox zip'), '—', '—'],
    ],
    notes: [
      'A page counts every script it loads: its module script, its modulepreloads and their static imports. A chunk ' +
        'loaded by both pages is counted in full in each "all it loads" row, and once in the "shared" row; a chunk a ' +
        'page loads only when needed (a dynamic import) is in neither.',
      'gzip: each file alone at level 9 (node:zlib). KB = 1024 bytes.',
      `Previous run: the figures of the report last written to ${BENCH_PAGE}.`,
    ],
    budgets: [{ name: 'Chrome zip size', met }],
  };
}
