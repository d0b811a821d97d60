// Mozilla's reviewers rebuild the Firefox zip from the sources archive with the README's two commands; if that does
// not give back the very files we upload, the listing is rejected. This does what they do, in a fresh folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseBuildEnv } from '../support/release-env';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const FIREFOX_ZIP = resolve(`.output/modelscope-quota-${version}-firefox.zip`);
const SOURCES_ZIP = resolve(`.output/modelscope-quota-${version}-sources.zip`);
const MINUTE = 60_000;

/** Runs a command, failing with the end of its output (not a bare exit code) when it fails. */
function run(command: string, args: string[], cwd: string, timeout: number): void {
  try {
    execFileSync(command, args, { cwd, env: releaseBuildEnv(), timeout, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${`${stdout}\n${stderr}`.trim().slice(-3000)}`, { cause: error });
  }
}

async function zipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) entries.set(file.name, await file.async('nodebuffer'));
  return entries;
}

function filesUnder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(root, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

const digests = (files: Map<string, Buffer>) =>
  Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b)).map(([path, content]) => [path, createHash('sha256').update(content).digest('hex')]));

describe('the sources archive for addons.mozilla.org', () => {
  let sources: Map<string, Buffer>;
  let workDir: string;
  beforeAll(async () => {
    run('npm', ['run', 'zip:firefox'], process.cwd(), 3 * MINUTE);
    sources = await zipEntries(SOURCES_ZIP);
    workDir = mkdtempSync(join(tmpdir(), 'msq-sources-'));
    for (const [path, content] of sources) {
      mkdirSync(dirname(join(workDir, path)), { recursive: true });
      writeFileSync(join(workDir, path), content);
    }
  }, 4 * MINUTE);
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('holds what the build reads and the README that says how, and no tests or installed packages', () => {
    const paths = [...sources.keys()];
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']));
    expect(paths.filter((path) => /(^|\/)(node_modules|test|test-results|\.output)\/|\.test\.tsx?$/.test(path))).toEqual([]);
    const readme = sources.get('README.md')?.toString('utf8') ?? '';
    expect(readme.includes('npm ci && npm run build:firefox'), 'README.md in the archive gives the build command').toBe(true);
  });

  it('rebuilds, with `npm ci && npm run build:firefox` in a fresh folder, exactly the Firefox zip we upload', async () => {
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], workDir, 8 * MINUTE);
    run('npm', ['run', 'build:firefox'], workDir, 3 * MINUTE);
    // Compared by digest, so a difference names the file rather than printing megabytes of bundle.
    expect(digests(filesUnder(join(workDir, '.output/firefox-mv3')))).toEqual(digests(await zipEntries(FIREFOX_ZIP)));
  }, 12 * MINUTE);
});
