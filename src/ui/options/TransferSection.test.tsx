import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { activeApiKey, addKey } from '@src/storage/keyring';
import { exportSettings } from '@src/storage/transfer';
import { TransferSection } from './TransferSection';

const KEY = `ms-${'a'.repeat(32)}`;

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

beforeEach(() => addKey({ label: 'Work', secret: KEY, remember: true }));
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
    await checkSettingsItem.set({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10 });
    const file = new File([await exportSettings({ includeKeys: false })], 'settings.json', { type: 'application/json' });
    await checkSettingsItem.set(DEFAULT_CHECK_SETTINGS);
    render(<TransferSection />);
    await userEvent.upload(screen.getByLabelText('Import settings…'), file);
    expect(await screen.findByText('Check settings')).toBeTruthy();
    expect(await checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
    await userEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    await expect.poll(() => checkSettingsItem.get()).toEqual({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10 });
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

  it('resets to defaults after confirmation, keeping the keys', async () => {
    vi.stubGlobal('confirm', () => true);
    await checkSettingsItem.set({ concurrency: 2, timeoutSeconds: 5, cacheSeconds: 10 });
    render(<TransferSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Reset settings to defaults' }));
    await expect.poll(() => checkSettingsItem.get()).toEqual(DEFAULT_CHECK_SETTINGS);
    expect(await activeApiKey()).toBe(KEY);
  });
});
