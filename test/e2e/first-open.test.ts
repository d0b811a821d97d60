// A new user in the credit world, in real Chromium against the fake: paste a key, press nothing, and every served
// favourite shows its calls left, for free; a Check spends nothing more; eight favourites fit a 600 px popup.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { seededList } from '../support/seeds';
import { launchExtension, SCREENSHOT_DIR, type ExtensionSession } from './harness';

// The defaults, each served by API-Inference at a price the provider list gives (credits a call).
const DEFAULTS = { 'Qwen/Qwen3.5-397B-A17B': 2, 'deepseek-ai/DeepSeek-V4-Pro': 2, 'ZhipuAI/GLM-5.2': 2, 'Qwen/Qwen3-Coder-30B-A3B-Instruct': 1, 'stepfun-ai/Step-3.7-Flash': 1 };
const UNSERVED = 'ZhipuAI/GLM-4.7'; // DashScope only: a ModelScope token cannot call it
const EIGHT = [...Object.keys(DEFAULTS), 'moonshotai/Kimi-K2.5', 'deepseek-ai/DeepSeek-V4-Flash', UNSERVED];
// Chrome's popup is at most 600 px tall; ours is 580 px wide and its body's margins.
const POPUP = { width: 612, height: 600 };

const LANGUAGES = [
  { lang: 'en-US', suffix: 'en', keyLabel: 'API key', save: 'Save key', calls: /^≈ ([\d,]+) calls?$/, unserved: 'Not served', check: 'Check models', nothing: /^Nothing to probe: 7 models are known from the balance, free; 1 not served by API-Inference, skipped$/, available: /^([\d,.]+) credits available/, dashScope: 'DashScope' },
  { lang: 'zh-CN', suffix: 'zh_CN', keyLabel: 'API 密钥', save: '保存密钥', calls: /^约 ([\d,]+) 次$/, unserved: '不提供', check: '检查模型', nothing: /^无需调用：7 个模型由魔粒余额得知，免费；1 个模型 API-Inference 不提供，已跳过$/, available: /^可用 ([\d,.]+) 魔粒/, dashScope: '阿里云百炼' },
] as const;

const rowOf = (page: Page, model: string) => page.locator(`tr[data-model="${model}"]`);
const badgeText = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));

describe.each(LANGUAGES)('the first open, for free ($lang)', (words) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ world: 'credits', lang: words.lang });
  });
  afterAll(() => session?.close());

  it('answers every default favourite from the balance and the provider list once the key is saved, with no call', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.getByLabel(words.keyLabel).fill(DEMO_KEY);
    await popup.getByRole('button', { name: words.save }).click();
    const available = session.fake.creditBalance(DEMO_KEY).available;
    for (const [model, price] of Object.entries(DEFAULTS)) {
      const cell = rowOf(popup, model).locator('.calls-left');
      await expect.poll(() => cell.textContent()).toMatch(words.calls);
      expect(Number(words.calls.exec((await cell.textContent())!)![1]!.replace(/,/g, ''))).toBe(Math.floor(available / price));
    }
    await expect.poll(() => badgeText(popup)).toBe(String(Math.floor(available / 2)));
    expect(session.fake.probes()).toHaveLength(0);
  });

  it('says which favourite API-Inference does not serve, leaves it out of the badge, and fits eight rows in 600 px', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.evaluate((seed) => chrome.storage.local.set(seed), seededList(EIGHT));
    await expect.poll(() => rowOf(popup, UNSERVED).locator('.calls-left').textContent()).toBe(words.unserved);
    expect(await rowOf(popup, UNSERVED).locator('.calls-left').getAttribute('title')).toContain(words.dashScope);
    for (const model of EIGHT.filter((model) => model !== UNSERVED)) {
      await expect.poll(() => rowOf(popup, model).locator('.calls-left').textContent()).toMatch(words.calls);
    }
    const available = session.fake.creditBalance(DEMO_KEY).available;
    await expect.poll(() => badgeText(popup)).toBe(String(Math.floor(available / 2)));
    // At a glance: the credits and every favourite's calls left are inside the 600 px, without scrolling.
    const bottoms = await Promise.all(
      [popup.locator('.magicube-value'), ...EIGHT.map((model) => rowOf(popup, model).locator('.calls-left'))].map(async (figure) => {
        const box = await figure.boundingBox();
        return box && box.y + box.height;
      }),
    );
    expect(bottoms.every((bottom) => bottom !== null && bottom <= POPUP.height)).toBe(true);
    expect(Number(words.available.exec((await popup.locator('.magicube-value').textContent())!)![1]!.replace(/,/g, ''))).toBe(available);
    await popup.screenshot({ path: join(SCREENSHOT_DIR, `popup-600px-eight-${words.suffix}.png`) });

    // The details, one click away each: the account's, and a row's (its sources; who serves the unserved one).
    await popup.locator('.credits-details > summary').click();
    await popup.getByRole('button', { name: UNSERVED, exact: true }).click();
    await popup.getByRole('button', { name: EIGHT[0], exact: true }).click();
    await expect.poll(() => popup.locator(`[id="details-${UNSERVED}"]`).textContent()).toContain(words.dashScope);
    await session.screenshot(popup, `popup-details-${words.suffix}`);
    expect(session.fake.probes()).toHaveLength(0);
  });

  it('spends nothing on a Check right after: every price is known and no model sends quota headers', async () => {
    const balance = session.fake.creditBalance(DEMO_KEY).available;
    const popup = await session.openPage('popup', POPUP);
    await popup.getByRole('button', { name: words.check }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(words.nothing);
    expect(session.fake.probes()).toHaveLength(0);
    expect(session.fake.creditBalance(DEMO_KEY).available).toBe(balance);
  });
});
