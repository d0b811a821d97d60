import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { written } from '../support/written';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { activeFavourites, DEFAULT_FAVOURITE_LISTS, favouriteListsItem } from '@src/storage/favourite-lists';
import { activeApiKey, addKey, keyringItem, removeKey, secretOf, setActiveKey, updateKey } from '@src/storage/keyring';
import { SETTINGS_VERSION } from '@src/storage/migrations';
import { listRepairs } from '@src/storage/repairs';
import { setActiveListModels } from '../support/active-list';

const KEY_A = `ms-${'a'.repeat(32)}`;
const KEY_B = `ms-${'b'.repeat(32)}`;

/** Each test gets a fresh module graph, so the once-per-page migration runs again on what the test stored. */
async function freshSettings() {
  vi.resetModules();
  return {
    keyring: await import('@src/storage/keyring'),
    lists: await import('@src/storage/favourite-lists'),
    checks: await import('@src/storage/check-settings'),
  };
}

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`test/fixtures/settings/${name}.json`, 'utf8')) as Record<string, unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('keyring', () => {
  it('makes the first key saved the active one, and keeps a remembered secret in storage.local only', async () => {
    const first = written(await addKey({ label: 'Work', secret: KEY_A, remember: true, site: 'cn' }));
    await addKey({ label: 'Home', secret: KEY_B, remember: true, site: 'cn' });
    expect(await activeApiKey()).toBe(KEY_A);
    expect(first.label).toBe('Work');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain(KEY_A);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(KEY_A);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('keeps a session-only key out of storage.local, and forgets it with the session', async () => {
    const key = written(await addKey({ label: 'Borrowed', secret: KEY_B, remember: false, site: 'cn' }));
    expect(await activeApiKey()).toBe(KEY_B);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY_B);
    await fakeBrowser.storage.session.clear();
    expect(await secretOf(key)).toBeNull();
    expect(await activeApiKey()).toBeNull();
    expect(await updateKey(key.id, { label: 'Renamed' })).toMatchObject({ ok: false, problem: { issue: 'sessionSecretGone' } });
  });

  it('moves a secret between local and session storage when “remember” changes', async () => {
    const key = written(await addKey({ label: 'Work', secret: KEY_A, remember: true, site: 'cn' }));
    await updateKey(key.id, { remember: false });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY_A);
    expect(await activeApiKey()).toBe(KEY_A);
    await updateKey(key.id, { remember: true });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(KEY_A);
    expect(await activeApiKey()).toBe(KEY_A);
  });

  it('switches and removes keys, handing the active role on', async () => {
    const a = written(await addKey({ label: 'A', secret: KEY_A, remember: true, site: 'cn' }));
    const b = written(await addKey({ label: 'B', secret: KEY_B, remember: false, site: 'cn' }));
    await setActiveKey(b.id);
    expect(await activeApiKey()).toBe(KEY_B);
    await removeKey(b.id);
    expect(await activeApiKey()).toBe(KEY_A);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(KEY_B);
    await removeKey(a.id);
    expect(await keyringItem.get()).toEqual({ keys: [], activeId: null });
  });

  it('refuses a bad key or label and stores nothing', async () => {
    expect(await addKey({ label: 'x', secret: 'ms-has space', remember: true, site: 'cn' })).toMatchObject({ ok: false, problem: { code: 'invalid' } });
    expect(await addKey({ label: '  ', secret: KEY_A, remember: true, site: 'cn' })).toMatchObject({ ok: false, problem: { issue: 'keyLabelBlank' } });
    expect(await setActiveKey('no-such-key')).toMatchObject({ ok: false, problem: { issue: 'activeKeyMissing' } });
    expect(await keyringItem.get()).toEqual({ keys: [], activeId: null });
  });
});

