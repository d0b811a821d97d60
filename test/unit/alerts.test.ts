import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isBelowThreshold } from '@src/background/alerts';
import { alertSettingsItem, DEFAULT_ALERT_SETTINGS } from '@src/storage/alerts';
import { addKey } from '@src/storage/keyring';
import { DEMO_KEY, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { backgroundAgainstFake } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const [GLM, KIMI, FLASH] = ['ZhipuAI/GLM-4.7', 'moonshotai/Kimi-K2.5', 'deepseek-ai/DeepSeek-V4-Flash'];

const ctx = backgroundAgainstFake();
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const notifications = () => fakeBrowser.notifications.getAllCreateOptions();
const titles = async () => Object.values(notifications()).map((options) => options.title);
/** Checks with force, so every call is a new result, and lets the alerts that follow land. */
async function check(models?: string[]) {
  await ctx.background.send({ type: 'balance', force: true, ...(models ? { models } : {}) });
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('low-quota alerts', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true });
    await setActiveListModels([GLM, KIMI]);
  });

  it('tell when a favourite falls under 10 % of its limit, with its numbers, once per model a day', async () => {
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 51);
    await check();
    expect(notifications()).toEqual({});
    await check();
    await expect.poll(titles).toEqual(['ZhipuAI/GLM-4.7 is running low']);
    expect(Object.values(notifications())[0]).toMatchObject({
      type: 'basic',
      iconUrl: expect.stringMatching(/\/icon-128\.png$/),
      message: '49 of 500 calls left today (this model’s quota). The quota resets around midnight China time (estimate).',
    });
    await fakeBrowser.notifications.clear(Object.keys(notifications())[0]!);
    await check();
    await check();
    expect(notifications()).toEqual({});
  });

  it('tell again on the next quota day', async () => {
    ctx.fake.setModelRemaining(DEMO_KEY, KIMI, 3);
    await check();
    await expect.poll(titles).toEqual(['moonshotai/Kimi-K2.5 is running low']);
    await fakeBrowser.notifications.clear(Object.keys(notifications())[0]!);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 24 * 3_600_000);
    await check();
    await expect.poll(titles).toEqual(['moonshotai/Kimi-K2.5 is running low']);
  });

  it('use the count the user sets instead, if any', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, threshold: { kind: 'calls', calls: 450 } });
    ctx.fake.setModelRemaining(DEMO_KEY, KIMI, 451);
    await check();
    expect(notifications()).toEqual({});
    await check();
    await expect.poll(titles).toEqual(['moonshotai/Kimi-K2.5 is running low']);
  });

  it('are only about the active favourites, and can be turned off', async () => {
    ctx.fake.setModelRemaining(DEMO_KEY, FLASH, 1);
    await check([FLASH]);
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, lowQuota: false });
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 1);
    await check();
    expect(notifications()).toEqual({});
    expect(ctx.fake.probes()).toHaveLength(3);
  });
});

describe('the refused-key alert', () => {
  it('names the key’s label, never the key, once a day', async () => {
    await addKey({ label: 'Old token', secret: REVOKED_KEY, remember: true });
    await setActiveListModels([GLM, KIMI]);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await check();
    await check();
    await expect.poll(titles).toEqual(['ModelScope refused your API key']);
    expect(create).toHaveBeenCalledTimes(1);
    expect(Object.values(notifications())[0]?.message).toBe('The key “Old token” was refused. Check it in the settings, or create a new token.');
    expect(JSON.stringify(notifications())).not.toContain(REVOKED_KEY);
    expect(JSON.stringify(await fakeBrowser.storage.local.get('alertsShown'))).not.toContain(REVOKED_KEY);
  });

  it('can be turned off', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, keyRefused: false });
    await addKey({ label: 'Old token', secret: REVOKED_KEY, remember: true });
    await check([GLM]);
    expect(notifications()).toEqual({});
  });
});

describe('isBelowThreshold', () => {
  const share = { kind: 'share', percent: 10 } as const;
  it.each([
    [{ remaining: 49, limit: 500 }, share, true],
    [{ remaining: 50, limit: 500 }, share, false],
    [{ remaining: 0, limit: null }, share, true],
    [{ remaining: 3, limit: null }, share, false],
    [{ remaining: 19, limit: 500 }, { kind: 'calls', calls: 20 } as const, true],
    [{ remaining: 20, limit: 500 }, { kind: 'calls', calls: 20 } as const, false],
  ])('%j under %j: %s', (quota, threshold, below) => {
    expect(isBelowThreshold({ ...quota, source: 'model' }, threshold)).toBe(below);
  });
});
