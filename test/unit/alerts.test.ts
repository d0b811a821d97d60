import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isBelowThreshold } from '@src/account/alerts';
import { alertSettingsItem, DEFAULT_ALERT_SETTINGS } from '@src/storage/alerts';
import { addKey } from '@src/storage/keyring';
import { ALARMS } from '@src/background/scheduler';
import { DEC_1_BEIJING, HOUR_MS as HOUR } from '../support/magicube-rows';
import { DEMO_KEY, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { backgroundAgainstFake, command } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const [GLM, KIMI, FLASH] = ['ZhipuAI/GLM-5.2', 'moonshotai/Kimi-K2.5', 'deepseek-ai/DeepSeek-V4-Flash'];

const ctx = backgroundAgainstFake();
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const notifications = () => fakeBrowser.notifications.getAllCreateOptions();
const titles = async () => Object.values(notifications()).map((options) => options.title);
/** Checks with force, so every call is a new result, and lets the alerts that follow land. */
async function check(models?: string[]) {
  await command({ command: 'check', force: true, ...(models ? { models } : {}) });
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('low-quota alerts', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM, KIMI]);
  });

  it('tell when a favourite falls under 10 % of its limit, with its numbers, once per model a day', async () => {
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 51);
    await check();
    expect(notifications()).toEqual({});
    await check();
    await expect.poll(titles).toEqual(['ZhipuAI/GLM-5.2 is running low']);
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
    await addKey({ label: 'Old token', secret: REVOKED_KEY, remember: true, site: 'cn' });
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
    await addKey({ label: 'Old token', secret: REVOKED_KEY, remember: true, site: 'cn' });
    await check([GLM]);
    expect(notifications()).toEqual({});
  });
});

describe('the grant alerts (opt-in)', () => {
  /** The clock at `at`, for the extension and the fake ModelScope's accounts alike. */
  function clockAt(at: number) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
  }
  /** The periodic refresh of the free picture, which the grant alerts follow. */
  async function refresh() {
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.account, scheduledTime: Date.now(), persistAcrossSessions: false });
  }
  beforeEach(async () => {
    ctx.fake.setOptions({ now: () => Date.now() });
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
  });
  afterEach(() => {
    ctx.fake.setOptions({ now: Date.now, dailyGrants: ['daily_active', 'aliyun_bindlogin'] });
  });

  it('say nothing unless the user turned them on', async () => {
    ctx.fake.setOptions({ dailyGrants: [] });
    ctx.fake.grant(DEMO_KEY, 'promo', 100, { at: Date.now() - 23 * HOUR, expiresAt: Date.now() + 10 * 60_000 });
    await refresh();
    expect(ctx.fake.requests.length).toBeGreaterThan(0);
    expect(notifications()).toEqual({});
  });

  it('tell when today’s login grant has not arrived by the hour set (Beijing time), once a day', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, loginGrantMissingByHour: 9 });
    ctx.fake.setOptions({ dailyGrants: ['aliyun_bindlogin'] });
    clockAt(DEC_1_BEIJING + 8.5 * HOUR);
    await refresh();
    expect(notifications()).toEqual({});
    clockAt(DEC_1_BEIJING + 9.5 * HOUR);
    await refresh();
    await expect.poll(titles).toEqual(['Today’s login credits have not arrived']);
    expect(Object.values(notifications())[0]?.message).toBe(
      'ModelScope had not granted today’s login credits by 9:00 Beijing time. Visit modelscope.cn while signed in to receive them.',
    );
    await fakeBrowser.notifications.clear(Object.keys(notifications())[0]!);
    clockAt(DEC_1_BEIJING + 11 * HOUR);
    await refresh();
    expect(notifications()).toEqual({});
    // The next day, once the grant is missing again by then.
    clockAt(DEC_1_BEIJING + 33.5 * HOUR);
    await refresh();
    await expect.poll(titles).toEqual(['Today’s login credits have not arrived']);
  });

  it('say nothing about the login grant once it arrived, or when ModelScope did not return the grants', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, loginGrantMissingByHour: 0 });
    await refresh();
    expect(notifications()).toEqual({});
    // Grants that never answer an extension: they come back as a 200 without data.
    ctx.fake.setOptions({ dailyGrants: [], ledgerWithheld: true });
    try {
      clockAt(Date.now() + 24 * HOUR);
      await refresh();
      expect(notifications()).toEqual({});
    } finally {
      ctx.fake.setOptions({ ledgerWithheld: false });
    }
  });

  it('tell when short-term credits expire within the hour with most of them unspent, once per expiry', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, creditsExpiring: true });
    const now = DEC_1_BEIJING + 10 * HOUR;
    clockAt(now);
    ctx.fake.grant(DEMO_KEY, 'promo', 100, { at: now - 23 * HOUR, expiresAt: now + 90 * 60_000 });
    await refresh();
    expect(notifications()).toEqual({});
    clockAt(now + 40 * 60_000);
    await refresh();
    await expect.poll(titles).toEqual(['Magicube credits expire soon']);
    expect(Object.values(notifications())[0]?.message).toMatch(/^Up to 100 credits expire at .+ \(an estimate\), and 140 credits are still available\.$/);
    await fakeBrowser.notifications.clear(Object.keys(notifications())[0]!);
    clockAt(now + 60 * 60_000);
    await refresh();
    expect(notifications()).toEqual({});
  });

  it('say nothing when most of the expiring credits are spent already', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, creditsExpiring: true });
    // 300 expire in half an hour, and the balance is 140: under half of them is left.
    ctx.fake.grant(DEMO_KEY, 'promo', 300, { at: Date.now() - 23.5 * HOUR, expiresAt: Date.now() + 30 * 60_000 });
    await refresh();
    expect(ctx.fake.requests.some((request) => request.path.includes('type=EARN'))).toBe(true);
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
