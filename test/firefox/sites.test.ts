// An international key in Firefox ESR: adding it asks Firefox for the optional international hosts (the answer,
// "allow", is a pref here), and its check reaches only the international hosts.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_DEMO_KEY } from '../fake-modelscope/sites';
import { clickButton, fieldLabelled, launchFirefox, type FirefoxSession } from './harness';

const AI_HOSTS = ['https://api-inference.modelscope.ai/*', 'https://www.modelscope.ai/*', 'https://modelscope.ai/*'];
const grantedOrigins = (page: Page) => page.evaluate(async () => (await browser.permissions.getAll()).origins ?? []);
const statusText = (page: Page) => page.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');

describe('an international key in Firefox ESR', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('is saved once Firefox grants the international hosts, and is checked on them only', async () => {
    const options = await session.openPage('options', { width: 1000, height: 1400 });
    expect(await grantedOrigins(options)).not.toEqual(expect.arrayContaining([AI_HOSTS[0]]));
    await (await fieldLabelled(options, 'International site (modelscope.ai)')).click();
    await (await fieldLabelled(options, 'API key')).type(AI_DEMO_KEY);
    await clickButton(options, 'Add key');
    await expect.poll(() => grantedOrigins(options), { timeout: 15_000 }).toEqual(expect.arrayContaining(AI_HOSTS));
    await expect.poll(() => options.evaluate(() => document.querySelector('table.keys')?.textContent ?? '')).toContain('modelscope.ai');

    // From here on: the options page read the China catalogue (free, keyless) while no key was saved.
    const from = session.modelScopeRequests().length;
    const popup = await session.openPage('popup', { width: 600, height: 600 });
    await clickButton(popup, /^Check models/);
    await expect.poll(() => statusText(popup), { timeout: 20_000 }).toMatch(/^Checked \d+ model/);
    const hosts = [...new Set(session.modelScopeRequests().slice(from).map((request) => request.host.replace(/:443$/, '')))].sort();
    expect(hosts).toEqual(['api-inference.modelscope.ai', 'www.modelscope.ai']);
    await session.screenshot(popup, 'firefox-popup-international-en-US');
  });
});
