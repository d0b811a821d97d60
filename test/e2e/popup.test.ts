import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY, FAKE_NO_HEADERS, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { launchExtension, type ExtensionSession } from './harness';

const MODELS = ['ZhipuAI/GLM-4.7', 'moonshotai/Kimi-K2.5', FAKE_NO_HEADERS];
const POPUP_SIZE = { width: 600, height: 560 };

describe('checking models through the popup', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(() => session?.close());

  it('saves a pasted key and list, checks them in one click and shows each model’s numbers', async () => {
    const popup = await session.openPage('popup', POPUP_SIZE);
    await session.screenshot(popup, 'popup-first-run-light-en');

    await popup.getByLabel('API key').fill(DEMO_KEY);
    await popup.getByLabel('Favourite models').fill(MODELS.join(', '));
    await popup.getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 3 models: 2 ok, 1 failed');

    const row = (model: string) => popup.getByRole('row').filter({ has: popup.getByRole('rowheader', { name: model }) });
    await expect.poll(() => row('ZhipuAI/GLM-4.7').getByRole('cell').allTextContents()).toEqual([
      '499 of 500',
      '1999 of 2000',
      expect.stringMatching(/\d{1,2}:\d\d/),
      '',
    ]);
    expect(await row(FAKE_NO_HEADERS).getByRole('cell').last().textContent()).toBe('ModelScope reported no quota for this model');
    expect(session.fake.probes()).toHaveLength(3);
    await session.screenshot(popup, 'popup-results-light-en');

    // Opening the popup again shows the stored results at once and spends nothing.
    const reopened = await session.openPage('popup', POPUP_SIZE);
    await expect.poll(() => reopened.getByRole('rowheader').allTextContents()).toEqual(MODELS);
    expect(await reopened.getByLabel('API key').inputValue()).toBe(DEMO_KEY);
    expect(await reopened.getByLabel('API key').getAttribute('type')).toBe('password');
    expect(session.fake.probes()).toHaveLength(3);
  });

  it('keeps the key in storage.local only, never in sync', async () => {
    const page = await session.openPage('options');
    const areas = await page.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
    }));
    expect(JSON.stringify(areas.local.keyring)).toContain(DEMO_KEY);
    expect(JSON.stringify(areas.sync)).not.toContain(DEMO_KEY);
  });

  it('edits the same key, favourites and settings on the options page', async () => {
    const options = await session.openPage('options', { width: 800, height: 900 });
    expect(await options.getByLabel('API key').inputValue()).toBe(DEMO_KEY);
    expect(await options.getByLabel('Favourite models').inputValue()).toBe(MODELS.join('\n'));
    await options.getByLabel('Probes at once').fill('25');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Not saved');
    await options.getByLabel('Probes at once').fill('4');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved');
    expect(await options.evaluate(() => chrome.storage.local.get('checkSettings'))).toEqual({
      checkSettings: { concurrency: 4, timeoutSeconds: 20, cacheSeconds: 60 },
    });
    await session.screenshot(options, 'options-light-en');
  });

  it('says so plainly when the key is refused', async () => {
    const popup = await session.openPage('popup', POPUP_SIZE);
    await popup.getByLabel('API key').fill(REVOKED_KEY);
    await popup.getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 3 models: 0 ok, 3 failed');
    await expect.poll(() => popup.getByRole('cell', { name: /HTTP 401/ }).count()).toBe(3);
  });
});

describe('the popup in dark mode and in Chinese', () => {
  it('renders for a person to look at', async () => {
    const session = await launchExtension({ lang: 'zh-CN', colorScheme: 'dark' });
    try {
      const popup = await session.openPage('popup', POPUP_SIZE);
      await expect.poll(() => popup.getByRole('button', { name: '检查模型' }).count()).toBe(1);
      await popup.getByLabel('API 密钥').fill(DEMO_KEY);
      await popup.getByRole('button', { name: '检查模型' }).click();
      await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^已检查 4 个模型/);
      await session.screenshot(popup, 'popup-results-dark-zh');
      const options = await session.openPage('options', { width: 800, height: 900 });
      await expect.poll(() => options.getByText('检查设置').count()).toBe(1);
      await session.screenshot(options, 'options-dark-zh');
    } finally {
      await session.close();
    }
  });
});
