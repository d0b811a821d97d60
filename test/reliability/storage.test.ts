// Stored data under attack: every stored setting replaced in turn by garbage is repaired alone, with a notice, and
// every cache is read as empty alone, silently; nothing else changes; settings migrate from every earlier version;
// storage.local stays bounded however long the extension runs.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendHistory } from '@src/account/history';
import { offerAfterRead } from '@src/account/offers';
import { latestResultsFor } from '@src/account/results';
import { BalanceReplySchema } from '@src/contract';
import type { CheckedResult } from '@src/engine/check-models';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { ProbeResultSchema, type ProbeResult } from '@src/modelscope/probe';
import type { Offer } from '@src/modelscope/providers';
import { checkSettingsItem } from '@src/storage/check-settings';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { addKey, setActiveKey } from '@src/storage/keyring';
import { SETTINGS_VERSION } from '@src/storage/migrations';
import { preferencesItem } from '@src/storage/preferences';
import { listRepairs } from '@src/storage/repairs';
import { DEMO_KEY, FAKE_NO_HEADERS } from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { command, startBackground } from '../support/background';
import { accountRecord } from '../support/account-record';
import { serveLocale } from '../support/i18n';
import { fetchRoutedTo } from '../support/routed-fetch';
import { tally, writeFigures } from './figures';
import {
  AREAS,
  freshStoredItems,
  readRaw,
  restoreAreas,
  settled,
  splitKey,
  writeRaw,
  type AreaSnapshot,
  type StoredItem,
} from './stored-items';

const GLM = 'ZhipuAI/GLM-5.2';
const KIMI = 'moonshotai/Kimi-K2.5';
const REMEMBERED_KEY = `ms-${'a'.repeat(32)}`;
const SESSION_KEY = `ms-${'b'.repeat(32)}`;
/** chrome.storage.local's quota without the unlimitedStorage permission, which the extension does not ask for. */
const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

/** Garbage of every sort a broken write, an old bug or a hostile hand could leave, made from the value it replaces. */
const GARBAGE: ReadonlyArray<readonly [string, (valid: unknown) => unknown]> = [
  ['a number', () => 42],
  ['a string', () => 'garbage'],
  ['a list', () => [1, 'two', null, { three: 3 }]],
  ['truncated JSON', (valid) => JSON.stringify(valid ?? { lost: true }).slice(0, -7)],
  ['a huge string (4 MB)', () => 'x'.repeat(4_000_000)],
  ['a huge object (50,000 keys)', () => Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`k${index}`, index]))],
  ['prototype-pollution keys', () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown],
];

const figures = tally('itemsCovered', 'garbageCases', 'migrationVersions', 'longRunDays', 'peakLocalKB', 'peakLocalQuotaPercent');

/** The validated items, found when this file loads, so each gets its own cases. */
const ITEMS = await freshStoredItems();
const ITEM_KEYS = ITEMS.map((item) => item.key);
const SETTING_KEYS = ITEMS.filter((item) => item.kind === 'setting').map((item) => item.key);
const CACHE_KEYS = ITEMS.filter((item) => item.kind === 'cache').map((item) => item.key);

let fake: FakeModelScope;
/** Everything stored after a realistic session: two keys, two lists, changed settings, checks and a free refresh. */
let lived: AreaSnapshot;
beforeAll(async () => {
  fake = await startFakeModelScope();
  await startBackground(fake);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await addKey({ label: 'Work', secret: REMEMBERED_KEY, remember: true, site: 'cn' });
  await addKey({ label: 'Borrowed', secret: SESSION_KEY, remember: false, site: 'cn' });
  await favouriteListsItem.set({
    lists: [
      { id: 'list-1', name: 'Favourites', models: [GLM, KIMI] },
      { id: 'list-2', name: 'No quota', models: [FAKE_NO_HEADERS, GLM] },
    ],
    activeId: 'list-2',
  });
  await checkSettingsItem.set({ concurrency: 4, timeoutSeconds: 15, cacheSeconds: 600, probeEveryModel: false });
  await preferencesItem.set({ ...(await preferencesItem.get()), checkOnOpen: true });
  await command({ command: 'check' });
  // GLM-5.2's price comes from the provider list, so the Check probes only the model without one.
  expect(Object.keys(await latestResultsFor(await keyFingerprint(REMEMBERED_KEY, 'cn')))).toEqual([FAKE_NO_HEADERS]);
  await command({ command: 'check', models: [GLM, KIMI], force: true });
  expect(Object.keys(await latestResultsFor(await keyFingerprint(REMEMBERED_KEY, 'cn'))).sort()).toEqual([FAKE_NO_HEADERS, GLM, KIMI].sort());
  await command({ command: 'refresh' });
  lived = await settled();
  expect(await listRepairs()).toEqual([]);
  // The background's listeners go: from here on only what a test does touches storage.
  fakeBrowser.reset();
  vi.stubGlobal('fetch', fetchRoutedTo(fake));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  await fake.close();
  writeFigures('storage', figures);
});

