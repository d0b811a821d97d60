// The popup in Firefox ESR as a new user meets it: paste a key, save, check, read the rows; in English and Chinese.
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { clickButton, fieldLabelled, launchFirefox, type FirefoxSession } from './harness';

const POPUP = { width: 600, height: 600 };
// The defaults, with the price a call of each costs on the provider list: all served by API-Inference.
const DEFAULT_LIST = { 'Qwen/Qwen3.5-397B-A17B': 2, 'deepseek-ai/DeepSeek-V4-Pro': 2, 'ZhipuAI/GLM-5.2': 2, 'Qwen/Qwen3-Coder-30B-A3B-Instruct': 1, 'stepfun-ai/Step-3.7-Flash': 1 };
const MODELS = Object.keys(DEFAULT_LIST);
const FIRST = MODELS[0]!;

const textOf = (page: Page, selector: string) => page.evaluate((css) => document.querySelector(css)?.textContent ?? null, selector);
const rowHeaders = (page: Page) => page.evaluate(() => [...document.querySelectorAll('tbody th')].map((th) => th.textContent ?? ''));
const callsLeftOf = (page: Page, model: string) => textOf(page, `tr[data-model="${model}"] .calls-left`);
const countOf = (page: Page, model: string) => textOf(page, `tr[data-model="${model}"] .quota-text`);

interface Words {
  lang: 'en-US' | 'zh-CN';
  welcome: string;
  apiKey: string;
  saveKey: string;
  cost: string;
  check: RegExp;
  nothing: string;
  recheck: string;
  checked: string;
  calls: (calls: number) => string;
  magicube: RegExp;
}
const ENGLISH: Words = {
  lang: 'en-US',
  welcome: 'Welcome! Three steps to see your quota',
  apiKey: 'API key',
  saveKey: 'Save key',
  cost: 'Check: no calls · 5 models free from the balance',
  check: /^Check models/,
  nothing: 'Nothing to probe: 5 models are known from the balance, free',
  recheck: `Re-check ${FIRST}`,
  checked: 'Checked 1 model: 1 ok, 0 failed',
  calls: (calls) => `≈ ${calls} calls`,
  magicube: /^140 credits available$/,
};
const CHINESE: Words = {
  lang: 'zh-CN',
  welcome: '欢迎！三步查看你的额度',
  apiKey: 'API 密钥',
  saveKey: '保存密钥',
  cost: '检查：不消耗调用 · 5 个模型按余额估算，免费',
  check: /^检查模型/,
  nothing: '无需调用：5 个模型由魔粒余额得知，免费',
  recheck: `重新检查 ${FIRST}`,
  checked: '已检查 1 个模型：1 个正常，0 个失败',
  calls: (calls) => `约 ${calls} 次`,
  magicube: /^可用 140 魔粒$/,
};

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the popup in Firefox ESR, from first run to checked rows', () => {
  it.each([ENGLISH, CHINESE])('saves a pasted key, answers every row for free, and probes a row on request ($lang)', async (words) => {
    session = await launchFirefox({ lang: words.lang });
    const popup = await session.openPage('popup', POPUP);
    await expect.poll(() => textOf(popup, 'h2')).toBe(words.welcome);
    await session.screenshot(popup, `firefox-popup-first-run-${words.lang}`);

    await (await fieldLabelled(popup, words.apiKey)).type(DEMO_KEY);
    await clickButton(popup, words.saveKey);
    // Saving the key spends nothing: the free reads answer every row, and the cost of a check is said first.
    await expect.poll(() => textOf(popup, '.magicube-value')).toMatch(words.magicube);
    for (const [model, price] of Object.entries(DEFAULT_LIST)) await expect.poll(() => callsLeftOf(popup, model)).toBe(words.calls(140 / price));
    await expect.poll(() => textOf(popup, '.cost')).toBe(words.cost);
    expect((await rowHeaders(popup)).map((text) => MODELS.find((model) => text.startsWith(model)))).toEqual(MODELS);
    await clickButton(popup, words.check);
    await expect.poll(() => textOf(popup, '[role="status"]')).toBe(words.nothing);
    expect(session.fake.probes()).toEqual([]);
    // ↻ probes its row, with the saved key, and shows what ModelScope counted.
    await clickButton(popup, words.recheck);
    await expect.poll(() => textOf(popup, '[role="status"]')).toBe(words.checked);
    await expect.poll(() => countOf(popup, FIRST)).toBe('499 / 500');
    expect(session.fake.probes().map((probe) => `${probe.model} ${probe.authorization}`)).toEqual([`${FIRST} Bearer ${DEMO_KEY}`]);
    // "Remember this key" was left on: the key is kept in this browser's storage.local, and never in storage.sync.
    expect(await popup.evaluate(() => chrome.storage.local.get('keyring').then((all) => JSON.stringify(all)))).toContain(DEMO_KEY);
    expect(await popup.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
    await session.screenshot(popup, `firefox-popup-results-${words.lang}`);
  });
});
