// The check service: what the popup's Check, the schedule and the contract all call. Its results are stored in a few
// writes as they arrive, and reach the history, the alerts, the Magicube refresh and the badge by direct calls.
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
import { DEMO_KEY, DEMO_MAGICUBE, FAKE_NO_HEADERS, FAKE_SLOW, POOL_MODELS } from '../fake-modelscope/behaviours';
import { backgroundAgainstFake } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const GLM = 'ZhipuAI/GLM-4.7';
const OTHER_KEY = `ms-${'9'.repeat(32)}`;

const ctx = backgroundAgainstFake();
afterEach(() => {
  vi.restoreAllMocks();
  ctx.fake.setOptions({ latencyMs: 0, jitterMs: 0, slowMs: 3000 });
});

interface LatestResultsWrite {
  at: number;
  bytes: number;
  /** How many models of DEMO_KEY the stored latest results held after this write. */
  models: number;
}

/** Every storage.local write that carries the latest results: when, its size as JSON, and how full it was. */
async function recordLatestResultsWrites(): Promise<LatestResultsWrite[]> {
  const keyId = await keyFingerprint(DEMO_KEY);
  const writes: LatestResultsWrite[] = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) => {
    const latest = items.latestResults as Record<string, object> | undefined;
    if (latest) writes.push({ at: performance.now(), bytes: JSON.stringify(latest).length, models: Object.keys(latest[keyId] ?? {}).length });
    return set(items);
  });
  return writes;
}

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

describe('storing a check’s results', () => {
  it('writes a 50-model check a handful of times, not once a model, filling in as results arrive; all before the reply', async () => {
    // Five rounds of ten probes at 100–150 ms each: the check takes over half a second.
    ctx.fake.setOptions({ latencyMs: 100, jitterMs: 50 });
    const models = POOL_MODELS.slice(0, 50);
    const writes = await recordLatestResultsWrites();
    const reply = BalanceReplySchema.parse(await ctx.background.send({ type: 'balance', models }));
    expect(reply.data).toHaveLength(50);
    // Read straight from storage once the reply is in: every model is there.
    const stored = await latestResultsFor(await keyFingerprint(DEMO_KEY));
    expect(Object.keys(stored).sort()).toEqual([...models].sort());
    expect(writes.length).toBeLessThanOrEqual(10);
    // Rows fill in: writes came while the check ran, not just at its end, each holding at least as many as the last.
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes[0]!.models).toBeLessThan(50);
    expect(writes.map((write) => write.models)).toEqual([...writes.map((write) => write.models)].sort((a, b) => a - b));
    // While the check ran, writes were at least ~250 ms apart; only the last (the flush before the reply) may be sooner.
    const gaps = writes.slice(1, -1).map((write, index) => write.at - writes[index]!.at);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((gap) => gap >= 230)).toBe(true);
  });

  it('stores the results that are in while a slow model is still out, so a worker stopped then loses at most ~250 ms', async () => {
    // Six models answering over 0.4 s, one after 2.5 s.
    ctx.fake.setOptions({ latencyMs: 0, jitterMs: 400, slowMs: 2500 });
    const quick = POOL_MODELS.slice(0, 6);
    const keyId = await keyFingerprint(DEMO_KEY);
    let replied = false;
    const reply = ctx.background.send({ type: 'balance', models: [...quick, FAKE_SLOW] }).then((answer) => {
      replied = true;
      return answer;
    });
    await expect.poll(async () => Object.keys(await latestResultsFor(keyId)).sort(), { timeout: 1200, interval: 20 }).toEqual([...quick].sort());
    expect(replied).toBe(false);
    expect(BalanceReplySchema.parse(await reply).data.map((item) => item.model)).toEqual([...quick, FAKE_SLOW]);
    expect(Object.keys(await latestResultsFor(keyId)).sort()).toEqual([...quick, FAKE_SLOW].sort());
  });
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
