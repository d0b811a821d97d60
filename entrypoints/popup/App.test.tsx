import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem } from '@src/account/record';
import { latestResultsItem, sessionResultCache } from '@src/account/results';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { addKey, keyringItem } from '@src/storage/keyring';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import type { ProbeResult } from '@src/modelscope/probe';
import { savePrice } from '@src/storage/model-prices';
import { preferencesItem } from '@src/storage/preferences';
import { siteHostPatterns } from '@src/modelscope/endpoints';
import { App } from './App';
import { fakePermissions } from '@test/support/fake-permissions';
import { setActiveListModels } from '@test/support/active-list';
import { accountRecord } from '@test/support/account-record';
import { probeResult, NO_NUMBERS } from '@test/support/balance-item';
import { offerEntry } from '@test/support/rows';
import { serveLocale } from '@test/support/i18n';

const KEY = `ms-${'0123456789abcdef'.repeat(2)}`;
const GLM = 'ZhipuAI/GLM-4.7';
const KIMI = 'moonshotai/Kimi-K2.5';
const CODER = 'Qwen/Qwen3-Coder-30B-A3B-Instruct';
const item = (model: string, remaining: number): ProbeResult =>
  probeResult(model, { request_remaining: 1500, model_request_remaining: remaining, latency_ms: 280, checked_at: new Date().toISOString() });

let messages: unknown[];
/**
 * Stands in for the background: records what the popup asks, and lands the account's record (a refresh: 140 credits
 * available; after a Check, 139 left) and results the way the real services do, in storage.
 */
function fakeBackground() {
  messages = [];
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    messages.push(message);
    const request = message as { command: string; models?: string[] };
    void (async () => {
      const keyId = await keyFingerprint(KEY, 'cn');
      if (request.command === 'refresh') {
        // The provider list prices Kimi; GLM-4.7 is served by DashScope alone.
        const offers = { [KIMI]: offerEntry({ price: 1, tier: 'standard' }, Date.now()), [GLM]: offerEntry({ others: ['DashScope'] }, Date.now()) };
        await accountsItem.set({ [keyId]: accountRecord(Date.now(), { offers }) });
        sendResponse({ ok: true, message: '' });
        return;
      }
      const models = request.models ?? [GLM, KIMI];
      const results = Object.fromEntries(models.map((model) => [model, { ...item(model, 320), cached: false }]));
      await latestResultsItem.set({ [keyId]: { ...(await latestResultsItem.get())[keyId], ...results } });
      const spent = accountRecord(Date.now());
      await accountsItem.set({ [keyId]: { ...spent, balance: { ...spent.balance, value: { total_balance: 139, available_balance: 139, frozen_amount: 0 } } } });
      sendResponse({ ok: true, message: `Checked ${models.length} models` });
    })();
    return true;
  });
}

beforeEach(async () => {
  fakeBackground();
  await setActiveListModels([GLM, KIMI]);
});

describe('popup without a key', () => {
  it('guides the first run and saves the pasted key as the active one', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Welcome! Three steps to see your quota' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByRole('button', { name: 'Check models' })).toBeTruthy();
    const keyring = await keyringItem.get();
    expect(keyring.keys.map((key) => [key.label, key.secret])).toEqual([['My key', KEY]]);
    expect(messages.filter((message) => (message as { command: string }).command === 'check')).toEqual([]);
  });
});

