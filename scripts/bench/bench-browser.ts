// Debian's Chromium with the bench's build (.output/chrome-mv3-bench: the production build plus the paint-floor page),
// launched as the browser tests launch the production build, with ModelScope's hosts resolved to the fake: over
// HTTP/2 through a front (h2-front.ts), or over the fake's own HTTP/1.1 as the browser tests have it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startFakeModelScope, type FakeModelScope } from '@test/fake-modelscope/server';
import { chromiumArgs } from '@test/e2e/harness';
import { startH2Front } from './h2-front';

const SHIPPED_DIR = resolve('.output/chrome-mv3');
export const BENCH_DIR = resolve('.output/chrome-mv3-bench');
/** What the bench's build adds to the production build, and nothing else. */
export const BENCH_ONLY_FILES = ['paint-floor.html', 'paint-floor.js'];
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

export interface BenchBrowser {
  context: BrowserContext;
  fake: FakeModelScope;
  extensionId: string;
  close(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

/**
 * Throws unless the bench's build is the production build file for file, plus the bench-only files: what is
 * measured in it is then what ships.
 */
export function assertBenchBuildIsShipped(): void {
  if (!existsSync(join(BENCH_DIR, 'manifest.json'))) throw new Error('no bench build: run `MSQ_BENCH_BUILD=1 wxt build` first');
  const shipped = filesUnder(SHIPPED_DIR);
  const bench = filesUnder(BENCH_DIR).filter((path) => !BENCH_ONLY_FILES.includes(path));
  const differs = [...new Set([...shipped, ...bench])].filter(
    (path) => !shipped.includes(path) || !bench.includes(path) || !readFileSync(join(SHIPPED_DIR, path)).equals(readFileSync(join(BENCH_DIR, path))),
  );
  if (differs.length > 0) throw new Error(`the bench build differs from ${relative('.', SHIPPED_DIR)} in ${differs.join(', ')}`);
  if (BENCH_ONLY_FILES.some((path) => existsSync(join(SHIPPED_DIR, path)))) throw new Error('the production build holds a bench-only page');
}

export type Protocol = 'h2' | 'http/1.1';

export async function launchBenchBrowser(protocol: Protocol = 'h2'): Promise<BenchBrowser> {
  if (!CHROMIUM) throw new Error("Debian's Chromium is not installed: run `apt-get install chromium`.");
  assertBenchBuildIsShipped();
  const fake = await startFakeModelScope({ https: protocol === 'http/1.1' });
  const front = protocol === 'h2' ? await startH2Front(fake.url) : null;
  const userDataDir = mkdtempSync(join(tmpdir(), 'msq-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    env: { ...process.env, LANGUAGE: 'en_US' },
    args: chromiumArgs({ extensions: [BENCH_DIR], lang: 'en-US', fake: front ?? fake }),
  });
  const worker =
    context.serviceWorkers().find((candidate) => candidate.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (candidate) => candidate.url().endsWith('/background.js') }));
  return {
    context,
    fake,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      await front?.close();
      await fake.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
