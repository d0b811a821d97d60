import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '@src/storage/check-settings';
import { serveLocale } from '@test/support/i18n';
import { CheckSettingsForm } from './CheckSettingsForm';

describe('CheckSettingsForm', () => {
  it('explains each range', () => {
    render(<CheckSettingsForm value={DEFAULT_CHECK_SETTINGS} onSave={vi.fn()} />);
    expect(screen.getByLabelText('Probes at once')).toHaveProperty('value', '20');
    expect(screen.getByText(/^1–20\./)).toBeTruthy();
    expect(screen.getByText(/^1–25\./)).toBeTruthy();
    expect(screen.getByText(/^0–600\./)).toBeTruthy();
  });

  it('saves settings within range', async () => {
    const onSave = vi.fn(async (value: CheckSettings) => ({ ok: true as const, value }));
    render(<CheckSettingsForm value={DEFAULT_CHECK_SETTINGS} onSave={onSave} />);
    await userEvent.clear(screen.getByLabelText('Timeout per probe (seconds)'));
    await userEvent.type(screen.getByLabelText('Timeout per probe (seconds)'), '8');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ concurrency: 20, timeoutSeconds: 8, cacheSeconds: 60, probeEveryModel: false });
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it.each([
    ['Probes at once', '21'],
    ['Probes at once', '0'],
    ['Timeout per probe (seconds)', '30'],
    ['Reuse results for (seconds)', '1.5'],
    ['Reuse results for (seconds)', ''],
  ])('refuses %s = %j and saves nothing', async (label, value) => {
    const onSave = vi.fn(async (value: CheckSettings) => ({ ok: true as const, value }));
    render(<CheckSettingsForm value={DEFAULT_CHECK_SETTINGS} onSave={onSave} />);
    await userEvent.clear(screen.getByLabelText(label));
    if (value) await userEvent.type(screen.getByLabelText(label), value);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/^Not saved: /);
  });

  it.each([
    ['en', 'Probes at once', 'Not saved: Probes at once must be a whole number from 1 to 20'],
    ['zh_CN', '同时探测数', '未保存：同时探测数必须是 1 到 20 之间的整数'],
  ] as const)('in %s, names the field refused and its range', async (locale, label, sentence) => {
    await serveLocale(locale);
    const onSave = vi.fn(async (value: CheckSettings) => ({ ok: true as const, value }));
    render(<CheckSettingsForm value={DEFAULT_CHECK_SETTINGS} onSave={onSave} />);
    await userEvent.clear(screen.getByLabelText(label));
    await userEvent.type(screen.getByLabelText(label), '21');
    await userEvent.click(screen.getByRole('button', { name: locale === 'en' ? 'Save' : '保存' }));
    expect(screen.getByRole('status').textContent).toBe(sentence);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says why a save did not land instead of “Saved”', async () => {
    const onSave = vi.fn(async () => ({ ok: false as const, problem: { code: 'storage_failed' as const, key: 'local:checkSettings', name: 'QuotaExceededError' } }));
    render(<CheckSettingsForm value={DEFAULT_CHECK_SETTINGS} onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Not saved: the browser could not save it (QuotaExceededError)');
  });

  it('keeps what the user is typing when storage hands the same settings again, and shows settings saved elsewhere', async () => {
    const { rerender } = render(<CheckSettingsForm value={DEFAULT_CHECK_SETTINGS} onSave={vi.fn()} />);
    const field = screen.getByLabelText('Probes at once');
    await userEvent.clear(field);
    await userEvent.type(field, '5');
    rerender(<CheckSettingsForm value={{ ...DEFAULT_CHECK_SETTINGS }} onSave={vi.fn()} />);
    expect(field).toHaveProperty('value', '5');
    rerender(<CheckSettingsForm value={{ ...DEFAULT_CHECK_SETTINGS, concurrency: 3 }} onSave={vi.fn()} />);
    expect(field).toHaveProperty('value', '3');
  });
});
