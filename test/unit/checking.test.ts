// The check service: what the popup's Check and the schedule call. Its results are stored in a few writes as they
// arrive, and reach the history, the alerts, the free refresh and the badge by direct calls, once, when it ends.
// The provider list is down throughout, so no price is known before a Check and each Check probes (or learns) every
// model it plans to: a Check with the list up spends nothing on priced models (free-answer.test.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { redrawBadge } from '@src/account/badge';
import { accountsItem } from '@src/account/record';
import { BalanceReplySchema, type BalanceItem } from '@src/contract';
import { ALARMS, runScheduledCheck } from '@src/background/scheduler';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { historyItem, keyHistoryOf } from '@src/account/history';
import { addKey } from '@src/storage/keyring';
import { latestResultsFor, latestResultsItem } from '@src/account/results';
import { pricesFor, savePrice } from '@src/storage/model-prices';
import { DEFAULT_SCHEDULE, scheduleItem } from '@src/storage/schedule';
import { CREDIT_WORLD_HEADER_MODELS, DEMO_KEY, DEMO_MAGICUBE, FAKE_NO_HEADERS, FAKE_SLOW, POOL_MODELS } from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { backgroundAgainstFake, command, startBackground } from '../support/background';
import { balanceItem, NO_NUMBERS } from '../support/balance-item';
import { setActiveListModels } from '../support/active-list';
import { storedRows } from '../support/stored-view';

const GLM = 'ZhipuAI/GLM-5.2';
/** A contract item as what it holds of the probe alone. */
const probeResultOf = ({ cached: _cached, price: _price, calls_left_estimate: _estimate, ...probe }: BalanceItem) => probe;
const OTHER_KEY = `ms-${'9'.repeat(32)}`;

const ctx = backgroundAgainstFake({ providerListDown: true });
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
  const keyId = await keyFingerprint(DEMO_KEY, 'cn');
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
  return keyHistoryOf(await historyItem.get(), await keyFingerprint(DEMO_KEY, 'cn')).models[model] ?? [];
}

beforeEach(async () => {
  await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
});

describe('storing a check’s results', () => {
  it('writes a 50-model check a handful of times, not once a model, filling in as results arrive; all before the reply', async () => {
    // Five rounds of ten probes at 100–150 ms each: the check takes over half a second.
    ctx.fake.setOptions({ latencyMs: 100, jitterMs: 50 });
    const models = POOL_MODELS.slice(0, 50);
    const writes = await recordLatestResultsWrites();
    const reply = await command({ command: 'check', models });
    expect(reply).toEqual({ ok: true, message: 'Checked 50 models: 50 ok, 0 failed' });
    // Read straight from storage once the reply is in: every model is there.
    const stored = await latestResultsFor(await keyFingerprint(DEMO_KEY, 'cn'));
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
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    let replied = false;
    const reply = command({ command: 'check', models: [...quick, FAKE_SLOW] }).then((answer) => {
      replied = true;
      return answer;
    });
    await expect.poll(async () => Object.keys(await latestResultsFor(keyId)).sort(), { timeout: 1200, interval: 20 }).toEqual([...quick].sort());
    expect(replied).toBe(false);
    expect((await reply).message).toBe('Checked 7 models: 7 ok, 0 failed');
    expect(Object.keys(await latestResultsFor(keyId)).sort()).toEqual([...quick, FAKE_SLOW].sort());
  });
});

