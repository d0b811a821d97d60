// A China key and an international key side by side in the built extension in Chromium, as a user adds and uses
// them: the international hosts are granted only when the browser's own prompt is answered (by the keyboard, on a
// virtual display), each key's figures come from its own site's hosts only, the monthly quota reads as monthly, and
// removing the last international key gives the hosts back. In both languages, with screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { AI_DEMO_KEY, AMBASSADOR_MODEL, MONTHLY_LIMIT } from '../fake-modelscope/sites';
import { launchExtension, type ExtensionSession } from './harness';
import { answerPermissionPrompt, startVirtualDisplay, watchPermissionRequests, type VirtualDisplay } from './virtual-display';

const AI_HOSTS = ['https://api-inference.modelscope.ai/*', 'https://www.modelscope.ai/*', 'https://modelscope.ai/*'];
const POPUP = { width: 600, height: 640 };
const OPTIONS = { width: 1000, height: 1400 };

const WORDS = {
  'en-US': {
    apiKey: 'API key',
    saveKey: 'Save key',
    addKey: 'Add key',
    international: 'International site (modelscope.ai)',
    key: 'Key',
    list: 'List',
    check: 'Check models',
    chinaKey: 'My key · modelscope.cn',
    intlKey: 'Key 2 · modelscope.ai',
    intlList: 'International favourites',
    thisMonth: 'calls left this month',
    removeIntl: 'Remove Key 2',
    checked: /^Checked \d+ model/,
    recheck: 'Re-check Qwen/Qwen3.5-397B-A17B',
  },
  'zh-CN': {
    apiKey: 'API 密钥',
    saveKey: '保存密钥',
    addKey: '添加密钥',
    international: '国际站（modelscope.ai）',
    key: '密钥',
    list: '列表',
    check: '检查模型',
    chinaKey: '我的密钥 · modelscope.cn',
    intlKey: '密钥 2 · modelscope.ai',
    intlList: '国际站常用',
    thisMonth: '本月剩余调用',
    removeIntl: '删除 密钥 2',
    checked: /^已检查 \d+ 个模型/,
    recheck: '重新检查 Qwen/Qwen3.5-397B-A17B',
  },
} as const;

const grantedOrigins = (page: Page) => page.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
const hostsSince = (session: ExtensionSession, from: number) => [...new Set(session.fake.requests.slice(from).map((request) => request.host))].sort();

describe.each(Object.entries(WORDS))('a China key and an international key, in %s', (lang, words) => {
  let display: VirtualDisplay;
  let session: ExtensionSession;
  beforeAll(async () => {
    display = await startVirtualDisplay();
    session = await launchExtension({ lang: lang as keyof typeof WORDS, world: 'credits', aiWorld: 'credits', display: display.display, blockOtherHosts: true });
  });
  afterAll(async () => {
    await session?.close();
    display?.close();
  });

  it('asks for the international hosts only when the first international key is added, at the browser’s own prompt', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.getByLabel(words.apiKey).fill(DEMO_KEY);
    await popup.getByRole('button', { name: words.saveKey }).click();
    await popup.getByRole('button', { name: words.check }).waitFor();
    expect(await grantedOrigins(popup)).not.toEqual(expect.arrayContaining([AI_HOSTS[0]]));

    const options = await session.openPage('options', OPTIONS);
    await options.getByLabel(words.international).check();
    await options.getByRole('textbox', { name: words.apiKey, exact: true }).fill(AI_DEMO_KEY);
    await watchPermissionRequests(options);
    await options.getByRole('button', { name: words.addKey }).click();
    await answerPermissionPrompt(options, display.display, 'allow');
    await expect.poll(() => grantedOrigins(options)).toEqual(expect.arrayContaining(AI_HOSTS));
    await expect.poll(() => options.getByText('modelscope.ai', { exact: true }).count()).toBe(1);
    await session.screenshot(options, `sites-options-${lang}`);
  });

  it('switches to the international key in the popup, and reads and checks it on the international hosts only', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.getByLabel(words.key, { exact: true }).selectOption({ label: words.intlKey });
    await expect.poll(async () => popup.getByLabel(words.list, { exact: true }).locator('option:checked').textContent()).toBe(words.intlList);
    // The Qwen-Ambassador model counts its calls by the month.
    await popup.evaluate(async (model) => {
      const { favouriteLists } = (await chrome.storage.local.get('favouriteLists')) as { favouriteLists: { lists: Array<{ id: string; models: string[] }>; activeId: string } };
      const lists = favouriteLists.lists.map((list) => (list.id === favouriteLists.activeId ? { ...list, models: [...list.models, model] } : list));
      await chrome.storage.local.set({ favouriteLists: { ...favouriteLists, lists } });
    }, AMBASSADOR_MODEL);
    const from = session.fake.requests.length;
    await popup.getByRole('button', { name: words.check }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(words.checked);
    await expect.poll(() => popup.locator('.account-card .magicube-value').count()).toBe(1);

    expect(hostsSince(session, from)).toEqual(['api-inference.modelscope.ai', 'www.modelscope.ai']);
    expect(session.fake.probes(AMBASSADOR_MODEL)).toHaveLength(1);
    const monthly = popup.getByRole('row').filter({ has: popup.getByRole('rowheader', { name: new RegExp(`^${AMBASSADOR_MODEL}`) }) });
    await expect.poll(() => monthly.textContent()).toContain(`${MONTHLY_LIMIT - 1} / ${MONTHLY_LIMIT}`);
    expect(await monthly.textContent()).toContain(words.thisMonth);
    await session.screenshot(popup, `sites-popup-international-${lang}`);
  });

  it('switches back to the China key, its own list and the China hosts only', async () => {
    const popup = await session.openPage('popup', POPUP);
    await popup.getByLabel(words.key, { exact: true }).selectOption({ label: words.chinaKey });
    await expect.poll(async () => popup.getByLabel(words.list, { exact: true }).locator('option:checked').textContent()).not.toBe(words.intlList);
    const from = session.fake.requests.length;
    // The China defaults are priced by the provider list and send no headers: a Check spends nothing, ↻ probes one.
    await popup.getByRole('button', { name: words.recheck }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(words.checked);
    await expect.poll(() => session.fake.requests.length).toBeGreaterThan(from);
    expect(hostsSince(session, from).every((host) => host.endsWith('modelscope.cn'))).toBe(true);
    await session.screenshot(popup, `sites-popup-china-${lang}`);
  });

  it('gives the international hosts back when the last international key is removed', async () => {
    const options = await session.openPage('options', OPTIONS);
    await options.getByRole('button', { name: words.removeIntl }).click();
    await expect.poll(() => grantedOrigins(options)).not.toEqual(expect.arrayContaining([AI_HOSTS[0]]));
    // Each token went to its own site's hosts only (the free catalogue is read without one).
    const tokensSent = (site: 'cn' | 'ai') => [...new Set(session.fake.requestsTo(site).flatMap((request) => request.authorization ?? []))];
    expect(tokensSent('cn')).toEqual([`Bearer ${DEMO_KEY}`]);
    expect(tokensSent('ai')).toEqual([`Bearer ${AI_DEMO_KEY}`]);
  });
});
