import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { written } from '../support/written';
import type { CheckedResult } from '@src/engine/check-models';
import { ALARMS, isFreshForSchedule, syncAlarms } from '@src/background/scheduler';
import { historyItem, keyHistoryOf } from '@src/account/history';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { addKey, removeKey } from '@src/storage/keyring';
import { latestResultsFor, saveLatestResults } from '@src/account/results';
import { accountsItem } from '@src/account/record';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { DEFAULT_SCHEDULE, dailyCallCeiling, scheduleItem } from '@src/storage/schedule';
import { DEMO_KEY, DEMO_MAGICUBE, FAKE_NO_HEADERS, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { backgroundAgainstFake, command } from '../support/background';
import { setActiveListModels } from '../support/active-list';
import { probeResult, NO_NUMBERS } from '../support/balance-item';

const [GLM, KIMI] = ['ZhipuAI/GLM-5.2', 'moonshotai/Kimi-K2.5'];
const MINUTE = 60_000;

const ctx = backgroundAgainstFake();
afterEach(() => {
  vi.useRealTimers();
});

const alarm = (name: string) => fakeBrowser.alarms.get(name);
/** Fires an alarm the way Chrome does, and waits for its listener to finish. */
async function fire(name: string, lateBy = 0) {
  await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now() - lateBy, persistAcrossSessions: false });
}
async function turnOn(checkEveryMinutes: 15 | 30 | 60 | 120 | 240) {
  await scheduleItem.set({ ...DEFAULT_SCHEDULE, checkEveryMinutes });
  await expect.poll(async () => (await alarm(ALARMS.check))?.periodInMinutes).toBe(checkEveryMinutes);
}

describe('alarms', () => {
  it('are off by default: no automatic check, nothing probed; the Magicube refresh only while a key is saved', async () => {
    await expect.poll(() => alarm(ALARMS.reset)).toBeDefined();
    expect(await alarm(ALARMS.check)).toBeUndefined();
    expect(await alarm(ALARMS.account)).toBeUndefined();
    const key = written(await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' }));
    await expect.poll(async () => (await alarm(ALARMS.account))?.periodInMinutes).toBe(30);
    expect(await alarm(ALARMS.check)).toBeUndefined();
    await removeKey(key.id);
    await expect.poll(() => alarm(ALARMS.account)).toBeUndefined();
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('wait for the next estimated reset, midnight China Standard Time', async () => {
    const reset = await vi.waitUntil(() => alarm(ALARMS.reset));
    expect(new Date(reset.scheduledTime).toISOString()).toMatch(/T16:00:00\.000Z$/);
    expect(reset.scheduledTime - Date.now()).toBeGreaterThan(0);
    expect(reset.scheduledTime - Date.now()).toBeLessThanOrEqual(24 * 60 * MINUTE);
  });

  it('follow the interval the user picks, and go when it is turned off or the key is removed', async () => {
    const key = written(await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' }));
    await turnOn(60);
    expect((await alarm(ALARMS.check))?.scheduledTime).toBeGreaterThan(Date.now() + 59 * MINUTE);
    await turnOn(15);
    await scheduleItem.set(DEFAULT_SCHEDULE);
    await expect.poll(() => alarm(ALARMS.check)).toBeUndefined();
    await turnOn(120);
    await removeKey(key.id);
    await expect.poll(() => alarm(ALARMS.check)).toBeUndefined();
  });

  it('are not restarted when the worker wakes, or a busy worker would never let them fire', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await turnOn(30);
    const before = await alarm(ALARMS.check);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10 * MINUTE);
    await syncAlarms();
    expect(await alarm(ALARMS.check)).toEqual(before);
  });

  it('state the cost the user agrees to: every model at every interval', () => {
    expect(dailyCallCeiling(5, 60)).toBe(120);
    expect(dailyCallCeiling(5, 15)).toBe(480);
    expect(dailyCallCeiling(1, 240)).toBe(6);
    expect(dailyCallCeiling(0, 30)).toBe(0);
  });
});

describe('a scheduled check', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM, KIMI]);
  });

  // Both models' last answers carried quota headers, which only another probe updates; a model priced by the provider
  // list whose last answer carried none would cost a call and tell nothing.
  it('checks the active list with the active key, stores the results and updates the badge', async () => {
    await turnOn(60);
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    await saveLatestResults(keyId, [result(GLM, Date.now() - 40 * MINUTE), result(KIMI, Date.now() - 40 * MINUTE)]);
    await fire(ALARMS.check);
    expect(ctx.fake.probes().map((probe) => probe.model).sort()).toEqual([GLM, KIMI].sort());
    const stored = await latestResultsFor(keyId);
    expect(Object.values(stored).map((item) => [item.model, item.model_request_remaining]).sort()).toEqual([
      [KIMI, 499],
      [GLM, 499],
    ].sort());
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('499');
  });

  it('skips models with a fresh result, spending nothing when all are fresh', async () => {
    await turnOn(60);
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    await saveLatestResults(keyId, [result(GLM, Date.now() - 20 * MINUTE), result(KIMI, Date.now() - 40 * MINUTE)]);
    await fire(ALARMS.check);
    expect(ctx.fake.probes().map((probe) => probe.model)).toEqual([KIMI]);
    await fire(ALARMS.check);
    expect(ctx.fake.probes()).toHaveLength(1);
  });

  it('spends nothing when the firing is late (browser closed or computer asleep at its time)', async () => {
    await turnOn(60);
    await fire(ALARMS.check, 3 * 60 * MINUTE);
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('spends nothing while the schedule is off, with an empty list, or without a usable key', async () => {
    await fire(ALARMS.check);
    await turnOn(30);
    await setActiveListModels([]);
    await fire(ALARMS.check);
    await setActiveListModels([GLM]);
    // A key kept for the last session only is gone once the browser restarted.
    await fakeBrowser.storage.local.set({ keyring: { keys: [{ id: 'key-s', label: 'Session', remember: false }], activeId: 'key-s' } });
    await fire(ALARMS.check);
    expect(ctx.fake.requests).toHaveLength(0);
  });
});

