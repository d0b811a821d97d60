import { SETTINGS_VERSION } from '@src/storage/migrations';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { DEFAULT_FAVOURITE_LISTS, favouriteListsItem } from '@src/storage/favourite-lists';
import { activeApiKey, addKey, keyringItem } from '@src/storage/keyring';
import { preferencesItem } from '@src/storage/preferences';
import { DEFAULT_SCHEDULE, scheduleItem } from '@src/storage/schedule';
import { applyImport, describeImport, exportSettings, parseSettingsFile, resetSettings } from '@src/storage/transfer';
import { setActiveListModels } from '../support/active-list';

const KEY = `ms-${'a'.repeat(32)}`;
const SESSION_KEY = `ms-${'b'.repeat(32)}`;

/** The keys of each storage.local write, one entry per write. */
function recordLocalWrites(): string[][] {
  const writes: string[][] = [];
  fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(Object.keys(changes).sort()));
  return writes;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await addKey({ label: 'Work', secret: KEY, remember: true, site: 'cn' });
  await addKey({ label: 'Borrowed', secret: SESSION_KEY, remember: false, site: 'cn' });
  await setActiveListModels(['a/one', 'b/two']);
  await checkSettingsItem.set({ concurrency: 3, timeoutSeconds: 9, cacheSeconds: 30, probeEveryModel: false });
  await scheduleItem.set({ ...DEFAULT_SCHEDULE, checkEveryMinutes: 60 });
});

describe('export', () => {
  it('leaves every key out unless asked', async () => {
    const text = await exportSettings({ includeKeys: false });
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(SESSION_KEY);
    expect(text).not.toContain('Work');
    expect(JSON.parse(text)).toMatchObject({
      format: 'modelscope-quota-settings',
      version: SETTINGS_VERSION,
      checkSettings: { concurrency: 3, timeoutSeconds: 9, cacheSeconds: 30, probeEveryModel: false },
    });
  });

  it('includes every key, session-only ones too, when asked', async () => {
    const file = JSON.parse(await exportSettings({ includeKeys: true })) as { keyring: { keys: Array<{ label: string; secret: string }> } };
    expect(file.keyring.keys.map((key) => [key.label, key.secret])).toEqual([
      ['Work', KEY],
      ['Borrowed', SESSION_KEY],
    ]);
  });
});

