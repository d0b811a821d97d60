/// <reference types="chrome" />
// In Debian's Chromium with the bench's build: the popup's first paint of stored results beside the paint floor's,
// taking turns, and a cold service worker to `health`.
import type { Page } from 'playwright-core';
import type { BalanceItem } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { seededKey, seededList } from '@test/support/seeds';
import { launchBenchBrowser, type BenchBrowser } from './bench-browser';
import { BUDGETS } from './budgets';
import { formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY, REAL_IDS } from './upstream';

/** Opens of each page; they take turns, so a busy moment of the machine falls on both alike. */
const OPENS = 25;
const COLD_STARTS = 20;
const FAVOURITES = REAL_IDS.slice(0, 5);
/** A figure no other cell shows, so finding it means the stored results are on screen. */
const STORED_REMAINING = 321;
const PAGES = { popup: 'popup.html', floor: 'paint-floor.html' } as const;
type PageName = keyof typeof PAGES;

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

/** Moments of one open, in ms since navigation start. */
export interface PaintMoments {
  /** DOMContentLoaded: the page's scripts are loaded and have run. */
  scriptsRan: number;
  /** The first storage read asked for. */
  firstRead: number;
  /** The last storage read that answered before the figure reached the DOM. */
  lastReadBefore: number;
  /** The stored figure is in a table cell. */
  inDom: number;
  /** The next animation frame, the one that paints it, as the page's clock reads when that frame's callbacks run. */
  painted: number;
}

/**
 * Injected before the page's own scripts: notes storage reads as they are asked and answered, when a table cell
 * first shows the stored figure, and the next animation frame.
 */
