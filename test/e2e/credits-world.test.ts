// The credit world's promises a user cannot see in one screen, in real Chromium against the fake: the badge shows the
// lowest calls left, a window poisoned by another app learns nothing, and a ledger that never answers is never 0.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLOURS, compactCount } from '@src/quota/badge-state';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { seededKey, seededList } from '../support/seeds';
import { launchExtension, type ExtensionSession } from './harness';

const PRO = 'deepseek-ai/DeepSeek-V4-Pro'; // ultra, 2 credits a call on the provider list
const FLASH = 'deepseek-ai/DeepSeek-V4-Flash'; // lite, 0.5
const MINIMAX = 'MiniMax/MiniMax-M2.5'; // lite, 0.5
const KIMI = 'moonshotai/Kimi-K2.5'; // standard, 1
const POPUP = { width: 600, height: 700 };

const rgba = (hex: string) => [1, 3, 5].map((index) => Number.parseInt(hex.slice(index, index + 2), 16)).concat(255);

async function badge(page: Page) {
  return page.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    colour: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** The prices the extension learned or was given by hand for the China site, read as a page would. */
async function storedPrices(page: Page): Promise<{ models: Record<string, { price: number }>; notes: Record<string, { outcome: string }> }> {
  const stored = await page.evaluate(() => chrome.storage.local.get('modelPrices'));
  const prices = (stored.modelPrices as { cn?: { models: Record<string, { price: number }>; notes: Record<string, { outcome: string }> } } | undefined)?.cn;
  return prices ?? { models: {}, notes: {} };
}

const callsLeftOf = (page: Page, model: string) => page.locator(`tr[data-model="${model}"] .calls-left`);

describe('the credit world in Chromium', () => {
  let session: ExtensionSession;
  let popup: Page;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits' });
    popup = await session.openPage('popup', POPUP);
    await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY), ...seededList([FLASH, PRO]) });
  });
  afterAll(() => session?.close());

  it('puts the lowest calls left on the badge from the provider list’s prices, without a Check: the balance over the highest price', async () => {
    const available = session.fake.creditBalance(DEMO_KEY).available;
    await expect.poll(async () => (await badge(popup)).text).toBe(compactCount(Math.floor(available / 2)));
    const shown = await badge(popup);
    expect(shown.colour).not.toEqual(rgba(BADGE_COLOURS.magicube.background));
    expect(shown.title).toContain(PRO);
    expect(shown.title).toMatch(/at 2 credits per call/);
    expect(session.fake.probes()).toHaveLength(0);
  });

  it('learns nothing from a window in which another app spent with the same token, says so, and learns on the next probe of it', async () => {
    // The provider list down: MiniMax's price can only be learned from the ledger, around its one call.
    session.fake.setOptions({ ledgerLagMs: 1500, providerListDown: true });
    await popup.evaluate((seed) => chrome.storage.local.set(seed), seededList([PRO, MINIMAX]));
    const probesBefore = session.fake.probes().length;
    const checking = session.send({ command: 'check' });
    await expect.poll(() => session.fake.probes(MINIMAX).length).toBe(1);
    // Another client (an IDE, an agent) spends an ultra call while MiniMax's lite call is still on its way.
    session.fake.spendElsewhere(DEMO_KEY, 'ultra', 1);
    await checking;
    // PRO's price is the list's (read before it went down): it was not probed.
    expect(session.fake.probes()).toHaveLength(probesBefore + 1);
    const poisoned = await storedPrices(popup);
    expect(poisoned.models[MINIMAX]).toBeUndefined();
    expect(poisoned.notes[MINIMAX]).toMatchObject({ outcome: 'poisoned' });
    await expect.poll(() => callsLeftOf(popup, MINIMAX).getAttribute('title')).toContain('another app spent with this token meanwhile; the next Check tries again');

    // Within the reuse time a Check would show its fresh result again; the row's ↻ probes it, and learns.
    session.fake.setOptions({ ledgerLagMs: 0 });
    await session.send({ command: 'check', models: [MINIMAX], force: true });
    expect((await storedPrices(popup)).models[MINIMAX]).toMatchObject({ price: 0.5 });
    expect(session.fake.probes(MINIMAX)).toHaveLength(2);
    expect(session.fake.probes()).toHaveLength(probesBefore + 2);
  });
});

describe('the provider list down, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits' });
    session.fake.setOptions({ providerListDown: true });
  });
  afterAll(() => session?.close());

  it('says so in the rows, and the first Check learns each price from the ledger, one call a model', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY), ...seededList([MINIMAX, KIMI]) });
    await expect.poll(() => callsLeftOf(popup, KIMI).getAttribute('title')).toMatch(/^ModelScope’s provider list answered with an error\. Price not known yet: the next Check learns it \(1 call\)/);
    expect(await popup.getByText('Check: 2 calls (2 prices still to learn)').count()).toBe(1);
    await popup.getByRole('button', { name: 'Check models' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 2 models: 2 ok, 0 failed; learned the prices of 2 models');
    expect([MINIMAX, KIMI].map((model) => session.fake.probes(model).length)).toEqual([1, 1]);
    expect(await storedPrices(popup)).toMatchObject({ models: { [MINIMAX]: { price: 0.5 }, [KIMI]: { price: 1 } } });
    const available = session.fake.creditBalance(DEMO_KEY).available;
    await expect.poll(() => callsLeftOf(popup, KIMI).textContent()).toBe(`≈ ${Math.floor(available).toLocaleString('en-US')} calls`);
    expect(await callsLeftOf(popup, KIMI).getAttribute('title')).toContain('(standard; learned from the Magicube ledger on ');
  });
});

describe('a ledger that never answers an extension, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits' });
    session.fake.setOptions({ ledgerWithheld: true, providerListDown: true });
  });
  afterAll(() => session?.close());

  it('is said as such, never shown as 0 spent, and costs nothing', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY), ...seededList([MINIMAX]) });
    const card = popup.getByRole('region', { name: 'Magicube credits' });
    await expect.poll(() => card.locator('.credits-today-line').textContent()).toMatch(/^ModelScope did not return your ledger · /);
    const text = (await card.textContent()) ?? '';
    expect(text).not.toMatch(/Spent today[^]*\b0 calls\b/);
    expect(text).not.toContain('Nothing spent today');
    expect(text).toMatch(/\d[\d,.]* credits available/);
    // With no price from the list, a Check could not learn it either, so the row does not promise it would.
    await expect.poll(() => callsLeftOf(popup, MINIMAX).getAttribute('title')).toContain('so a Check cannot learn it. Set its tier by hand in Settings');
    expect(session.fake.probes()).toHaveLength(0);
    await session.screenshot(popup, 'credits-popup-ledger-missing-light-en');
  });
});
