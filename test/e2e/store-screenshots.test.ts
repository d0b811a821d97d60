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
// Favourites a user of 2026-12 would keep: every one served by API-Inference at its provider-list price, but GLM-4.7,
// which DashScope alone serves (the row says so).
const MODELS = [
  'Qwen/Qwen3.5-397B-A17B',
  'deepseek-ai/DeepSeek-V4-Pro',
  'ZhipuAI/GLM-5.2',
  'Qwen/Qwen3-Coder-30B-A3B-Instruct',
  'moonshotai/Kimi-K2.5',
  'deepseek-ai/DeepSeek-V4-Flash',
  'ZhipuAI/GLM-4.7',
];

const LANGUAGES = [
  { lang: 'en-US', suffix: 'en', label: 'Work', list: 'Favourites', calls: /^≈ [\d,]+ calls$/, settings: 'Check settings' },
  { lang: 'zh-CN', suffix: 'zh_CN', label: '工作', list: '常用模型', calls: /^约 [\d,]+ 次$/, settings: '检查设置' },
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
    const session = await launchExtension({ lang: words.lang, world: 'credits' });
    try {
      const popup = await session.openPage('popup', SIZE);
      await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY, words.label), ...seededList(MODELS, words.list) });
      // The answer on open, with no Check: every served favourite's calls left.
      for (const model of MODELS.slice(0, -1)) {
        await expect.poll(() => popup.locator(`tr[data-model="${model}"] .calls-left`).textContent()).toMatch(words.calls);
      }
      expect(session.fake.probes()).toHaveLength(0);
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