function watchForFirstResult(figure: string): void {
  const reads: Array<{ asked: number; answered: number | null }> = [];
  for (const area of [chrome.storage.local, chrome.storage.session]) {
    const get = area.get.bind(area) as (keys?: unknown) => Promise<unknown>;
    Object.assign(area, {
      get: (keys?: unknown) => {
        const read = { asked: performance.now(), answered: null as number | null };
        reads.push(read);
        return get(keys).finally(() => (read.answered = performance.now()));
      },
    });
  }
  const shown = () => [...document.querySelectorAll('td')].some((cell) => cell.textContent?.includes(figure));
  new MutationObserver((_, observer) => {
    if (!shown()) return;
    observer.disconnect();
    const inDom = performance.now();
    const answered = reads.map((read) => read.answered ?? -1).filter((at) => at >= 0 && at <= inDom);
    // Not the callback's own timestamp: Chromium stamps a frame when it was begun, which may be while this page was
    // still busy, and so earlier than the figure reached the DOM.
    requestAnimationFrame(() => {
      const painted = performance.now();
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const moments = {
        scriptsRan: navigation?.domContentLoadedEventStart ?? Number.NaN,
        firstRead: Math.min(...reads.map((read) => read.asked)),
        lastReadBefore: Math.max(...answered),
        inDom,
        painted,
      };
      Object.assign(window, { firstResult: moments });
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function openOnce(browser: BenchBrowser, name: PageName): Promise<PaintMoments> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(watchForFirstResult, String(STORED_REMAINING));
    await page.goto(`chrome-extension://${browser.extensionId}/${PAGES[name]}`);
    const handle = await page.waitForFunction(() => (window as { firstResult?: PaintMoments }).firstResult, undefined, { timeout: 10_000 });
    return (await handle.jsonValue()) as PaintMoments;
  } finally {
    await page.close();
  }
}

async function firstPaints(browser: BenchBrowser): Promise<Record<PageName, PaintMoments[]>> {
  const moments: Record<PageName, PaintMoments[]> = { popup: [], floor: [] };
  for (let open = 0; open < OPENS; open += 1) {
    // Alternate which goes first, so neither always follows the other's tab.
    const order: PageName[] = open % 2 === 0 ? ['popup', 'floor'] : ['floor', 'popup'];
    for (const name of order) moments[name].push(await openOnce(browser, name));
  }
  return moments;
}

/** Stops the extension's service worker through the DevTools protocol, then times a `health` message that wakes it. */
async function coldWorkerToHealth(browser: BenchBrowser, page: Page): Promise<number[]> {
  const cdp = await browser.context.newCDPSession(page);
  const status = new Map<string, string>();
  let startedAgain = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) continue;
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
  const browser = await launchBenchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${PAGES.floor}`);
    await fillStorage(page);
    const paints = await firstPaints(browser);
    const health = await coldWorkerToHealth(browser, page);
    return { paints, healthMs: median(health), browserVersion: browser.context.browser()?.version() ?? 'unknown' };
  } finally {
    await browser.close();
  }
}

const PHASES: Array<[string, (m: PaintMoments) => number]> = [
  ['scripts loaded and run (DOMContentLoaded)', (m) => m.scriptsRan],
  ['first storage read asked', (m) => m.firstRead],
  ['last storage read answered', (m) => m.lastReadBefore],
  ['stored figure in the DOM', (m) => m.inDom],
  ['painted (next frame)', (m) => m.painted],
];

export function chromiumSection({ paints, healthMs, browserVersion }: Awaited<ReturnType<typeof measureChromium>>): Section {
  const popupMs = median(paints.popup.map((m) => m.painted));
  const floorMs = median(paints.floor.map((m) => m.painted));
  const ratio = popupMs / floorMs;
  const paintMet = ratio <= BUDGETS.popupFirstPaintRatio;
  const healthMet = healthMs < BUDGETS.coldWorkerHealthMs;
  const phaseRow = ([name, pick]: (typeof PHASES)[number]) => [
    `— ${name}`,
    '',
    formatMs(median(paints.popup.map(pick))),
    formatMs(median(paints.floor.map(pick))),
    '',
    '',
    '',
  ];
  return {
    title: `In Debian's Chromium ${browserVersion}, headless (median)`,
    columns: ['figure', 'runs', 'popup', 'floor (bare page)', 'popup / floor', 'budget', 'result'],
    rows: [
      [
        'opened → first stored results painted',
        `${OPENS} each`,
        formatMs(popupMs),
        formatMs(floorMs),
        `${ratio.toFixed(2)} ×`,
        `≤ ${BUDGETS.popupFirstPaintRatio} ×`,
        verdict(paintMet),
      ],
      ...PHASES.map(phaseRow),
      ['cold service worker → `health` answered', String(COLD_STARTS), formatMs(healthMs), '—', '—', `< ${BUDGETS.coldWorkerHealthMs} ms`, verdict(healthMet)],
    ],
    notes: [
      `storage.local holds a key, a list of ${FAVOURITES.length} favourites and a stored result for each. The popup ` +
        '(popup.html) and the floor (paint-floor.html: the same values read with two bare storage calls, painted as a ' +
        'plain table without a framework) open in a new tab each, taking turns (headless Chromium has no toolbar to ' +
        'click). Both are in the bench\'s build, which is the production build file for file plus the floor.',
      'A script injected before the page\'s own notes when a table cell first shows the stored figure, then the ' +
        'clock when the next animation frame (the one that paints it) runs its callbacks, in ms since navigation ' +
        'start (not the frame\'s own timestamp, which Chromium may take while the page is still busy); the "—" rows are ' +
        'the medians of the moments on the way there, which show where the time goes.',
      'Service worker: stopped with the DevTools protocol (`ServiceWorker.stopAllWorkers`, waiting until it reports ' +
        '"stopped"), then `chrome.runtime.sendMessage({type:\'health\'})` from an extension page is timed until its reply.',
    ],
    budgets: [
      { name: 'popup first paint / floor', met: paintMet },
      { name: 'cold service worker to health', met: healthMet },
    ],
  };
}