describe('isFreshForSchedule', () => {
  const now = Date.parse('2026-10-05T04:00:00.000Z'); // noon in China
  it.each([
    ['checked 20 min ago, hourly', result(GLM, now - 20 * MINUTE), 60, true],
    ['checked 40 min ago, hourly', result(GLM, now - 40 * MINUTE), 60, false],
    ['checked before the reset', result(GLM, Date.parse('2026-10-04T15:59:00.000Z')), 240, false],
    ['a network error', { ...result(GLM, now - MINUTE), ...NO_NUMBERS, error_kind: 'network' as const }, 60, false],
    ['no quota headers', { ...result(GLM, now - MINUTE), ...NO_NUMBERS, error_kind: 'no_quota_headers' as const }, 60, true],
    ['never checked', undefined, 60, false],
  ])('%s: %s', (_, item, every, fresh) => expect(isFreshForSchedule(item, every, now)).toBe(fresh));
});

describe('the account refresh (the Magicube alarm)', () => {
  it('reads only the free Magicube endpoints and the favourites’ offers, the whole account picture, and keeps it per key fingerprint', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await fire(ALARMS.account);
    const magicube = ctx.fake.requests.filter((request) => request.path.startsWith('/openapi/'));
    expect(magicube.map((request) => request.path.split('?')[0]).sort()).toEqual([
      '/openapi/v1/magicubes/balance',
      '/openapi/v1/magicubes/earn/rules',
      '/openapi/v1/magicubes/spend/rates',
      '/openapi/v1/magicubes/transactions',
      '/openapi/v1/magicubes/transactions',
    ]);
    // The provider list of each favourite (the built-in list), keyless.
    const offers = ctx.fake.requests.filter((request) => request.path.startsWith(PROVIDER_LIST_PATH));
    expect(offers.map((request) => new URL(request.path, 'http://x').searchParams.get('ModelId')).sort()).toEqual([...DEFAULT_FAVOURITES].sort());
    expect(offers.every((request) => request.authorization === null)).toBe(true);
    expect(magicube.length + offers.length).toBe(ctx.fake.requests.length);
    expect(ctx.fake.probes()).toHaveLength(0);
    const stored = await accountsItem.get();
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    expect(Object.keys(stored)).toEqual([keyId]);
    expect(stored[keyId]?.balance).toEqual({ value: DEMO_MAGICUBE, read_at: expect.any(Number), last: { at: expect.any(Number), outcome: 'ok', dropped: 0 } });
    expect(JSON.stringify(stored)).not.toContain(DEMO_KEY);
    // Kept beside the results in the history too.
    expect(keyHistoryOf(await historyItem.get(), keyId).magicube).toEqual([{ at: expect.any(Number), available: DEMO_MAGICUBE.available_balance }]);
  });

  it('is read once after each Check that probed a favourite paid in credits, and not after one that probed none', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const magicubeReads = () => ctx.fake.requests.filter((request) => request.path === '/openapi/v1/magicubes/balance').length;
    await setActiveListModels([GLM]);
    // The popup opened: the account is read once, for free.
    await command({ command: 'refresh' });
    expect(magicubeReads()).toBe(1);
    await command({ command: 'check', models: [FAKE_NO_HEADERS] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(magicubeReads()).toBe(1);
    await setActiveListModels([FAKE_NO_HEADERS]);
    await command({ command: 'check', force: true });
    await expect.poll(magicubeReads).toBe(2);
    // A second Check spent another call: the balance it shows must say so, so it is read again (free), once.
    await command({ command: 'check', force: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(magicubeReads()).toBe(3);
    // A Check that reused the fresh result probed nothing, spent nothing, and reads nothing.
    await command({ command: 'check' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(magicubeReads()).toBe(3);
  });

  it('notes a refused key, keeping nothing else', async () => {
    await addKey({ label: 'Old', secret: REVOKED_KEY, remember: true, site: 'cn' });
    await fire(ALARMS.account);
    expect(Object.values(await accountsItem.get()).map(({ balance }) => [balance.value, balance.last.outcome])).toEqual([[null, 'refused']]);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('!');
  });
});

function result(model: string, at: number): CheckedResult {
  return { ...probeResult(model, { request_remaining: 1990, model_request_remaining: 490, checked_at: new Date(at).toISOString() }), cached: false };
}
