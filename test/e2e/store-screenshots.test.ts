// The store listings' screenshots (1280 × 800, the size the Chrome Web Store, Edge Add-ons and AMO all take), made
// from the real popup and options page against the fake, in English and Chinese, so they never show an old version.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { seededKey, seededList } from '../support/seeds';
import { launchExtension } from './harness';

const STORE_SCREENSHOTS = resolve('store/screenshots');
const SIZE = { width: 1280, height: 800 };
// Real model names, with what is left of each chosen to show every colour of bar: green, amber, red and used up.
const LEFT = {
  'Qwen/Qwen3-Coder-480B-A35B-Instruct': 431,
  'ZhipuAI/GLM-4.7': 181,
  'moonshotai/Kimi-K2.5': 377,
  'deepseek-ai/DeepSeek-V4-Flash': 15,
  'deepseek-ai/DeepSeek-V4-Pro': 0,
} as const;
const MODELS = Object.keys(LEFT);

const LANGUAGES = [
  { lang: 'en-US', suffix: 'en', label: 'Work', list: 'Favourites', check: 'Check models', checked: 'Checked 5 models: 4 ok, 1 failed', settings: 'Check settings' },
  { lang: 'zh-CN', suffix: 'zh_CN', label: '工作', list: '常用模型', check: '检查模型', checked: '已检查 5 个模型：4 个正常，1 个失败', settings: '检查设置' },
] as const;

/** The popup as it looks dropped from the toolbar: on a plain backdrop, a little larger so a store visitor can read it. */
async function frameAsToolbarPopup(page: Page): Promise<void> {
  await page.addStyleTag({
    content: `html { background: #e9edf3; }
      body { background: transparent; display: flex; justify-content: center; }
      main.popup { background: var(--bg); margin-top: 36px; border: 1px solid var(--border); border-radius: 10px;
        box-shadow: 0 10px 30px rgb(0 0 0 / 0.18); zoom: 1.3; }`,
  });
}

/** Width and height from a PNG's header. */
function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the store screenshots', () => {
  it.each(LANGUAGES)('shows the popup with checked models and the options page ($lang)', async (words) => {
    mkdirSync(STORE_SCREENSHOTS, { recursive: true });
    const session = await launchExtension({ lang: words.lang });
    try {
      for (const [model, left] of Object.entries(LEFT)) session.fake.setModelRemaining(DEMO_KEY, model, left);
      session.fake.setAccountRemaining(DEMO_KEY, 1618);
      const popup = await session.openPage('popup', SIZE);
      await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY, words.label), ...seededList(MODELS, words.list) });
      await popup.getByRole('button', { name: words.check }).click();
      await expect.poll(() => popup.getByRole('status').textContent()).toBe(words.checked);
      await expect.poll(() => popup.locator('.magicube').textContent()).toContain('140');
      await frameAsToolbarPopup(popup);
      const popupPath = join(STORE_SCREENSHOTS, `popup-${words.suffix}.png`);
      await popup.screenshot({ path: popupPath });

      const options = await session.openPage('options', SIZE);
      await expect.poll(() => options.getByRole('heading', { name: words.settings }).count()).toBe(1);
      await expect.poll(() => options.locator('table.keys').getByRole('radio').count()).toBe(1);
      const optionsPath = join(STORE_SCREENSHOTS, `options-${words.suffix}.png`);
      await options.screenshot({ path: optionsPath });

      expect(pngSize(popupPath)).toEqual(SIZE);
      expect(pngSize(optionsPath)).toEqual(SIZE);
    } finally {
      await session.close();
    }
  });
});
