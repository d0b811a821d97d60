/// <reference types="chrome" />
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { FakeWorld } from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { MODELSCOPE_HOSTS } from '../fake-modelscope/sites';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const CALLER_EXTENSION_DIR = resolve('test/e2e/caller-extension');
export const SCREENSHOT_DIR = resolve('test-results/screenshots');
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

export interface LaunchOptions {
  /** Chromium's UI language, which decides the extension's language. */
  lang?: 'en-US' | 'zh-CN';
  colorScheme?: 'light' | 'dark';
  /** Headless unless a person is watching (the demo, with a display). */
  headless?: boolean;
  /** Resolve every host but ModelScope's to nowhere, so nothing can leave the machine. */
  blockOtherHosts?: boolean;
  /** The fake's world: the quota headers of old (its default), or the credit world of the China site since 2026-08. */
  world?: FakeWorld;
  /** The international site's world: credits (its default), or the quota headers of old. */
  aiWorld?: FakeWorld;
  /** An X display to run a headed Chromium on (a virtual one), for a test that answers the browser's own prompts. */
  display?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  fake: FakeModelScope;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens one of the extension's pages in a tab. */
  openPage(name: 'popup' | 'options', size?: { width: number; height: number }): Promise<Page>;
  /** Sends a message the way our own pages do: one of their commands, or a contract message. */
  send(message: unknown): Promise<unknown>;
  /** Sends a contract message from a second, unrelated extension. */
  sendExternal(message: unknown): Promise<unknown>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

async function extensionIdOf(context: BrowserContext, namePart: string): Promise<{ id: string; worker?: Worker }> {
  const pick = () => context.serviceWorkers().find((worker) => worker.url().includes(namePart));
  const worker = pick() ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(namePart) }));
  return { id: new URL(worker.url()).host, worker };
}

interface ChromiumArgs {
  extensions: string[];
  lang: string;
  fake: Pick<FakeModelScope, 'port' | 'spkiHash'>;
  /** Resolve every host but ModelScope's to nowhere. */
  blockOtherHosts?: boolean;
}

/**
 * The flags every run of Debian's Chromium here shares: the unpacked extensions loaded, the UI language, both
 * ModelScope sites' hosts mapped to the fake, whose self-signed certificate is trusted by its public key, and nothing of
 * Chromium's own reaching the network.
 */
export function chromiumArgs({ extensions, lang, fake, blockOtherHosts = false }: ChromiumArgs): string[] {
  const hostRules = [
    ...MODELSCOPE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${fake.port}`),
    ...(blockOtherHosts ? ['MAP * ~NOTFOUND'] : []),
  ].join(', ');
  return [
    `--disable-extensions-except=${extensions.join(',')}`,
    `--load-extension=${extensions.join(',')}`,
    `--lang=${lang}`,
    `--host-resolver-rules=${hostRules}`,
    `--ignore-certificate-errors-spki-list=${fake.spkiHash}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/**
 * Launches Debian's Chromium with the built extension and a second "caller" extension. The extension keeps its
 * production URLs: both ModelScope sites' hosts resolve to the fake, which serves HTTPS with a certificate Chromium is
 * told to trust by its public key, and tells the sites apart by the Host header.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!CHROMIUM) throw new Error("Debian's Chromium is not installed: run `apt-get install chromium`.");
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: `npm run build`.');
  const fake = await startFakeModelScope({ https: true, world: options.world, aiWorld: options.aiWorld });
  const userDataDir = mkdtempSync(join(tmpdir(), 'msq-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.display ? false : (options.headless ?? true),
    colorScheme: options.colorScheme ?? 'light',
    locale: options.lang ?? 'en-US',
    env: { ...process.env, LANGUAGE: (options.lang ?? 'en-US').replace('-', '_'), ...(options.display ? { DISPLAY: options.display } : {}) },
    args: chromiumArgs({ extensions: [EXTENSION_DIR, CALLER_EXTENSION_DIR], lang: options.lang ?? 'en-US', fake, blockOtherHosts: options.blockOtherHosts }),
  });
  const { id: extensionId, worker } = await extensionIdOf(context, 'background.js');
  const serviceWorker = worker!;

  let messenger: Page | undefined;
  let callerPage: Page | undefined;

  const openPage = async (name: 'popup' | 'options', size = { width: 600, height: 640 }) => {
    const page = await context.newPage();
    await page.setViewportSize(size);
    // Fail a missing element in seconds with its locator named, not at the test timeout.
    page.setDefaultTimeout(10_000);
    await page.goto(`chrome-extension://${extensionId}/${name}.html`);
    return page;
  };

  return {
    context,
    fake,
    extensionId,
    serviceWorker,
    openPage,
    async send(message) {
      messenger ??= await openPage('popup');
      return messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    async sendExternal(message) {
      if (!callerPage) {
        callerPage = await context.newPage();
        await callerPage.goto(`chrome-extension://${CALLER_ID}/page.html`);
      }
      return callerPage.evaluate(([target, m]) => chrome.runtime.sendMessage(target, m), [extensionId, message] as const);
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      await fake.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** An unpacked extension's id follows from the public key in its manifest: sha256, first 32 hex digits, 0-f as a-p. */
function extensionIdFromKey(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

const CALLER_ID = extensionIdFromKey(
  (JSON.parse(readFileSync(join(CALLER_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { key: string }).key,
);
