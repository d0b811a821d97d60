import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { activeApiKey, addKey } from '@src/storage/keyring';
import { exportSettings } from '@src/storage/transfer';
import { serveLocale } from '@test/support/i18n';
import { TransferSection } from './TransferSection';

const KEY = `ms-${'a'.repeat(32)}`;

const jsonFile = (text: string) => new File([text], 'settings.json', { type: 'application/json' });

/** An exported file with one part changed. */
async function exportedWith(change: (file: Record<string, unknown>) => void): Promise<File> {
  const file = JSON.parse(await exportSettings({ includeKeys: false })) as Record<string, unknown>;
  change(file);
  return jsonFile(JSON.stringify(file));
}

/** The browser refusing every storage.local write, as when the quota is full. */
function failLocalWrites(): void {
  vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
}

/** Captures what the export would download. */
function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

beforeEach(() => addKey({ label: 'Work', secret: KEY, remember: true, site: 'cn' }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('TransferSection', () => {
  it('exports without keys unless “include keys” is ticked', async () => {
    const blobs = captureDownloads();
    render(<TransferSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    await userEvent.click(screen.getByLabelText('Include API keys in the file (keep such a file private)'));
    await userEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    await expect.poll(() => blobs.length).toBe(2);
    const [without, withKeys] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(without).not.toContain(KEY);
    expect(withKeys).toContain(KEY);
    expect(screen.getByRole('status').textContent).toMatch(/^Saved modelscope-quota-settings-\d{4}-\d\d-\d\d\.json$/);
  });

  it('shows what an import will change and changes nothing until applied', async () => {
    await checkSettingsItem.set({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10, probeEveryModel: false });
    const file = new File([await exportSettings({ includeKeys: false })], 'settings.json', { type: 'application/json' });
    await checkSettingsItem.set(DEFAULT_CHECK_SETTINGS);
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText('Import settings…'), file);
    expect(await screen.findByText('Check settings')).toBeTruthy();
    expect(await checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
    await userEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    await expect.poll(() => checkSettingsItem.get()).toEqual({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10, probeEveryModel: false });
    expect(await activeApiKey()).toBe(KEY);
  });

  it('refuses a bad file, says why, and changes nothing', async () => {
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText('Import settings…'), new File(['{"format":"other"}'], 'x.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file cannot be imported, nothing was changed: format: this is not a ModelScope Quota settings file',
    );
    expect(screen.queryByRole('button', { name: 'Apply import' })).toBeNull();
  });

  it.each([
    ['en', '{"format":', 'This file cannot be imported, nothing was changed: the file is not valid JSON'],
    ['zh_CN', '{"format":', '无法导入此文件，未做任何更改：该文件不是有效的 JSON'],
    ['zh_CN', '{"format":"other"}', '无法导入此文件，未做任何更改：format：这不是 ModelScope Quota 的设置文件'],
    ['en', '{"format":"modelscope-quota-settings","version":9}', 'This file cannot be imported, nothing was changed: version: only settings files up to version 6 can be imported'],
    ['zh_CN', '{"format":"modelscope-quota-settings","version":9}', '无法导入此文件，未做任何更改：version：只能导入版本 6 及更早的设置文件'],
  ] as const)('in %s, refuses %s with a translated reason', async (locale, text, sentence) => {
    await serveLocale(locale);
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText(locale === 'en' ? 'Import settings…' : '导入设置…'), jsonFile(text));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
  });

  it.each([
    ['en', 'This file cannot be imported, nothing was changed: checkSettings.concurrency: must be at most 20'],
    ['zh_CN', '无法导入此文件，未做任何更改：checkSettings.concurrency：不能超过 20'],
  ] as const)('in %s, names the field deep in the file that is wrong, and why', async (locale, sentence) => {
    await serveLocale(locale);
    const file = await exportedWith((settings) => (settings.checkSettings = { ...DEFAULT_CHECK_SETTINGS, concurrency: 500 }));
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText(locale === 'en' ? 'Import settings…' : '导入设置…'), file);
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect(await checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
  });

  it('uses a stored value’s own words for its problem', async () => {
    const file = await exportedWith((settings) => (settings.favouriteLists = { lists: [{ id: 'list-1', name: '', models: [] }], activeId: 'list-1' }));
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText('Import settings…'), file);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file cannot be imported, nothing was changed: favouriteLists.lists.0.name: a list needs a name',
    );
  });

  it('says when the browser could not store an import, and what stayed', async () => {
    await checkSettingsItem.set({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10, probeEveryModel: false });
    const file = jsonFile(await exportSettings({ includeKeys: false }));
    await checkSettingsItem.set(DEFAULT_CHECK_SETTINGS);
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText('Import settings…'), file);
    failLocalWrites();
    await userEvent.click(await screen.findByRole('button', { name: 'Apply import' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: the browser could not save it (QuotaExceededError)');
    expect(screen.queryByRole('status')).toBeNull();
    vi.restoreAllMocks();
    expect(await checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
  });

  it('says when the browser could not store a reset, and does not claim it happened', async () => {
    vi.stubGlobal('confirm', () => true);
    await checkSettingsItem.set({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10, probeEveryModel: false });
    render(<TransferSection />);
    failLocalWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Reset settings to defaults' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was reset: the browser could not save it (QuotaExceededError)');
    expect(screen.queryByRole('status')).toBeNull();
    vi.restoreAllMocks();
    expect(await checkSettingsItem.get()).toEqual({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10, probeEveryModel: false });
  });

  it('resets to defaults after confirmation, keeping the keys', async () => {
    vi.stubGlobal('confirm', () => true);
    await checkSettingsItem.set({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10, probeEveryModel: false });
    render(<TransferSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Reset settings to defaults' }));
    await expect.poll(() => checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
    expect(await activeApiKey()).toBe(KEY);
  });
});
