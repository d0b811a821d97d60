/// <reference types="chrome" />
// Debian's Firefox ESR over WebDriver BiDi (puppeteer-core), with the built Firefox extension installed and the
// fake ModelScope standing in for both ModelScope sites' hosts. Firefox cannot map a host to another port, so the fake
// listens on port 443 of a loopback address of its own and Firefox resolves every name to that address; the fake
// tells the sites apart by the Host header.
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { startFakeModelScope, type FakeModelScope, type RecordedRequest } from '../fake-modelscope/server';
import { MODELSCOPE_HOSTS } from '../fake-modelscope/sites';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const SCREENSHOT_DIR = resolve('test-results/screenshots');
const FIREFOX = '/usr/bin/firefox-esr';
const ZH_CN_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi';
/** How long any one wait in the harness may take before it fails, naming what it waited for. */
const WAIT_MS = 30_000;

export interface FirefoxLaunchOptions {
  /** Firefox's interface language, which decides the extension's language. */
  lang?: 'en-US' | 'zh-CN';
}

export interface FirefoxSession {
  browser: Browser;
  fake: FakeModelScope;
  /** moz-extension://<uuid>, fixed for this session by a pref so the pages' URLs are known. */
  origin: string;
  /** Opens one of the extension's pages in a new, selected tab and waits until it has loaded. */
  openPage(name: 'popup' | 'options', size?: { width: number; height: number }): Promise<Page>;
  /** Sends a contract message the way our own pages do (from the popup). */
  send(message: unknown): Promise<unknown>;
  /** Requests the fake received for ModelScope's hosts, both sites' (Firefox's own traffic, if any, left out). */
  modelScopeRequests(): RecordedRequest[];
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Polls until `probe` gives a value (not undefined, null or false); fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${cause}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Rejects with a message naming `what` if `promise` has not settled within `ms`. */
function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The fake on port 443 of a random 127.x.y.z, so two runs on one machine do not take each other's port. */
async function startFakeOnPort443(): Promise<{ fake: FakeModelScope; address: string }> {
  for (let attempt = 1; ; attempt++) {
    const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    try {
      return { fake: await startFakeModelScope({ https: true, host: address, port: 443 }), address };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES') {
        throw new Error('The Firefox tests serve the fake ModelScope on port 443, which needs root (or CAP_NET_BIND_SERVICE).', { cause: error });
      }
      if (code !== 'EADDRINUSE' || attempt === 5) throw error;
    }
  }
}

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) throw new Error("Debian's Firefox ESR is not installed: run `node scripts/ensure-browser.mjs`.");
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the Firefox extension first: `npm run build:firefox`.');
  const lang = options.lang ?? 'en-US';
  if (lang === 'zh-CN' && !existsSync(ZH_CN_LANGPACK)) {
    throw new Error('Firefox shows extensions in Chinese only with its Chinese language pack: apt-get install firefox-esr-l10n-zh-cn');
  }
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const { fake, address } = await startFakeOnPort443();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // The fake's certificate is self-signed; this trusts it for the extension's requests too.
      acceptInsecureCerts: true,
      // Lets the harness evaluate in the browser's own (chrome) scope, the only way to open a moz-extension: tab.
      args: ['--remote-allow-system-access'],
      timeout: 60_000,
      protocolTimeout: 30_000,
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoIdOf(FIREFOX_EXTENSION_DIR)]: uuid }),
        'network.dns.forceResolve': address,
        // The user's answer to Firefox's prompt for optional host permissions: allow (the international site's hosts).
        'extensions.webextOptionalPermissionPrompts': false,
        'intl.locale.requested': lang,
        'intl.accept_languages': lang === 'zh-CN' ? 'zh-CN, zh' : 'en-US, en',
      },
    });
  } catch (error) {
    await fake.close();
    throw error;
  }

  /** Closes Firefox (killing it if it will not close) and the fake; never hangs. */
  const shutDown = async (): Promise<void> => {
    try {
      await within('Closing Firefox', 20_000, browser.close());
    } catch {
      browser.process()?.kill('SIGKILL');
    }
    await fake.close();
  };

  try {
    await within('Installing the extension', 30_000, browser.installExtension(FIREFOX_EXTENSION_DIR));
  } catch (error) {
    await shutDown();
    throw error;
  }

  // The raw BiDi connection: the chrome scope is a Firefox extension to BiDi that puppeteer has no API for.
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  let chromeContext: string | undefined;
  const evaluateInChrome = async (expression: string): Promise<void> => {
    if (!chromeContext) {
      const { result } = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
        result: { contexts: { context: string; url: string }[] };
      };
      chromeContext = result.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml')?.context;
      if (!chromeContext) throw new Error('Firefox has no browser window to open a tab in');
    }
    const { result } = (await bidi.send('script.evaluate', { expression, target: { context: chromeContext }, awaitPromise: false })) as {
      result: { type: string; exceptionDetails?: { text: string } };
    };
    if (result.type === 'exception') throw new Error(`Firefox refused: ${result.exceptionDetails?.text ?? 'unknown error'}`);
  };

  const openPage = async (name: 'popup' | 'options', size = { width: 600, height: 640 }): Promise<Page> => {
    const url = `${origin}/${name}.html`;
    const before = new Set(await browser.pages());
    // BiDi will not navigate a tab to a moz-extension: URL; the browser window itself may open one.
    await evaluateInChrome(
      `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
    );
    const page = await waitFor(`a new tab for ${url}`, async () => (await browser.pages()).find((candidate) => !before.has(candidate)));
    // Fail a missing element in seconds with its selector named, not at the test timeout.
    page.setDefaultTimeout(15_000);
    // A tab just opened may not have its browser element yet ("browser is null"): try again until it has.
    await waitFor(`the viewport of ${url}`, () => page.setViewport(size).then(() => true));
    // Puppeteer keeps the tab's first URL (about:blank), so ask the page itself where it is.
    await waitFor(`${url} to load`, () => page.evaluate(() => [location.href, document.readyState].join(' ')).then((state) => state === `${url} complete`));
    return page;
  };

  let messenger: Page | undefined;
  const send = async (message: unknown): Promise<unknown> => {
    messenger ??= await openPage('popup');
    // JSON across the wire, so the reply arrives exactly as the extension built it.
    const reply = await messenger.evaluate((m) => chrome.runtime.sendMessage(m).then((answer: unknown) => JSON.stringify(answer)), message);
    return reply === undefined ? undefined : (JSON.parse(reply) as unknown);
  };

  // The background script starts with the add-on; wait until it answers, so no test sees "no receiving end".
  try {
    await waitFor('the background script to answer health', () => send({ type: 'health' }));
  } catch (error) {
    await shutDown();
    throw error;
  }

  return {
    browser,
    fake,
    origin,
    openPage,
    send,
    modelScopeRequests: () => fake.requests.filter((request) => MODELSCOPE_HOSTS.includes(request.host.replace(/:443$/, ''))),
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: shutDown,
  };
}

/** The form control named by the <label> with exactly this text, once it is on the page. */
export function fieldLabelled(page: Page, label: string): Promise<ElementHandle<Element>> {
  return waitFor(`a field labelled “${label}”`, async () =>
    (
      await page.evaluateHandle((text) => [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text)?.control ?? null, label)
    ).asElement() as ElementHandle<Element> | null,
  );
}

/** The button with this accessible name (exact, or matching), once it is on the page. */
export function buttonNamed(page: Page, name: string | RegExp): Promise<ElementHandle<Element>> {
  return waitFor(`a button named ${String(name)}`, async () =>
    (
      await page.evaluateHandle(
        (source, flags) => {
          const wanted = flags === null ? null : new RegExp(source, flags);
          return [...document.querySelectorAll('button')].find((element) => {
            const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
            return wanted ? wanted.test(text) : text === source;
          }) ?? null;
        },
        typeof name === 'string' ? name : name.source,
        typeof name === 'string' ? null : name.flags,
      )
    ).asElement() as ElementHandle<Element> | null,
  );
}

/** Clicks the button once it has stopped moving, so a late line of text above it cannot make the click miss. */
export async function clickButton(page: Page, name: string | RegExp): Promise<void> {
  const button = await buttonNamed(page, name);
  let lastBox = '';
  await waitFor(`the button named ${String(name)} to stay in place`, async () => {
    const box = JSON.stringify(await button.boundingBox());
    const still = box === lastBox && box !== 'null';
    lastBox = box;
    return still;
  });
  await button.click();
}
