import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_FAVOURITE_LISTS, favouriteListsItem, type FavouriteLists } from './favourite-lists';
import { endFirstReads, firstRead, startFirstReads } from './first-reads';
import { STORAGE_KEYS } from './keys';
import { SETTINGS_VERSION } from './migrations';

const VISION: FavouriteLists = { lists: [{ id: 'list-v', name: 'Vision', models: ['Qwen/Qwen3-VL-8B-Instruct'] }], activeId: 'list-v' };
const OTHER: FavouriteLists = { lists: [{ id: 'list-o', name: 'Other', models: ['ZhipuAI/GLM-4.7'] }], activeId: 'list-o' };
const KEYS = [STORAGE_KEYS.settingsVersion, STORAGE_KEYS.favouriteLists, STORAGE_KEYS.sessionSecrets];

let localReads: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settingsVersion: SETTINGS_VERSION, favouriteLists: VISION });
  localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
});
afterEach(() => {
  endFirstReads();
  vi.restoreAllMocks();
});

describe("a page's early reads", () => {
  it('answer the first reads of its items from one round trip, asked before the page needs them', async () => {
    startFirstReads(KEYS);
    expect(localReads).toHaveBeenCalledTimes(1);
    expect(await favouriteListsItem.get()).toEqual(VISION);
    expect(await favouriteListsItem.get()).toEqual(VISION);
    expect(localReads).toHaveBeenCalledTimes(1);
  });

  it('say "nothing stored" for a key with no value, so the item gives its fallback', async () => {
    await fakeBrowser.storage.local.remove('favouriteLists');
    startFirstReads(KEYS);
    expect(await firstRead(STORAGE_KEYS.favouriteLists)).toEqual({ value: null });
    expect(await favouriteListsItem.get()).toEqual(DEFAULT_FAVOURITE_LISTS);
  });

  it('hand over what another page or the worker wrote after they were asked, never the older answer', async () => {
    startFirstReads(KEYS);
    await fakeBrowser.storage.local.set({ favouriteLists: OTHER });
    expect(await favouriteListsItem.get()).toEqual(OTHER);
    await fakeBrowser.storage.local.remove('favouriteLists');
    expect(await favouriteListsItem.get()).toEqual(DEFAULT_FAVOURITE_LISTS);
  });

  it("end at the page's own first write: what it wrote, it reads back from storage", async () => {
    startFirstReads(KEYS);
    expect(await favouriteListsItem.get()).toEqual(VISION);
    expect((await favouriteListsItem.set(OTHER)).ok).toBe(true);
    expect(await firstRead(STORAGE_KEYS.favouriteLists)).toBeUndefined();
    expect(await favouriteListsItem.get()).toEqual(OTHER);
  });

  it('leave keys they did not read to storage', async () => {
    startFirstReads(KEYS);
    expect(await firstRead(STORAGE_KEYS.history)).toBeUndefined();
  });

  it('leave every read to storage when their own read failed', async () => {
    localReads.mockRejectedValueOnce(new Error('storage is gone'));
    startFirstReads(KEYS);
    expect(await firstRead(STORAGE_KEYS.favouriteLists)).toBeUndefined();
    expect(await favouriteListsItem.get()).toEqual(VISION);
  });

  it('read session storage too, each area once', async () => {
    await fakeBrowser.storage.session.set({ keySecrets: { 'key-1': 'ms-secret' } });
    const sessionReads = vi.spyOn(fakeBrowser.storage.session, 'get');
    startFirstReads(KEYS);
    expect(await firstRead(STORAGE_KEYS.sessionSecrets)).toEqual({ value: { 'key-1': 'ms-secret' } });
    expect(sessionReads).toHaveBeenCalledTimes(1);
    expect(localReads).toHaveBeenCalledTimes(1);
  });
});
