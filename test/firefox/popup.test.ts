// The popup in Firefox ESR as a new user meets it: paste a key, save, check, read the rows; in English and Chinese.
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { clickButton, fieldLabelled, launchFirefox, type FirefoxSession } from './harness';

const POPUP = { width: 600, height: 600 };
const DEFAULT_LIST = ['Qwen/Qwen3-Coder-480B-A35B-Instruct', 'ZhipuAI/GLM-4.7', 'deepseek-ai/DeepSeek-V4-Flash', 'moonshotai/Kimi-K2.5'];

const textOf = (page: Page, selector: string) => page.evaluate((css) => document.querySelector(css)?.textContent ?? null, selector);
const rowHeaders = (page: Page) => page.evaluate(() => [...document.querySelectorAll('tbody th')].map((th) => th.textContent ?? ''));
const firstCellOf = (page: Page, model: string) =>
  page.evaluate((id) => {
    const row = [...document.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.startsWith(id));
    return row?.querySelector('td')?.textContent ?? null;
  }, model);

interface Words {
  lang: 'en-US' | 'zh-CN';
  welcome: string;
  apiKey: string;
  saveKey: string;
  cost: string;
  check: RegExp;
  checked: RegExp;
  magicube: RegExp;
}
const ENGLISH: Words = {
  lang: 'en-US',
  welcome: 'Welcome! Three steps to see your quota',
  apiKey: 'API key',
  saveKey: 'Save key',
  cost: 'Check: 4 calls (4 prices still to learn)',
  check: /^Check models/,
  checked: /^Checked 4 models: 4 ok, 0 failed$/,
  magicube: /^140 credits available$/,
};
const CHINESE: Words = {
  lang: 'zh-CN',
  welcome: '欢迎！三步查看你的额度',
  apiKey: 'API 密钥',
  saveKey: '保存密钥',
  cost: '检查：消耗 4 次调用（4 个模型的价格待获取）',
  check: /^检查模型/,
  checked: /^已检查 4 个模型：4 个正常，0 个失败$/,
  magicube: /^可用 140 魔粒$/,
};

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the popup in Firefox ESR, from first run to checked rows', () => {
  it.each([ENGLISH, CHINESE])('saves a pasted key, checks the list and shows the numbers ($lang)', async (words) => {
    session = await launchFirefox({ lang: words.lang });
    const popup = await session.openPage('popup', POPUP);
    await expect.poll(() => textOf(popup, 'h2')).toBe(words.welcome);
    await session.screenshot(popup, `firefox-popup-first-run-${words.lang}`);

    await (await fieldLabelled(popup, words.apiKey)).type(DEMO_KEY);
    await clickButton(popup, words.saveKey);
    // Saving the key spends nothing: the free account card shows the balance, and the cost of a check is said first.
    await expect.poll(() => textOf(popup, '.magicube')).toMatch(words.magicube);
    await expect.poll(() => textOf(popup, '.cost')).toBe(words.cost);
    expect(session.fake.probes()).toEqual([]);
    await clickButton(popup, words.check);
    await expect.poll(() => textOf(popup, '[role="status"]')).toMatch(words.checked);
    // One row a model of the default list, in its order.
    expect((await rowHeaders(popup)).map((text) => DEFAULT_LIST.find((model) => text.startsWith(model)))).toEqual(DEFAULT_LIST);
    await expect.poll(() => firstCellOf(popup, 'ZhipuAI/GLM-4.7')).toBe('499 / 500');
    // One call a model, each with the saved key.
    expect(session.fake.probes().map((probe) => `${probe.model} ${probe.authorization}`).sort()).toEqual(DEFAULT_LIST.map((model) => `${model} Bearer ${DEMO_KEY}`).sort());
    // "Remember this key" was left on: the key is kept in this browser's storage.local, and never in storage.sync.
    expect(await popup.evaluate(() => chrome.storage.local.get('keyring').then((all) => JSON.stringify(all)))).toContain(DEMO_KEY);
    expect(await popup.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
    await session.screenshot(popup, `firefox-popup-results-${words.lang}`);
  });
});
