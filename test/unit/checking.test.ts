// The check service: what the popup's Check, the schedule and the contract all call. Its results are stored as they
// arrive, and reach the history, the alerts, the Magicube refresh and the badge by direct calls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BalanceReplySchema } from '@src/contract';
import { ALARMS } from '@src/background/scheduler';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { historyItem, keyHistoryOf } from '@src/storage/history';
import { addKey } from '@src/storage/keyring';
import { latestResultsFor, latestResultsItem } from '@src/storage/latest-results';
import { magicubeBalancesItem } from '@src/storage/magicube-balance';
import { DEFAULT_SCHEDULE, scheduleItem } from '@src/storage/schedule';
import { DEMO_KEY, DEMO_MAGICUBE, FAKE_NO_HEADERS } from '../fake-modelscope/behaviours';
import { backgroundAgainstFake } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const GLM = 'ZhipuAI/GLM-4.7';
const OTHER_KEY = `ms-${'9'.repeat(32)}`;

const ctx = backgroundAgainstFake();
afterEach(() => {
  vi.restoreAllMocks();
});

/** Takes away every storage listener the worker registered, so anything that still happens was called directly. */
function silenceStorageWatchers(): void {
  for (const event of [fakeBrowser.storage.onChanged, fakeBrowser.storage.local.onChanged, fakeBrowser.storage.session.onChanged, fakeBrowser.storage.sync.onChanged]) {
    event.removeAllListeners();
  }
}

const magicubeReads = () => ctx.fake.requests.filter((request) => request.path === '/openapi/v1/magicubes/balance').length;
const notificationTitles = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((options) => options.title);
async function historyOf(model: string) {
  return keyHistoryOf(await historyItem.get(), await keyFingerprint(DEMO_KEY)).models[model] ?? [];
}

beforeEach(async () => {
  await addKey({ label: 'Main', secret: DEMO_KEY, remember: true });
});

describe('what follows a check, with no storage watcher', () => {
  beforeEach(async () => {
    await setActiveListModels([GLM, FAKE_NO_HEADERS]);
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 3);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('?');
    silenceStorageWatchers();
    vi.spyOn(fakeBrowser.storage.local.onChanged, 'addListener');
    vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
  });
  afterEach(() => {
    expect(fakeBrowser.storage.local.onChanged.addListener).not.toHaveBeenCalled();
    expect(fakeBrowser.storage.onChanged.addListener).not.toHaveBeenCalled();
  });

  it('a Check from the popup reaches the history, the alerts, the Magicube refresh and the badge', async () => {
    await ctx.background.send({ type: 'balance' });
    await expect.poll(async () => (await historyOf(GLM)).map((point) => point.model_request_remaining)).toEqual([2]);
    await expect.poll(notificationTitles).toEqual(['ZhipuAI/GLM-4.7 is running low']);
    await expect.poll(magicubeReads).toBe(1);
    expect(Object.values(await magicubeBalancesItem.get())).toEqual([{ status: 'ok', checked_at: expect.any(String), balance: DEMO_MAGICUBE }]);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('the schedule runs the same service: its results are stored and followed alike', async () => {
    await scheduleItem.set({ ...DEFAULT_SCHEDULE, checkEveryMinutes: 60 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.check, scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(ctx.fake.probes().map((probe) => probe.model).sort()).toEqual([GLM, FAKE_NO_HEADERS].sort());
    expect(Object.keys(await latestResultsFor(await keyFingerprint(DEMO_KEY))).sort()).toEqual([GLM, FAKE_NO_HEADERS].sort());
    await expect.poll(async () => (await historyOf(GLM)).map((point) => point.model_request_remaining)).toEqual([2]);
    await expect.poll(notificationTitles).toEqual(['ZhipuAI/GLM-4.7 is running low']);
    await expect.poll(magicubeReads).toBe(1);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('a check reused from the cache is stored again but not followed twice', async () => {
    await ctx.background.send({ type: 'balance' });
    await expect.poll(notificationTitles).toHaveLength(1);
    await fakeBrowser.notifications.clear(Object.keys(fakeBrowser.notifications.getAllCreateOptions())[0]!);
    const again = BalanceReplySchema.parse(await ctx.background.send({ type: 'balance' }));
    expect(again.data.every((item) => item.cached)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await historyOf(GLM)).toHaveLength(1);
    expect(magicubeReads()).toBe(1);
    expect(ctx.fake.probes()).toHaveLength(2);
  });
});

describe('another extension’s check', () => {
  it('is never stored or followed, even with the saved key: no results, history, alert, Magicube read or badge', async () => {
    await setActiveListModels([GLM, FAKE_NO_HEADERS]);
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 3);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('?');
    for (const api_key of [DEMO_KEY, OTHER_KEY]) {
      const reply = BalanceReplySchema.parse(await ctx.background.sendExternal({ type: 'balance', api_key, models: [GLM, FAKE_NO_HEADERS], force: true }));
      expect(reply.data.map((item) => item.model)).toEqual([GLM, FAKE_NO_HEADERS]);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ctx.fake.probes()).toHaveLength(4);
    expect(await latestResultsItem.get()).toEqual({});
    expect(await historyItem.get()).toEqual({});
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect(magicubeReads()).toBe(0);
    expect(await magicubeBalancesItem.get()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });
});