describe('import', () => {
  it('lands in one write, so a page closed half-way cannot leave it half done', async () => {
    const parsed = parseSettingsFile(await exportSettings({ includeKeys: true }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const writes = recordLocalWrites();
    await applyImport(parsed.file);
    expect(writes).toEqual([['alertSettings', 'checkSettings', 'favouriteLists', 'keyring', 'preferences', 'schedule']]);
  });

  it('round-trips: export, change things, import, and everything is back', async () => {
    const text = await exportSettings({ includeKeys: true });
    await resetSettings();
    await fakeBrowser.storage.local.remove('keyring');
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(await describeImport(parsed.file)).toEqual({
      lists: ['Favourites'],
      checkSettings: true,
      preferences: false,
      schedule: true,
      alerts: false,
      keys: ['Work', 'Borrowed'],
    });
    await applyImport(parsed.file);
    expect((await favouriteListsItem.get()).lists[0]?.models).toEqual(['a/one', 'b/two']);
    expect((await scheduleItem.get()).checkEveryMinutes).toBe(60);
    expect(await checkSettingsItem.get()).toEqual({ concurrency: 3, timeoutSeconds: 9, cacheSeconds: 30, probeEveryModel: false });
    expect(await activeApiKey()).toBe(KEY);
    expect((await keyringItem.get()).keys.map((key) => key.remember)).toEqual([true, true]);
  });

  it('says a file without keys leaves the keys alone', async () => {
    const parsed = parseSettingsFile(await exportSettings({ includeKeys: false }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(await describeImport(parsed.file)).toEqual({
      lists: null,
      checkSettings: false,
      preferences: false,
      schedule: false,
      alerts: false,
      keys: null,
    });
    await applyImport(parsed.file);
    expect(await activeApiKey()).toBe(KEY);
  });

  const settingsFile = (change: Record<string, unknown>) =>
    JSON.stringify({
      format: 'modelscope-quota-settings',
      version: 2,
      exported_at: '2026-11-27T00:00:00.000Z',
      favouriteLists: DEFAULT_FAVOURITE_LISTS,
      checkSettings: { concurrency: 10, timeoutSeconds: 20, cacheSeconds: 60 }, // a version 2 file: no probeEveryModel yet
      preferences: { checkOnOpen: false, externalAccess: true },
      schedule: DEFAULT_SCHEDULE,
      alertSettings: { lowQuota: true, threshold: { kind: 'share', percent: 10 }, keyRefused: true },
      ...change,
    });

  it('imports a file exported before the credit settings existed (version 2), with their defaults', () => {
    const parsed = parseSettingsFile(settingsFile({}));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.version).toBe(SETTINGS_VERSION);
    // What the file says, and the default for what it could not say yet.
    expect(parsed.file.checkSettings).toEqual({ concurrency: 10, timeoutSeconds: 20, cacheSeconds: 60, probeEveryModel: DEFAULT_CHECK_SETTINGS.probeEveryModel });
    expect(parsed.file.alertSettings).toEqual({
      lowQuota: true,
      threshold: { kind: 'share', percent: 10 },
      keyRefused: true,
      loginGrantMissingByHour: null,
      creditsExpiring: false,
      offerChanged: false,
    });
  });

  it('imports the keys of a file exported before sites existed as China-site keys, and an international key as one', () => {
    const keyring = (keys: object[]) => ({ keys, activeId: 'key-1' });
    const old = parseSettingsFile(settingsFile({ keyring: keyring([{ id: 'key-1', label: 'Work', remember: true, secret: KEY }]) }));
    if (!old.ok) throw new Error(JSON.stringify(old.problem));
    expect(old.file.keyring?.keys).toEqual([{ id: 'key-1', label: 'Work', remember: true, secret: KEY, site: 'cn' }]);

    const current = JSON.parse(settingsFile({})) as Record<string, unknown>;
    const international = { ...current, ...old.file, keyring: keyring([{ id: 'key-1', label: 'Intl', remember: true, secret: KEY, site: 'ai' }]) };
    const parsed = parseSettingsFile(JSON.stringify(international));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.keyring?.keys[0]?.site).toBe('ai');
    const unknownSite = parseSettingsFile(JSON.stringify({ ...international, keyring: keyring([{ id: 'key-1', label: 'X', remember: true, secret: KEY, site: 'eu' }]) }));
    expect(unknownSite).toMatchObject({ ok: false, problem: { code: 'invalidField', path: 'keyring.keys.0.site', issue: 'siteUnknown' } });
  });

  it.each([
    ['not JSON', '{"format":', { code: 'notJson' }],
    ['another file', '{"name":"package"}', { code: 'invalidField', path: 'format', issue: 'notSettingsFile', params: {} }],
    ['a list instead of an object', '[]', { code: 'invalidField', path: '', issue: 'notSettingsFile', params: {} }],
    [
      'a future version',
      JSON.stringify({ format: 'modelscope-quota-settings', version: 9 }),
      { code: 'invalidField', path: 'version', issue: 'unsupportedVersion', params: { version: SETTINGS_VERSION } },
    ],
    [
      'an out-of-range setting',
      settingsFile({ checkSettings: { ...DEFAULT_CHECK_SETTINGS, concurrency: 500 } }),
      { code: 'invalidField', path: 'checkSettings.concurrency', issue: 'tooBig', params: { max: 20 } },
    ],
    [
      'a blank list name deep in the file',
      settingsFile({ favouriteLists: { ...DEFAULT_FAVOURITE_LISTS, lists: [{ ...DEFAULT_FAVOURITE_LISTS.lists[0], name: ' ' }] } }),
      { code: 'invalidField', path: 'favouriteLists.lists.0.name', issue: 'listNameBlank', params: { min: 1 } },
    ],
    [
      'a setting of the wrong type',
      settingsFile({ preferences: { checkOnOpen: 'yes', externalAccess: true } }),
      { code: 'invalidField', path: 'preferences.checkOnOpen', issue: 'wrongType', params: {} },
    ],
  ])('refuses %s, saying why as a code, and changes nothing', async (_, text, problem) => {
    const before = await fakeBrowser.storage.local.get(null);
    expect(parseSettingsFile(text)).toEqual({ ok: false, problem });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});

describe('reset', () => {
  it('restores lists, check settings and preferences, and keeps the keys', async () => {
    await preferencesItem.set({ checkOnOpen: true, externalAccess: false });
    await resetSettings();
    expect(await favouriteListsItem.get()).toEqual(DEFAULT_FAVOURITE_LISTS);
    expect(await checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
    expect(await preferencesItem.get()).toEqual({ checkOnOpen: false, externalAccess: true });
    expect(await scheduleItem.get()).toEqual(DEFAULT_SCHEDULE);
    expect(await activeApiKey()).toBe(KEY);
  });

  it('lands in one write, so a page closed half-way cannot leave it half done', async () => {
    const writes = recordLocalWrites();
    await resetSettings();
    expect(writes).toEqual([['alertSettings', 'checkSettings', 'favouriteLists', 'preferences', 'schedule']]);
  });
});
