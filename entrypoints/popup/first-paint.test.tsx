import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestResultsItem } from '@src/account/results';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { addKey } from '@src/storage/keyring';
import { forgetFirstRenderSeeds, readBeforeFirstRender } from '@src/ui/first-paint';
import { App } from './App';
import { setActiveListModels } from '@test/support/active-list';
import { balanceItem } from '@test/support/balance-item';

const KEY = `ms-${'0123456789abcdef'.repeat(2)}`;
const GLM = 'ZhipuAI/GLM-4.7';

beforeEach(async () => {
  // The background's answer to the popup's refresh: the figures reach the page through storage.
  fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
    sendResponse({ ok: true, message: '' });
    return true;
  });
  await setActiveListModels([GLM]);
  await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' });
  const stored = balanceItem(GLM, { request_remaining: 1500, model_request_remaining: 321, checked_at: new Date().toISOString() });
  await latestResultsItem.set({ [await keyFingerprint(KEY, 'cn')]: { [GLM]: stored } });
});
afterEach(forgetFirstRenderSeeds);

describe("the popup's first render", () => {
  it('shows the stored results at once when they were read before it', async () => {
    await readBeforeFirstRender();
    render(<App />);
    // No waiting: the figure is in the very first render's DOM.
    expect(screen.getByText('321 / 500')).toBeTruthy();
  });

  it('reads for itself once the seeds are forgotten, never showing them as if fresh later', async () => {
    await readBeforeFirstRender();
    forgetFirstRenderSeeds();
    render(<App />);
    expect(screen.queryByText('321 / 500')).toBeNull();
    expect(await screen.findByText('321 / 500')).toBeTruthy();
  });
});
