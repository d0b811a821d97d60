// The popup and options in the credit world, as a new user whose models send no quota headers sees them: the answer
// on open from the provider list's prices and the free Magicube reads, the details a click away, in both languages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_WORLD_HEADER_MODELS, DEMO_KEY } from '../fake-modelscope/behaviours';
import { seededList } from '../support/seeds';
import { launchExtension, type ExtensionSession } from './harness';

const FLASH = 'deepseek-ai/DeepSeek-V4-Flash'; // lite, 0.5 credits a call on the provider list
const KIMI = 'moonshotai/Kimi-K2.5'; // standard, 1
const PRO = 'deepseek-ai/DeepSeek-V4-Pro'; // ultra, 2
const COUNTED = CREDIT_WORLD_HEADER_MODELS[0]!; // lite, and still sends the quota headers when probed
const GLM = 'ZhipuAI/GLM-4.7'; // DashScope only
const MODELS = [FLASH, KIMI, PRO, COUNTED, GLM];
const POPUP = { width: 612, height: 600 };
const OPTIONS = { width: 900, height: 1600 };

const callsLeftOf = (page: Page, model: string) => page.locator(`tr[data-model="${model}"] .calls-left`);
const todayLine = (page: Page) => page.locator('.account-card .credits-today-line');

async function saveKeyAndList(session: ExtensionSession, keyLabel: string, save: string): Promise<Page> {
  const popup = await session.openPage('popup', POPUP);
  await popup.getByLabel(keyLabel).fill(DEMO_KEY);
  await popup.getByRole('button', { name: save }).click();
  await popup.evaluate((seed) => chrome.storage.local.set(seed), seededList(MODELS));
  return popup;
}

describe('the credit world in English', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits' });
  });
  afterAll(() => session?.close());

  it('answers on open, for free: each served model’s calls left at the provider list’s price, the grants and their exact expiry', async () => {
    const popup = await saveKeyAndList(session, 'API key', 'Save key');
    const available = session.fake.creditBalance(DEMO_KEY).available;
    const calls = (price: number) => `≈ ${Math.floor(available / price).toLocaleString('en-US')} calls`;
    await expect.poll(() => callsLeftOf(popup, FLASH).textContent()).toBe(calls(0.5));
    await expect.poll(() => callsLeftOf(popup, KIMI).textContent()).toBe(calls(1));
    await expect.poll(() => callsLeftOf(popup, PRO).textContent()).toBe(calls(2));
    await expect.poll(() => callsLeftOf(popup, GLM).textContent()).toBe('Not served');
    expect(await callsLeftOf(popup, PRO).getAttribute('title')).toMatch(/ModelScope’s price, from its provider list · read (now|\d+ sec\. ago)\)\.$/);
    await expect.poll(() => popup.locator('.magicube-value').textContent()).toBe(`${available.toLocaleString('en-US')} credits available`);
    // Nothing spent since the grants came: the credits that expire are exactly those, at the time ModelScope gives.
    await expect.poll(() => todayLine(popup).textContent()).toMatch(/^Nothing spent today yet · 250 credits expire at \d\d:\d\d [AP]M tomorrow$/);
    await expect.poll(() => popup.getByText('Check: no calls · 4 models free from the balance · 1 not served, skipped').count()).toBe(1);
    await session.screenshot(popup, 'credits-popup-light-en');
    expect(session.fake.probes()).toHaveLength(0);
  });

  it('after a ↻ and some spending: ModelScope’s counts where it sends them, today’s spend by tier, and “up to” on the expiry', async () => {
    // Another app spends two ultra calls with the same token; our ↻ spends one lite call, and reads the account after.
    session.fake.spendElsewhere(DEMO_KEY, 'ultra', 2);
    const popup = await session.openPage('popup', POPUP);
    await popup.getByRole('button', { name: `Re-check ${COUNTED}` }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 1 model: 1 ok, 0 failed');
    await expect.poll(() => popup.locator(`tr[data-model="${COUNTED}"]`).locator('.quota-text').textContent()).toMatch(/^\d+ \/ 500$/);
    await expect.poll(() => todayLine(popup).textContent()).toMatch(/^Spent today: 4\.5 credits \(3 calls\) · up to 250 credits expire at /);
    await popup.locator('.credits-details > summary').click();
    const card = popup.getByRole('region', { name: 'Magicube credits' });
    await expect.poll(() => card.getByRole('table').getByRole('row').allTextContents()).toEqual(['lite1 call0.5 credits', 'ultra2 calls4 credits', 'Total3 calls4.5 credits']);
    expect(await card.textContent()).toMatch(/Still to earn today on modelscope\.cn: up to \d+ credits/);
    await session.screenshot(popup, 'credits-popup-after-check-light-en');
  });

  it('shows in Options each price with where it comes from, and the ledger’s spend per day', async () => {
    const options = await session.openPage('options', OPTIONS);
    const prices = options.getByRole('region', { name: 'Model prices' });
    await expect.poll(() => prices.locator(`tr[data-model="${FLASH}"]`).textContent()).toMatch(/lite · 0\.5 credits.*ModelScope’s price, from its provider list · read/);
    await expect.poll(() => prices.locator(`tr[data-model="${GLM}"]`).textContent()).toContain('Not callable with a ModelScope token');
    await expect.poll(() => options.getByRole('img', { name: /^Credits spent per day over the last 14 days: / }).count()).toBe(1);
    await expect.poll(() => options.getByRole('region', { name: 'History' }).textContent()).toContain('from the Magicube ledger');
    await session.screenshot(options, 'credits-options-light-en');
  });
});

describe('the credit world in Chinese, the login grant not yet in', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits', lang: 'zh-CN', colorScheme: 'dark' });
    session.fake.setOptions({ dailyGrants: ['aliyun_bindlogin'] });
  });
  afterAll(() => session?.close());

  it('says it all in Chinese, and offers the website for the login grant', async () => {
    const popup = await saveKeyAndList(session, 'API 密钥', '保存密钥');
    const available = session.fake.creditBalance(DEMO_KEY).available;
    await expect.poll(() => callsLeftOf(popup, FLASH).textContent()).toBe(`约 ${Math.floor(available / 0.5).toLocaleString('zh-CN')} 次`);
    await expect.poll(() => callsLeftOf(popup, GLM).textContent()).toBe('不提供');
    expect(await popup.locator(`tr[data-model="${PRO}"] td.per-call`).textContent()).toBe('旗舰 · 2 魔粒');
    await expect.poll(() => popup.locator('.magicube-value').textContent()).toBe(`可用 ${available.toLocaleString('zh-CN')} 魔粒`);
    await expect.poll(() => todayLine(popup).textContent()).toMatch(/每日登录奖励：今天尚未到账 打开 modelscope\.cn$/);
    expect(await popup.getByRole('button', { name: '打开 modelscope.cn' }).count()).toBeGreaterThan(0);
    await session.screenshot(popup, 'credits-popup-dark-zh');
    await popup.locator('.credits-details > summary').click();
    await session.screenshot(popup, 'credits-popup-details-dark-zh');

    const options = await session.openPage('options', OPTIONS);
    await expect.poll(() => options.getByRole('region', { name: '模型价格' }).textContent()).toMatch(/魔搭公布的价格，来自提供方列表/);
    await session.screenshot(options, 'credits-options-dark-zh');
    expect(session.fake.probes()).toHaveLength(0);
  });
});
