import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '@src/quota/badge-state';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { seededKey, seededList } from '../support/seeds';
import { launchExtension, type ExtensionSession } from './harness';

const [KIMI, FLASH] = ['moonshotai/Kimi-K2.5', 'deepseek-ai/DeepSeek-V4-Flash'];

/** What the toolbar shows, read through the action API from one of the extension's own pages. */
async function badge(page: Page) {
  return page.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    colour: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

const rgba = (hex: string) => [1, 3, 5].map((index) => Number.parseInt(hex.slice(index, index + 2), 16)).concat(255);

/** Stops the extension's service worker the way Chrome does when it idles, through DevTools. */
async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) status.set(version.versionId, version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => [...status.values()]).toContain('running');
  const running = [...status].find(([, state]) => state === 'running')![0];
  await cdp.send('ServiceWorker.stopWorker', { versionId: running });
  await expect.poll(() => status.get(running)).toBe('stopped');
  await cdp.detach();
}

describe('the toolbar badge in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openPage('options');
  });
  afterAll(() => session?.close());

  it('shows the lowest remaining of the active favourites after a check, in red under 10 %', async () => {
    await page.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY), ...seededList([KIMI, FLASH]) });
    await expect.poll(async () => (await badge(page)).text).toBe('?');
    session.fake.setModelRemaining(DEMO_KEY, KIMI, 42);
    // Both priced by the provider list: only a Check the user forces (as ↻ does) probes them and brings the headers.
    await session.send({ command: 'check', force: true });
    await expect.poll(async () => (await badge(page)).text).toBe('41');
    const shown = await badge(page);
    expect(shown.colour).toEqual(rgba(BADGE_COLOURS.critical.background));
    expect(shown.title).toMatch(/^ModelScope Quota\nFewest calls left: moonshotai\/Kimi-K2\.5\nModel calls left today: 41 of 500\n/);
    expect(shown.title).not.toContain(DEMO_KEY);
    expect(session.fake.probes()).toHaveLength(2);
  });

  it('schedules nothing that spends calls by default: only the free Magicube refresh and the daily reset', async () => {
    const alarms = await page.evaluate(() => chrome.alarms.getAll());
    expect(alarms.map((alarm) => [alarm.name, alarm.periodInMinutes ?? null]).sort()).toEqual([
      ['magicube-refresh', 30],
      ['quota-reset', null],
    ]);
  });

  it('comes back after the service worker restarts, from storage and without a probe', async () => {
    const probes = session.fake.probes().length;
    // Cleared first, so only the restarted worker can have put it back.
    await page.evaluate(() => chrome.action.setBadgeText({ text: '' }));
    await session.serviceWorker.evaluate(() => Object.assign(self, { beforeRestart: true }));
    await stopServiceWorker(session, page);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'health' }));
    await expect.poll(async () => (await badge(page)).text).toBe('41');
    const worker = session.context.serviceWorkers().find((candidate) => candidate.url().endsWith('/background.js'))!;
    expect(await worker.evaluate(() => 'beforeRestart' in self)).toBe(false);
    expect(session.fake.probes()).toHaveLength(probes);
  });
});