describe('what follows a check, with no storage watcher', () => {
  beforeEach(async () => {
    await setActiveListModels([GLM, FAKE_NO_HEADERS]);
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 3);
    // The popup opened: the account was read (once, for free) before any Check.
    await command({ command: 'refresh' });
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('?');
    expect(magicubeReads()).toBe(1);
    silenceStorageWatchers();
    vi.spyOn(fakeBrowser.storage.local.onChanged, 'addListener');
    vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
  });
  afterEach(() => {
    expect(fakeBrowser.storage.local.onChanged.addListener).not.toHaveBeenCalled();
    expect(fakeBrowser.storage.onChanged.addListener).not.toHaveBeenCalled();
  });

  it('a Check from the popup reaches the history, the alerts, the free refresh and the badge', async () => {
    await command({ command: 'check' });
    await expect.poll(async () => (await historyOf(GLM)).map((point) => point.model_request_remaining)).toEqual([2]);
    await expect.poll(notificationTitles).toEqual(['ZhipuAI/GLM-5.2 is running low']);
    await expect.poll(magicubeReads).toBe(2);
    expect(Object.values(await accountsItem.get()).map((record) => record.balance.value)).toEqual([DEMO_MAGICUBE]);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('a Check draws the badge once, when it is over', async () => {
    await redrawBadge(); // whatever adding the key set off has been drawn
    const drawn = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await command({ command: 'check' });
    expect(drawn).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('the schedule runs the same service: its results are stored and followed alike', async () => {
    await scheduleItem.set({ ...DEFAULT_SCHEDULE, checkEveryMinutes: 60 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.check, scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(ctx.fake.probes().map((probe) => probe.model).sort()).toEqual([GLM, FAKE_NO_HEADERS].sort());
    expect(Object.keys(await latestResultsFor(await keyFingerprint(DEMO_KEY, 'cn'))).sort()).toEqual([GLM, FAKE_NO_HEADERS].sort());
    await expect.poll(async () => (await historyOf(GLM)).map((point) => point.model_request_remaining)).toEqual([2]);
    await expect.poll(notificationTitles).toEqual(['ZhipuAI/GLM-5.2 is running low']);
    await expect.poll(magicubeReads).toBe(2);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('a check reused from the cache is stored again but not followed twice', async () => {
    await command({ command: 'check' });
    await expect.poll(notificationTitles).toHaveLength(1);
    await fakeBrowser.notifications.clear(Object.keys(fakeBrowser.notifications.getAllCreateOptions())[0]!);
    await command({ command: 'check' });
    expect(Object.values(await latestResultsFor(await keyFingerprint(DEMO_KEY, 'cn'))).every((item) => item.cached)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await historyOf(GLM)).toHaveLength(1);
    expect(magicubeReads()).toBe(2);
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
    expect(await accountsItem.get()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });
});

describe('in the credit world, a Check follows the plan', () => {
  const FLASH = 'deepseek-ai/DeepSeek-V4-Flash';
  const QWEN = 'Qwen/Qwen3-Coder-30B-A3B-Instruct';
  const HEADERS = CREDIT_WORLD_HEADER_MODELS[0]!;
  let credits: FakeModelScope;
  beforeAll(async () => {
    credits = await startFakeModelScope({ world: 'credits', providerListDown: true });
  });
  afterAll(() => credits.close());
  beforeEach(async () => {
    credits.reset();
    await startBackground(credits);
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, cacheSeconds: 0 });
  });
  const byHand = (price: number) => ({ tier: 'lite', rawTier: 'lite', price, learned_at: Date.now(), source: 'manual' as const });
  const probes = (model: string) => credits.probes(model).length;

  it('the schedule learns new prices, then probes only the model that sends headers', async () => {
    await setActiveListModels([FLASH, HEADERS]);
    await scheduleItem.set({ ...DEFAULT_SCHEDULE, checkEveryMinutes: 15 });
    await runScheduledCheck();
    expect([probes(FLASH), probes(HEADERS)]).toEqual([1, 1]);
    expect(Object.keys((await pricesFor('cn')).models).sort()).toEqual([FLASH, HEADERS].sort());
    // Due again (past half the interval): the plan, not the schedule's freshness, spares FLASH.
    await runScheduledCheck(Date.now() + 10 * 60_000);
    expect([probes(FLASH), probes(HEADERS)]).toEqual([1, 2]);
  });

  it('says what it did in the UI language, and shows spared models from their stored result with fresh figures', async () => {
    await startBackground(credits, 'zh_CN');
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, cacheSeconds: 0 });
    await setActiveListModels([FLASH, HEADERS, QWEN]);
    await command({ command: 'check' });
    await command({ command: 'refresh' });
    const reply = await command({ command: 'check' });
    expect(reply.message).toBe('已检查 1 个模型：1 个正常，0 个失败；另有 2 个模型由魔粒余额得知，免费');
    // The figures are those of the balance read again after the Check, which shows what it spent.
    const available = credits.creditBalance(DEMO_KEY).available;
    expect(Object.values(await accountsItem.get()).map((record) => record.balance.value?.available_balance)).toEqual([available]);
    const stored = await latestResultsFor(await keyFingerprint(DEMO_KEY, 'cn'));
    const rows = await storedRows(DEMO_KEY);
    expect([FLASH, HEADERS, QWEN].map((model) => [model, stored[model]?.cached, rows[model]?.derived?.calls])).toEqual([
      [FLASH, false, Math.floor(available / 0.5)],
      [HEADERS, false, Math.floor(available / 0.5)],
      [QWEN, false, Math.floor(available / 1)],
    ]);
    // The first Check probed all three; the second only the one that sends headers.
    expect([probes(FLASH), probes(HEADERS), probes(QWEN)]).toEqual([1, 2, 1]);
  });

  it('shows each row’s price once it is learned, as the ledger shows it a moment after the row', async () => {
    credits.setOptions({ ledgerLagMs: 300 });
    await setActiveListModels([FLASH, QWEN]);
    await command({ command: 'check' });
    credits.setOptions({ ledgerLagMs: 0 });
    const rows = await storedRows(DEMO_KEY);
    expect([rows[FLASH]?.price?.price, rows[QWEN]?.price?.price]).toEqual([0.5, 1]);
    expect([rows[FLASH]?.result?.cached, rows[QWEN]?.result?.cached]).toEqual([false, false]);
  });

  it('counts a model priced by hand and never checked as known from the balance, with no row to show', async () => {
    await savePrice('cn', QWEN, byHand(1));
    await setActiveListModels([QWEN]);
    const reply = await command({ command: 'check' });
    expect(reply).toEqual({ ok: true, message: 'Nothing to probe: 1 model is known from the balance, free' });
    expect(await latestResultsFor(await keyFingerprint(DEMO_KEY, 'cn'))).toEqual({});
    expect(credits.probes()).toHaveLength(0);
  });

  it('re-checks by hand (↻) probe every model named, and one whose price is unknown learns it with its one call', async () => {
    await savePrice('cn', FLASH, byHand(0.5));
    const reply = await command({ command: 'check', models: [FLASH, QWEN], force: true });
    expect([probes(FLASH), probes(QWEN)]).toEqual([1, 1]);
    expect(reply.message).toBe('Checked 2 models: 2 ok, 0 failed; learned the price of 1 model');
    expect((await pricesFor('cn')).models[QWEN]).toMatchObject({ tier: 'standard', price: 1, source: 'ledger' });
    expect((await pricesFor('cn')).models[FLASH]?.source).toBe('manual');
  });

  it('reads results stored by an earlier version, with the price they carried then, and plans with them', async () => {
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    const before = balanceItem(FLASH, { ...NO_NUMBERS, error_kind: 'no_quota_headers', error: 'no quota', price: 2, calls_left_estimate: 7 });
    await fakeBrowser.storage.local.set({ latestResults: { [keyId]: { [FLASH]: before } } });
    expect((await latestResultsFor(keyId))[FLASH]).toEqual({ ...probeResultOf(before), cached: false });
    await savePrice('cn', FLASH, byHand(0.5));
    await setActiveListModels([FLASH]);
    await command({ command: 'check' });
    const rows = await storedRows(DEMO_KEY);
    expect(rows[FLASH]).toMatchObject({ result: { model: FLASH, error_kind: 'no_quota_headers' }, price: { price: 0.5 } });
    expect(credits.probes()).toHaveLength(0);
  });
});
