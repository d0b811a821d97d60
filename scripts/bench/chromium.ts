/// <reference types="chrome" />
// In Debian's Chromium with the built extension: popup open to first stored results, cold service worker to `health`.
import type { Page } from 'playwright-core';
import type { BalanceItem } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { launchExtension, type ExtensionSession } from '@test/e2e/harness';
import { seededKey, seededList } from '@test/support/seeds';
import { BUDGETS } from './budgets';
import { formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY, REAL_IDS } from './upstream';

const POPUP_OPENS = 25;
const COLD_STARTS = 20;
const FAVOURITES = REAL_IDS.slice(0, 5);
/** A figure no other cell shows, so finding it means the stored results are on screen. */
const STORED_REMAINING = 321;

function storedItem(model: string): BalanceItem {
  return {
    model,
    request_limit: 2000,
    request_remaining: 1500,
    model_request_limit: 500,
    model_request_remaining: STORED_REMAINING,
    model_month_request_limit: null,
    model_month_request_remaining: null,
    error: null,
    error_kind: null,
    status: 200,
    latency_ms: 300,
    checked_at: new Date().toISOString(),
    cached: false,
    price: null,
    calls_left_estimate: null,
  };
}

/** What the popup would find after an earlier check: a key, five favourites and a result for each. */
async function fillStorage(page: Page): Promise<void> {
  const keyId = await keyFingerprint(BENCH_KEY, 'cn');
  const latestResults = { [keyId]: Object.fromEntries(FAVOURITES.map((model) => [model, storedItem(model)])) };
  const seed = { ...seededKey(BENCH_KEY), ...seededList(FAVOURITES), latestResults };
  await page.evaluate((values) => chrome.storage.local.set(values), seed);
}

/**
 * Injected before the popup's own scripts: notes when a table cell first shows the stored figure, and the start of
 * the next animation frame, the one that paints it; both in ms since navigation start.
 */
function watchForFirstResult(figure: string): void {
  const shown = () => [...document.querySelectorAll('td')].some((cell) => cell.textContent?.includes(figure));
  new MutationObserver((_, observer) => {
    if (!shown()) return;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame((frameStart) => Object.assign(window, { firstResult: { inDom, painted: frameStart } }));
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function popupToFirstResults(session: ExtensionSession): Promise<number[]> {
  const painted: number[] = [];
  for (let open = 0; open < POPUP_OPENS; open += 1) {
    const page = await session.context.newPage();
    await page.addInitScript(watchForFirstResult, String(STORED_REMAINING));
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const handle = await page.waitForFunction(() => (window as { firstResult?: { painted: number } }).firstResult?.painted, undefined, {
      timeout: 10_000,
    });
    painted.push(Number(await handle.jsonValue()));
    await page.close();
  }
  return painted;
}

/** Stops the extension's service worker through the DevTools protocol, then times a `health` message that wakes it. */
async function coldWorkerToHealth(session: ExtensionSession, page: Page): Promise<number[]> {
  const cdp = await session.context.newCDPSession(page);
  const status = new Map<string, string>();
  let startedAgain = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) continue;
      status.set(version.versionId, version.runningStatus);
      startedAgain ||= version.runningStatus === 'starting';
    }
  });
  await cdp.send('ServiceWorker.enable');
  const times: number[] = [];
  for (let start = 0; start < COLD_STARTS; start += 1) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const stopped = Date.now();
    while (status.size === 0 || [...status.values()].some((running) => running !== 'stopped')) {
      if (Date.now() - stopped > 10_000) throw new Error(`the service worker did not stop: ${JSON.stringify([...status])}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    startedAgain = false;
    const { ms, reply } = await page.evaluate(async () => {
      const started = performance.now();
      const reply: unknown = await chrome.runtime.sendMessage({ type: 'health' });
      return { ms: performance.now() - started, reply };
    });
    if ((reply as { status?: unknown } | undefined)?.status !== 'healthy') throw new Error(`health answered ${JSON.stringify(reply)}`);
    // Proof that this answer came from a worker started for it, not one that was still alive.
    if (!startedAgain) throw new Error('the service worker answered without starting again');
    times.push(ms);
  }
  await cdp.detach();
  return times;
}

export async function measureChromium() {
  const session = await launchExtension();
  try {
    const page = await session.openPage('popup');
    await fillStorage(page);
    const popup = await popupToFirstResults(session);
    const health = await coldWorkerToHealth(session, page);
    const browserVersion = session.context.browser()?.version() ?? 'unknown';
    return { popupMs: median(popup), healthMs: median(health), browserVersion };
  } finally {
    await session.close();
  }
}

export function chromiumSection({ popupMs, healthMs, browserVersion }: Awaited<ReturnType<typeof measureChromium>>): Section {
  const popupMet = popupMs < BUDGETS.popupFirstResultsMs;
  const healthMet = healthMs < BUDGETS.coldWorkerHealthMs;
  return {
    title: `In Debian's Chromium ${browserVersion}, headless (median)`,
    columns: ['figure', 'runs', 'time', 'budget', 'result'],
    rows: [
      ['popup opened → first stored results painted', String(POPUP_OPENS), formatMs(popupMs), `< ${BUDGETS.popupFirstResultsMs} ms`, verdict(popupMet)],
      ['cold service worker → `health` answered', String(COLD_STARTS), formatMs(healthMs), `< ${BUDGETS.coldWorkerHealthMs} ms`, verdict(healthMet)],
    ],
    notes: [
      `Popup: storage.local holds a key, a list of ${FAVOURITES.length} favourites and a stored result for each; popup.html opens ` +
        'in a new tab each time (headless Chromium has no toolbar to click). A script injected before the page\'s own ' +
        'notes when a table cell first shows a stored figure, then takes the start of the next animation ' +
        'frame (the one that paints it), in ms since navigation start.',
      'Service worker: stopped with the DevTools protocol (`ServiceWorker.stopAllWorkers`, waiting until it reports ' +
        '"stopped"), then `chrome.runtime.sendMessage({type:\'health\'})` from an extension page is timed until its reply.',
    ],
    budgets: [
      { name: 'popup to first results', met: popupMet },
      { name: 'cold service worker to health', met: healthMet },
    ],
  };
}