describe('favourite lists', () => {
  it('starts with one list of sensible defaults', async () => {
    expect(await activeFavourites()).toEqual(DEFAULT_FAVOURITES);
  });

  it('changes only the active list', async () => {
    await favouriteListsItem.set({
      lists: [...DEFAULT_FAVOURITE_LISTS.lists, { id: 'vision', name: 'Vision', models: ['Qwen/Qwen3-VL'] }],
      activeId: 'vision',
    });
    await setActiveListModels(['a/b']);
    const { lists } = await favouriteListsItem.get();
    expect(lists.map((list) => list.models)).toEqual([DEFAULT_FAVOURITES, ['a/b']]);
  });

  it('refuses an active id that names no list', async () => {
    expect(await favouriteListsItem.set({ ...DEFAULT_FAVOURITE_LISTS, activeId: 'gone' })).toMatchObject({ ok: false, problem: { issue: 'activeListMissing' } });
    expect(await favouriteListsItem.get()).toEqual(DEFAULT_FAVOURITE_LISTS);
  });
});

describe('a corrupt stored value', () => {
  it.each([
    ['a wrong type', 'lots'],
    ['truncated JSON', '{"concurrency": 1'],
    ['an out-of-range number', { concurrency: 99, timeoutSeconds: 20, cacheSeconds: 60, probeEveryModel: false }],
    ['a huge value', 'x'.repeat(1_000_000)],
  ])('(%s) is repaired to its default alone, with a notice, and nothing else is lost', async (_, garbage) => {
    await addKey({ label: 'Work', secret: KEY_A, remember: true, site: 'cn' });
    await setActiveListModels(['a/b']);
    await fakeBrowser.storage.local.set({ checkSettings: garbage });
    expect(await checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
    expect((await fakeBrowser.storage.local.get('checkSettings')).checkSettings).toEqual(DEFAULT_CHECK_SETTINGS);
    expect(await activeApiKey()).toBe(KEY_A);
    expect(await activeFavourites()).toEqual(['a/b']);
    expect((await listRepairs()).map((repair) => repair.key)).toEqual(['local:checkSettings']);
  });

  it('is reset and noted in one write, so a page closed half-way cannot reset it without a notice', async () => {
    await fakeBrowser.storage.local.set({ checkSettings: 'lots' });
    const changes: string[][] = [];
    fakeBrowser.storage.local.onChanged.addListener((changed) => changes.push(Object.keys(changed).sort()));
    await checkSettingsItem.get();
    expect(changes).toEqual([['checkSettings', 'repairs']]);
  });
});

describe('migrations', () => {
  it('brings version 1 (one key, one list) to version 2, keeping everything', async () => {
    await fakeBrowser.storage.local.set(fixture('v1'));
    const { keyring, lists, checks } = await freshSettings();
    expect(await keyring.keyringItem.get()).toEqual({
      keys: [{ id: 'key-1', label: 'Key 1', site: 'cn', remember: true, secret: KEY_FIXTURE }],
      activeId: 'key-1',
    });
    expect(await lists.activeFavourites()).toEqual(['ZhipuAI/GLM-4.7', 'moonshotai/Kimi-K2.5']);
    expect(await checks.checkSettingsItem.get()).toEqual({ concurrency: 4, timeoutSeconds: 15, cacheSeconds: 120, probeEveryModel: false });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.apiKey).toBeUndefined();
    expect(stored.favourites).toBeUndefined();
    expect(stored.settingsVersion).toBe(SETTINGS_VERSION);
  });

  it('drops an unreadable version-1 value with a notice and keeps the rest', async () => {
    await fakeBrowser.storage.local.set(fixture('v1-corrupt'));
    const { keyring, lists } = await freshSettings();
    expect(await keyring.activeApiKey()).toBeNull();
    expect(await lists.activeFavourites()).toEqual(['ZhipuAI/GLM-4.7']);
    expect((await listRepairs()).map((repair) => repair.key)).toEqual(['local:apiKey']);
  });

  it('gives a fresh install the current version and the defaults', async () => {
    const { lists } = await freshSettings();
    expect(await lists.activeFavourites()).toEqual(DEFAULT_FAVOURITES);
    expect((await fakeBrowser.storage.local.get('settingsVersion')).settingsVersion).toBe(SETTINGS_VERSION);
  });

  it('does not run again over settings already at the current version', async () => {
    await fakeBrowser.storage.local.set({ ...fixture('v1'), settingsVersion: SETTINGS_VERSION });
    const { keyring } = await freshSettings();
    expect(await keyring.activeApiKey()).toBeNull();
  });
});

const KEY_FIXTURE = 'ms-0123456789abcdef0123456789abcdef';
