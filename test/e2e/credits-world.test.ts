// The credit world's promises a user cannot see in one screen, in real Chromium against the fake: the badge shows the
// lowest calls left, a window poisoned by another app learns nothing, and a ledger that never answers is never 0.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLOURS, compactCount } from '@src/quota/badge-state';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { seededKey, seededList } from '../support/seeds';
import { launchExtension, type ExtensionSession } from './harness';

const GLM = 'ZhipuAI/GLM-4.7'; // lightweight, 0.5 credits a call
const PRO = 'deepseek-ai/DeepSeek-V4-Pro'; // flagship, 2
const FLASH = 'deepseek-ai/DeepSeek-V4-Flash'; // lightweight
const POPUP = { width: 600, height: 700 };

const rgba = (hex: string) => [1, 3, 5].map((index) => Number.parseInt(hex.slice(index, index + 2), 16)).concat(255);

async function badge(page: Page) {
  return page.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    colour: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** The prices the extension stored for the China site, read as a page would. */
async function storedPrices(page: Page): Promise<{ models: Record<string, { price: number }>; notes: Record<string, { outcome: string }> }> {
  const stored = await page.evaluate(() => chrome.storage.local.get('modelPrices'));
  const prices = (stored.modelPrices as { cn?: { models: Record<string, { price: number }>; notes: Record<string, { outcome: string }> } } | undefined)?.cn;
  return prices ?? { models: {}, notes: {} };
}

describe('the credit world in Chromium', () => {
  let session: ExtensionSession;
  let popup: Page;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits' });
    popup = await session.openPage('popup', POPUP);
    await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY), ...seededList([GLM, PRO]) });
  });
  afterAll(() => session?.close());

  it('puts the lowest calls left on the badge once a Check has learned the prices: the balance over the highest price', async () => {
    await popup.getByRole('button', { name: 'Check models' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Checked 2 models/);
    const available = session.fake.creditBalance(DEMO_KEY).available;
    await expect.poll(async () => (await badge(popup)).text).toBe(compactCount(Math.floor(available / 2)));
    const shown = await badge(popup);
    expect(shown.colour).not.toEqual(rgba(BADGE_COLOURS.magicube.background));
    expect(shown.title).toContain(PRO);
    expect(shown.title).toMatch(/at 2 credits per call/);
  });

  it('learns nothing from a window in which another app spent with the same token, says so, and learns on the next probe of it', async () => {
    session.fake.setOptions({ ledgerLagMs: 1500 });
    await popup.evaluate((seed) => chrome.storage.local.set(seed), seededList([GLM, PRO, FLASH]));
    const probesBefore = session.fake.probes().length;
    const checking = session.send({ command: 'check' });
    await expect.poll(() => session.fake.probes(FLASH).length).toBe(1);
    // Another client (an IDE, an agent) spends a flagship call while FLASH's lightweight call is still on its way.
    session.fake.spendElsewhere(DEMO_KEY, 'flagship', 1);
    await checking;
    expect(session.fake.probes()).toHaveLength(probesBefore + 1);
    const poisoned = await storedPrices(popup);
    expect(poisoned.models[FLASH]).toBeUndefined();
    expect(poisoned.notes[FLASH]).toMatchObject({ outcome: 'poisoned' });
    const row = popup.getByRole('row').filter({ has: popup.getByRole('rowheader', { name: /^deepseek-ai\/DeepSeek-V4-Flash/ }) });
    await expect.poll(() => row.textContent()).toContain('another app spent with this token meanwhile; the next Check tries again');

    // Within the reuse time a Check would show FLASH's fresh result again; the row's ↻ probes it, and learns.
    session.fake.setOptions({ ledgerLagMs: 0 });
    await session.send({ command: 'check', models: [FLASH], force: true });
    expect((await storedPrices(popup)).models[FLASH]).toMatchObject({ price: 0.5 });
    expect(session.fake.probes(FLASH)).toHaveLength(2);
    expect(session.fake.probes()).toHaveLength(probesBefore + 2);
  });
});

describe('a ledger that never answers an extension, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits' });
    session.fake.setOptions({ magicubeAuth: 'browser-origin' });
  });
  afterAll(() => session?.close());

  it('is said as such, never shown as 0 spent, and costs nothing', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY), ...seededList([GLM]) });
    const card = popup.getByRole('region', { name: 'Magicube credits' });
    await expect.poll(() => card.textContent()).toContain('ModelScope did not return your ledger');
    const text = (await card.textContent()) ?? '';
    expect(text).not.toMatch(/Spent today[^]*\b0 calls\b/);
    expect(text).not.toContain('Nothing spent today');
    expect(text).toMatch(/\d[\d,.]* credits available/);
    // A Check could not learn its price, so the row does not promise it would.
    await expect.poll(() => popup.getByRole('row').nth(1).textContent()).toContain('so a Check cannot learn it. Set its tier by hand in Settings');
    expect(session.fake.probes()).toHaveLength(0);
    await session.screenshot(popup, 'credits-popup-ledger-missing-light-en');
  });
});