const allStoredKeys = (snapshot: AreaSnapshot) => AREAS.flatMap((area) => Object.keys(snapshot[area]).map((name) => `${area}:${name}`));
const cacheEntryKey = () => allStoredKeys(lived).find((key) => key.startsWith('session:result:'))!;

/** Starts from the lived-in state with one stored value replaced, and opens it as a page or the worker would. */
async function reopenWith(key: string, garbage: unknown): Promise<{ items: StoredItem[]; values: Map<string, unknown> }> {
  fakeBrowser.reset();
  await serveLocale('en');
  await restoreAreas(lived);
  await writeRaw(key, garbage);
  const items = await freshStoredItems();
  const values = new Map<string, unknown>();
  for (const item of items) values.set(item.key, await item.get());
  return { items, values };
}

/** Every stored value but `except` (and the list of repairs) is what it was. */
async function expectEverythingElseKept(except: string) {
  for (const key of allStoredKeys(lived).filter((key) => key !== except && key !== 'local:repairs')) {
    const { area, name } = splitKey(key);
    expect(await readRaw(key), key).toEqual(lived[area][name]);
  }
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

/** The extension still answers a check from our own page, with what is left of the settings. */
async function checkFromOurPage(models: string[], force = true) {
  const { handleMessage } = await import('@src/background/contract/handle-message');
  return BalanceReplySchema.parse(await handleMessage({ type: 'balance', models, force }, { external: false }));
}

describe('every stored item replaced in turn by garbage', () => {
  it('covers every key the extension stores', () => {
    const covered = (key: string) =>
      ITEM_KEYS.includes(key) || ['local:settingsVersion', 'local:repairs'].includes(key) || key.startsWith('session:result:');
    expect(allStoredKeys(lived).filter((key) => !covered(key))).toEqual([]);
    expect(ITEM_KEYS.filter((key) => allStoredKeys(lived).includes(key)).length).toBeGreaterThanOrEqual(6);
    expect(cacheEntryKey()).toBeDefined();
    figures.itemsCovered = ITEM_KEYS.length + 3;
  });

  describe.each(SETTING_KEYS)('%s', (key) => {
    it.each(GARBAGE)('%s: repaired to its default alone, with a notice; every other value kept; checks still work', async (_, make) => {
      const { area, name } = splitKey(key);
      const { items, values } = await reopenWith(key, make(lived[area][name]));
      const fallback = items.find((item) => item.key === key)!.fallback;
      expect(values.get(key)).toEqual(fallback);
      expect(await readRaw(key)).toEqual(fallback);
      expect((await listRepairs()).map((repair) => repair.key)).toEqual([key]);
      for (const item of items.filter((item) => item.key !== key)) {
        const stored = lived[splitKey(item.key).area][splitKey(item.key).name];
        expect(values.get(item.key), item.key).toEqual(stored ?? item.fallback);
      }
      await expectEverythingElseKept(key);

      const reply = await checkFromOurPage([GLM]);
      if (key === 'local:keyring') expect(reply.error).toMatchObject({ code: 'invalid_request', field: 'api_key' });
      else expect(reply.data[0]).toMatchObject({ model: GLM, error: null, model_request_remaining: expect.any(Number) });
      figures.garbageCases += 1;
    });
  });

  describe.each(CACHE_KEYS)('%s, a cache', (key) => {
    it.each(GARBAGE)('%s: read as empty alone, silently, and replaced by its next write; every other value kept; checks still work', async (_, make) => {
      const { area, name } = splitKey(key);
      const garbage = make(lived[area][name]);
      const { items, values } = await reopenWith(key, garbage);
      // Nothing readable comes out of garbage: at most an entry left empty once what it held was dropped.
      const read = values.get(key) as Record<string, unknown>;
      expect(Object.values(read).every((entry) => JSON.stringify(entry) === '{}')).toBe(true);
      if (Object.keys(read).length === 0) expect(read).toEqual(items.find((item) => item.key === key)!.fallback);
      expect(await listRepairs()).toEqual([]);
      for (const item of items.filter((item) => item.key !== key)) {
        const stored = lived[splitKey(item.key).area][splitKey(item.key).name];
        expect(values.get(item.key), item.key).toEqual(stored ?? item.fallback);
      }
      await expectEverythingElseKept(key);
      const reply = await checkFromOurPage([GLM]);
      expect(reply.data[0]).toMatchObject({ model: GLM, error: null, model_request_remaining: expect.any(Number) });
      figures.garbageCases += 1;
    });
  });

  describe.each([
    ['local:settingsVersion', 'the settings version'],
    ['local:repairs', 'the list of repairs'],
  ])('%s (%s)', (key) => {
    it.each(GARBAGE)('%s: nothing is lost, and the value is read as it should be', async (_, make) => {
      const { items, values } = await reopenWith(key, make(lived.local[splitKey(key).name]));
      for (const item of items) {
        expect(values.get(item.key), item.key).toEqual(lived[splitKey(item.key).area][splitKey(item.key).name] ?? item.fallback);
      }
      expect(await listRepairs()).toEqual([]);
      if (key === 'local:settingsVersion') expect(await readRaw(key)).toBe(SETTINGS_VERSION);
      await expectEverythingElseKept(key);
      figures.garbageCases += 1;
    });
  });

  it.each(GARBAGE)('a cached result, %s: ignored, so the next check asks once and stores a good one', async (_, make) => {
    const key = cacheEntryKey();
    await reopenWith(key, make(lived.session[splitKey(key).name]));
    await expectEverythingElseKept(key);
    const model = (lived.session[splitKey(key).name] as ProbeResult).model;
    const probesBefore = fake.probes(model).length;
    const reply = await checkFromOurPage([model], false);
    expect(reply.data[0]).toMatchObject({ model, cached: false });
    expect(fake.probes(model)).toHaveLength(probesBefore + 1);
    expect(ProbeResultSchema.parse(await readRaw(key))).toMatchObject({ model });
    figures.garbageCases += 1;
  });
});

describe('migrations from every earlier settings version', () => {
  const FIXTURE_KEY = 'ms-0123456789abcdef0123456789abcdef';
  const versions = Array.from({ length: SETTINGS_VERSION }, (_, index) => index + 1);
  const fixture = (version: number) => JSON.parse(readFileSync(`test/fixtures/settings/v${version}.json`, 'utf8')) as Record<string, unknown>;

  async function openFixture(version: number, pages = 1) {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(fixture(version));
    const graphs = [];
    for (let page = 0; page < pages; page += 1) graphs.push(await freshStoredItems());
    // Pages opened together migrate together.
    return Promise.all(graphs.map(async (items) => Object.fromEntries(await Promise.all(items.map(async (item) => [item.key, await item.get()] as const)))));
  }

  it('has a fixture for every version', () => {
    expect(versions.filter((version) => !existsSync(`test/fixtures/settings/v${version}.json`))).toEqual([]);
  });

  // Every fixture holds the same user's settings in its version's shape: one key, one list of two models, changed checks.
  it.each(versions)('from version %i: the key, the list and the check settings arrive; nothing is repaired or left behind', async (version) => {
    const [values] = await openFixture(version);
    expect(values!['local:keyring']).toMatchObject({ keys: [{ secret: FIXTURE_KEY, remember: true }] });
    // Kept as saved, though the provider list no longer shows GLM-4.7 served: nothing the user saved is removed.
    expect(values!['local:favouriteLists']).toMatchObject({ lists: [{ models: ['ZhipuAI/GLM-4.7', KIMI] }] });
    expect(values!['local:checkSettings']).toEqual({ concurrency: 4, timeoutSeconds: 15, cacheSeconds: 120, probeEveryModel: false });
    expect(await listRepairs()).toEqual([]);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.settingsVersion).toBe(SETTINGS_VERSION);
    expect(Object.keys(stored).filter((key) => ['apiKey', 'favourites'].includes(key))).toEqual([]);
    figures.migrationVersions += 1;
  });

  it.each(versions)('from version %i in two pages at once: both agree, and nothing is repaired', async (version) => {
    const [first, second] = await openFixture(version, 2);
    expect(second).toEqual(first);
    expect(await listRepairs()).toEqual([]);
  });
});

