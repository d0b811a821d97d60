import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BalanceItem } from '@src/contract';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { addKey, keyringItem } from '@src/storage/keyring';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { latestResultsItem } from '@src/storage/latest-results';
import { preferencesItem } from '@src/storage/preferences';
import { sessionResultCache } from '@src/storage/result-cache';
import { App } from './App';
import { setActiveListModels } from '@test/support/active-list';
import { balanceItem } from '@test/support/balance-item';

const KEY = `ms-${'0123456789abcdef'.repeat(2)}`;
const GLM = 'ZhipuAI/GLM-4.7';
const KIMI = 'moonshotai/Kimi-K2.5';
const item = (model: string, remaining: number): BalanceItem =>
  balanceItem(model, { request_remaining: 1500, model_request_remaining: remaining, latency_ms: 280, checked_at: new Date().toISOString() });

let messages: unknown[];
/** Stands in for the background: records what the popup asks and lands results the way the real handler does. */
function fakeBackground() {
  messages = [];
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    messages.push(message);
    const request = message as { type: string; models?: string[] };
    void (async () => {
      if (request.type === 'magicube') {
        sendResponse({ success: true, data: { total_balance: 10, available_balance: 9, frozen_amount: 1 }, message: 'ok' });
        return;
      }
      const keyId = await keyFingerprint(KEY);
      const models = request.models ?? [GLM, KIMI];
      const results = Object.fromEntries(models.map((model) => [model, item(model, 320)]));
      await latestResultsItem.set({ [keyId]: { ...(await latestResultsItem.get())[keyId], ...results } });
      sendResponse({ success: true, data: Object.values(results), message: `Checked ${models.length} models` });
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
    expect(messages.filter((message) => (message as { type: string }).type === 'balance')).toEqual([]);
  });
});

describe('popup with a key', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: KEY, remember: true });
  });

  it('opens with the stored results and the Magicube balance, and spends nothing', async () => {
    await latestResultsItem.set({ [await keyFingerprint(KEY)]: { [GLM]: item(GLM, 321) } });
    render(<App />);
    expect(await screen.findByText('321 / 500')).toBeTruthy();
    expect(await screen.findByText('9 available · 1 frozen · 10 in total')).toBeTruthy();
    expect(screen.getByText('Magicube credits (魔粒), not calls')).toBeTruthy();
    expect(messages).toEqual([{ type: 'magicube' }]);
  });

  it('says what a check costs, counting fresh results as free', async () => {
    await sessionResultCache.put(await keyFingerprint(KEY), item(GLM, 321));
    render(<App />);
    expect(await screen.findByText('2 models: 1 call (1 fresh result reused)')).toBeTruthy();
  });

  it('checks the active list with one click and shows the numbers as they land', async () => {
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Check models' }));
    expect(messages).toContainEqual({ type: 'balance' });
    expect(await screen.findByText('Checked 2 models')).toBeTruthy();
    expect(await screen.findAllByText('320 / 500')).toHaveLength(2);
  });

  it('re-checks one row, bypassing the cache for it alone', async () => {
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: `Re-check ${KIMI}` }));
    expect(messages).toContainEqual({ type: 'balance', models: [KIMI], force: true });
  });

  it('checks on open only when the user turned that on', async () => {
    await preferencesItem.set({ checkOnOpen: true, externalAccess: true });
    render(<App />);
    expect(await screen.findByText('Checked 2 models')).toBeTruthy();
    expect(messages.filter((message) => (message as { type: string }).type === 'balance')).toHaveLength(1);
  });

  it('switches between saved keys and between lists', async () => {
    await addKey({ label: 'Spare', secret: `ms-${'f'.repeat(32)}`, remember: true });
    await favouriteListsItem.set({
      lists: [...(await favouriteListsItem.get()).lists, { id: 'vision', name: 'Vision', models: ['Qwen/Qwen3-VL'] }],
      activeId: 'list-1',
    });
    render(<App />);
    await userEvent.selectOptions(await screen.findByLabelText('Key'), 'Spare');
    await userEvent.selectOptions(screen.getByLabelText('List'), 'Vision');
    const { activeId, keys } = await keyringItem.get();
    expect(keys.find((key) => key.id === activeId)?.label).toBe('Spare');
    expect((await favouriteListsItem.get()).activeId).toBe('vision');
    expect(await screen.findByRole('rowheader', { name: 'Qwen/Qwen3-VL' })).toBeTruthy();
  });
});