describe('popup with a key', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' });
  });

  it('opens with the stored results and the account card, and spends nothing', async () => {
    await latestResultsItem.set({ [await keyFingerprint(KEY, 'cn')]: { [GLM]: { ...item(GLM, 321), cached: false } } });
    render(<App />);
    expect(await screen.findByText('321 / 500')).toBeTruthy();
    const card = await screen.findByRole('region', { name: 'Magicube credits' });
    expect(await within(card).findByText('140 credits available')).toBeTruthy();
    expect(within(card).getByText(/^from your Magicube account · (now|\d+ sec\. ago)$/)).toBeTruthy();
    // The free read of the account, and of the list's offers that are due.
    expect(messages).toEqual([{ command: 'refresh', models: [GLM, KIMI] }]);
  });

  it('says what a check costs, counting fresh results as free', async () => {
    await sessionResultCache.put(await keyFingerprint(KEY, 'cn'), item(KIMI, 321));
    await latestResultsItem.set({ [await keyFingerprint(KEY, 'cn')]: { [KIMI]: { ...item(KIMI, 321), cached: false } } });
    render(<App />);
    expect(await screen.findByText('Check: no calls · 1 fresh result reused · 1 not served, skipped')).toBeTruthy();
  });

  it('shows what a Check spent once the background keeps it, without asking again', async () => {
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Magicube credits' });
    expect(await within(card).findByText('140 credits available')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Check models' }));
    expect(await screen.findByText('Checked 2 models')).toBeTruthy();
    expect(await within(card).findByText('139 credits available')).toBeTruthy();
    expect(messages.filter((message) => (message as { command: string }).command === 'refresh')).toHaveLength(1);
  });

  it('shows calls left from the balance at the provider list’s price, and at a learned one, with their sources on hover', async () => {
    const noHeaders = probeResult(CODER, { ...NO_NUMBERS, error_kind: 'no_quota_headers', checked_at: new Date().toISOString() });
    await latestResultsItem.set({ [await keyFingerprint(KEY, 'cn')]: { [CODER]: { ...noHeaders, cached: false } } });
    await setActiveListModels([KIMI, CODER]);
    render(<App />);
    const kimi = await screen.findByText('≈ 140 calls');
    expect(kimi.closest('.calls-left')?.getAttribute('title')).toMatch(/÷ 1 credit a call \(standard; ModelScope’s price, from its provider list · read (now|\d+ sec\. ago)\)\.$/);
    // Answered without quota headers, and the provider list not read for it: its price is still to learn.
    expect(screen.getByText('Price unknown').closest('tr')?.getAttribute('data-model')).toBe(CODER);
    await savePrice('cn', CODER, { tier: 'lite', rawTier: '轻量', price: 0.5, learned_at: Date.now(), source: 'ledger' });
    const coder = await screen.findByText('≈ 280 calls');
    expect(coder.closest('.calls-left')?.getAttribute('title')).toMatch(/\(lite; learned from the Magicube ledger on /);
  });

  it('says which favourite API-Inference does not serve, and who does', async () => {
    render(<App />);
    const unserved = await screen.findByText('Not served');
    expect(unserved.closest('tr')?.getAttribute('data-model')).toBe(GLM);
    expect(unserved.getAttribute('title')).toContain('DashScope serve it');
    expect(screen.getByText('DashScope only')).toBeTruthy();
  });

  it('checks the active list with one click and shows the numbers as they land', async () => {
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Check models' }));
    expect(messages).toContainEqual({ command: 'check' });
    expect(await screen.findByText('Checked 2 models')).toBeTruthy();
    expect(await screen.findAllByText('320 / 500')).toHaveLength(2);
  });

  it('re-checks one row, bypassing the cache for it alone', async () => {
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: `Re-check ${KIMI}` }));
    expect(messages).toContainEqual({ command: 'check', models: [KIMI], force: true });
  });

  it('checks on open only when the user turned that on', async () => {
    await preferencesItem.set({ checkOnOpen: true, externalAccess: true });
    render(<App />);
    expect(await screen.findByText('Checked 2 models')).toBeTruthy();
    expect(messages.filter((message) => (message as { command: string }).command === 'check')).toHaveLength(1);
  });

  it('switches between saved keys and between lists', async () => {
    await addKey({ label: 'Spare', secret: `ms-${'f'.repeat(32)}`, remember: true, site: 'cn' });
    await favouriteListsItem.set({
      lists: [...(await favouriteListsItem.get()).lists, { id: 'vision', name: 'Vision', models: ['Qwen/Qwen3-VL'] }],
      activeId: 'list-1',
    });
    render(<App />);
    await userEvent.selectOptions(await screen.findByLabelText('Key'), 'Spare · modelscope.cn');
    await userEvent.selectOptions(await screen.findByLabelText('List'), 'Vision');
    const { activeId, keys } = await keyringItem.get();
    expect(keys.find((key) => key.id === activeId)?.label).toBe('Spare');
    expect((await favouriteListsItem.get()).activeId).toBe('vision');
    expect(await screen.findByRole('rowheader', { name: 'Qwen/Qwen3-VL' })).toBeTruthy();
  });

  describe('when something goes wrong', () => {
    afterEach(() => vi.restoreAllMocks());

    /** The background answers every command but `check` as usual; `check` gets `answer` instead. */
    function checkAnswers(answer: () => Promise<unknown>) {
      const send = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { command: string }) =>
        message.command === 'check' ? answer() : send(message)) as typeof fakeBrowser.runtime.sendMessage);
    }

    it('says in words that the background stopped before answering, and the button comes back', async () => {
      checkAnswers(() => Promise.reject(new Error('The message port closed before a response was received.')));
      render(<App />);
      await userEvent.click(await screen.findByRole('button', { name: 'Check models' }));
      expect(await screen.findByText(
        'The extension’s background stopped before it answered. Results that arrived are kept; press Check again for the rest.',
      )).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Check models' })).toHaveProperty('disabled', false);
    });

    it('says in words, never in English code text, that a reply could not be read', async () => {
      await serveLocale('zh_CN');
      checkAnswers(async () => ({ unexpected: true }));
      render(<App />);
      await userEvent.click(await screen.findByRole('button', { name: '检查模型' }));
      expect((await screen.findByRole('status')).textContent).toBe('扩展的后台返回了此页面无法读取的回答。请重试，或重新加载扩展。');
    });
  });

  describe('copying the results', () => {
    afterEach(() => vi.restoreAllMocks());

    it('copies the rows as tab-separated text and says so', async () => {
      const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
      await latestResultsItem.set({ [await keyFingerprint(KEY, 'cn')]: { [GLM]: { ...item(GLM, 321), cached: false } } });
      render(<App />);
      await screen.findByText('321 / 500');
      await userEvent.click(screen.getByRole('button', { name: 'Copy results' }));
      expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
      const [text] = writeText.mock.calls[0] ?? [];
      expect(text?.split('\n').map((line) => line.split('\t').slice(0, 2))).toEqual([
        ['model', 'model_request_remaining'],
        [GLM, '321'],
        [KIMI, ''],
      ]);
    });

    it('says, with a translated lead, when the browser refuses to copy', async () => {
      await serveLocale('zh_CN');
      vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
      render(<App />);
      await userEvent.click(await screen.findByRole('button', { name: '复制结果' }));
      expect((await screen.findByRole('alert')).textContent).toBe('无法复制结果：Document is not focused.');
      expect(screen.getByRole('button', { name: '复制结果' })).toBeTruthy();
    });
  });
});

describe('popup with an international key the browser does not let it reach', () => {
  beforeEach(async () => {
    await addKey({ label: 'Intl', secret: `ms-${'a1'.repeat(16)}`, remember: true, site: 'ai' });
  });

  it.each([
    ['en', 'The browser does not let ModelScope Quota reach modelscope.ai yet', 'Allow access to modelscope.ai'],
    ['zh_CN', '浏览器尚未允许 ModelScope Quota 访问 modelscope.ai', '允许访问 modelscope.ai'],
  ] as const)('in %s, says so above everything and asks the browser again on a click', async (locale, words, button) => {
    await serveLocale(locale);
    render(<App />);
    const banner = await screen.findByText((_, element) => element?.classList.contains('site-access') === true);
    expect(banner.textContent).toContain(words);
    await userEvent.click(within(banner).getByRole('button', { name: button }));
    expect(fakePermissions.requests).toEqual([siteHostPatterns('ai')]);
    await expect.poll(() => screen.queryByText((_, element) => element?.classList.contains('site-access') === true)).toBeNull();
  });
});
