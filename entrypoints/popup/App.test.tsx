import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BalanceItem, BalanceReply } from '../../src/contract';
import { setActiveListModels } from '../../src/settings/favourite-lists';
import { addKey } from '../../src/settings/keyring';
import { latestResultsItem } from '../../src/settings/latest-results';
import { keyFingerprint } from '../../src/settings/key-fingerprint';
import { App } from './App';

const KEY = `ms-${'0123456789abcdef'.repeat(2)}`;
const GLM = 'ZhipuAI/GLM-4.7';
const item: BalanceItem = {
  model: GLM,
  request_limit: 2000,
  request_remaining: 1500,
  model_request_limit: 500,
  model_request_remaining: 321,
  error: null,
  error_kind: null,
  status: 200,
  latency_ms: 280,
  checked_at: new Date().toISOString(),
  cached: false,
};

let messages: unknown[];
beforeEach(async () => {
  messages = [];
  await addKey({ label: 'Main', secret: KEY, remember: true });
  await setActiveListModels([GLM]);
  // Stands in for the background: records what the popup asks and lands a result as the real handler does.
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    messages.push(message);
    void (async () => {
      const keyId = await keyFingerprint(KEY);
      await latestResultsItem.set({ [keyId]: { [GLM]: { ...item, model_request_remaining: 320 } } });
      const reply: BalanceReply = { success: true, data: [item], message: 'Checked 1 model: 1 ok, 0 failed' };
      sendResponse(reply);
    })();
    return true;
  });
});

describe('popup', () => {
  it('opens with the stored results and sends nothing', async () => {
    await latestResultsItem.set({ [await keyFingerprint(KEY)]: { [GLM]: item } });
    render(<App />);
    expect(await screen.findByRole('cell', { name: '321 of 500' })).toBeTruthy();
    expect(messages).toEqual([]);
  });

  it('checks the saved favourites with one click and shows the new numbers as they land', async () => {
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: /^Check/ }));
    expect(messages).toEqual([{ type: 'balance' }]);
    expect((await screen.findByRole('status')).textContent).toBe('Checked 1 model: 1 ok, 0 failed');
    expect(await screen.findByRole('cell', { name: '320 of 500' })).toBeTruthy();
  });

  it('says what a check costs before it runs', async () => {
    render(<App />);
    expect(await screen.findByText('Costs up to 1 call (fresh results are reused)')).toBeTruthy();
  });
});