describe('storage.local however long the extension runs', () => {
  const HOUR = 3_600_000;
  const START = Date.parse('2026-10-01T08:00:00Z');
  const DAYS = 30;
  const CHECKS_A_DAY = 1;
  const long = (label: string) => `${label}/${'m'.repeat(200 - label.length - 1)}`;
  /** The most a model's result can take: a 200-character id, all numbers, a 300-character upstream message. */
  const worstItem = (model: string, at: string, remaining: number): CheckedResult => ({
    model,
    request_limit: 2000,
    request_remaining: remaining,
    model_request_limit: 500,
    model_request_remaining: 0,
    error: `HTTP 429: ${'r'.repeat(300)}`,
    error_kind: 'quota_exhausted',
    status: 429,
    latency_ms: 12_345,
    checked_at: at,
    cached: false,
    model_month_request_limit: 5500,
    model_month_request_remaining: 5499,
  });
  /** Ten keys with two hundred models each, all checked at `at`: the most latest results the extension keeps. */
  const busiestDay = (at: string, round: number) =>
    Object.fromEntries(
      Array.from({ length: 10 }, (_, key) => [
        `${String(key).padStart(2, '0')}${'f'.repeat(14)}`,
        Object.fromEntries(Array.from({ length: 200 }, (_, model) => [long(`k${key}-m${model}`), worstItem(long(`k${key}-m${model}`), at, 2000 - round)])),
      ]),
    );
  /** Each of those keys' account record with the most offers it keeps: one per model, each with another provider. */
  const busiestAccounts = (at: number) => {
    const offer: Offer = { served: true, price: 2, tier: 'ultra', rawTier: 'ultra', others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] };
    const offers = Object.fromEntries(Array.from({ length: 200 }, (_, model) => [long(`offer-${model}`), offerAfterRead(undefined, { ok: true, offer }, at)]));
    return Object.fromEntries(Array.from({ length: 10 }, (_, key) => [`${String(key).padStart(2, '0')}${'f'.repeat(14)}`, accountRecord(at, { offers })]));
  };
  const localBytes = async () => JSON.stringify(await fakeBrowser.storage.local.get(null)).length;

  it(`stays a small share of the ${LOCAL_QUOTA_BYTES / 1024 / 1024} MB quota through ${DAYS} days of the busiest use, then real checks`, async () => {
    await startBackground(fake);
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    vi.useFakeTimers({ toFake: ['Date'], now: START });
    const sizes: number[] = [];
    for (let round = 0; round < DAYS * CHECKS_A_DAY; round += 1) {
      vi.setSystemTime(START + (round * 24 * HOUR) / CHECKS_A_DAY);
      // Every one of those results is new: the history records them all, as the worker does after each check of ours.
      const results = busiestDay(new Date().toISOString(), round);
      await fakeBrowser.storage.local.set({ latestResults: results, accounts: busiestAccounts(Date.now()) });
      for (const [keyId, byModel] of Object.entries(results)) await appendHistory(keyId, { results: Object.values(byModel) });
      await settled();
      sizes.push(await localBytes());
    }
    // Then our own pages check 50 more models on three more keys: the oldest keys and models make room.
    for (const key of ['c0ffee', 'decade', 'facade']) {
      const models = Array.from({ length: 50 }, (_, index) => long(`new-${key}-${index}`));
      const added = await addKey({ label: key, secret: `ms-${key.repeat(6).slice(0, 32).padEnd(32, '0')}`, remember: true, site: 'cn' });
      if (added.ok) await setActiveKey(added.value.id);
      await command({ command: 'check', models, force: true });
      await settled();
      sizes.push(await localBytes());
    }
    vi.useRealTimers();

    const peak = Math.max(...sizes);
    const half = Math.floor(sizes.length / 2);
    expect(peak).toBeLessThan(LOCAL_QUOTA_BYTES * 0.3);
    // Once the bounds are reached it stops growing: the second half of its life is no bigger than the first.
    expect(Math.max(...sizes.slice(half))).toBeLessThanOrEqual(Math.max(...sizes.slice(0, half)) * 1.02);
    const latest = (await fakeBrowser.storage.local.get('latestResults')).latestResults as Record<string, Record<string, unknown>>;
    expect(Object.keys(latest).length).toBeLessThanOrEqual(10);
    figures.longRunDays = DAYS;
    figures.peakLocalKB = Math.round(peak / 1024);
    figures.peakLocalQuotaPercent = Math.round((peak / LOCAL_QUOTA_BYTES) * 1000) / 10;
  }, 120_000);
});
