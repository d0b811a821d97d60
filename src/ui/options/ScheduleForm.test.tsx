import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '@src/storage/alerts';
import { DEFAULT_SCHEDULE, type Schedule } from '@src/storage/schedule';
import { serveLocale } from '@test/support/i18n';
import { ScheduleForm } from './ScheduleForm';

function setup(modelCount = 5) {
  const onSave = vi.fn(async (value: { schedule: Schedule; alerts: AlertSettings }) => ({ ok: true as const, value }));
  render(<ScheduleForm schedule={DEFAULT_SCHEDULE} alerts={DEFAULT_ALERT_SETTINGS} modelCount={modelCount} onSave={onSave} />);
  return { onSave };
}
const save = () => userEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('ScheduleForm', () => {
  it('starts with automatic checks off, spending nothing', () => {
    setup();
    expect(screen.getByLabelText('Check the active list automatically')).toHaveProperty('value', '');
    expect(screen.getByText('Off: automatic checks spend nothing.')).toBeTruthy();
  });

  it('says what a schedule costs before it is turned on, and saves it only on Save', async () => {
    const { onSave } = setup(5);
    await userEvent.selectOptions(screen.getByLabelText('Check the active list automatically'), 'Every 60 min');
    expect(screen.getByText('5 models every 60 min: up to 120 calls a day')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Check the active list automatically'), 'Every 15 min');
    expect(screen.getByText('5 models every 15 min: up to 480 calls a day')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    await save();
    expect(onSave).toHaveBeenCalledWith({
      schedule: { checkEveryMinutes: 15, magicubeEveryMinutes: 30, historyDays: 14 },
      alerts: DEFAULT_ALERT_SETTINGS,
    });
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('counts a single model in the singular', async () => {
    setup(1);
    await userEvent.selectOptions(screen.getByLabelText('Check the active list automatically'), 'Every 240 min');
    expect(screen.getByText('1 model every 240 min: up to 6 calls a day')).toBeTruthy();
  });

  it('says an empty list spends nothing', async () => {
    setup(0);
    await userEvent.selectOptions(screen.getByLabelText('Check the active list automatically'), 'Every 30 min');
    expect(screen.getByText('The active list is empty: automatic checks would spend nothing.')).toBeTruthy();
  });

  it('turns the free Magicube refresh off and keeps history for fewer days', async () => {
    const { onSave } = setup();
    await userEvent.selectOptions(screen.getByLabelText('Refresh the free figures (balance, spend ledger, grants; spends no calls)'), 'Off');
    await userEvent.clear(screen.getByLabelText('Keep history for (days)'));
    await userEvent.type(screen.getByLabelText('Keep history for (days)'), '7');
    await save();
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ schedule: { checkEveryMinutes: null, magicubeEveryMinutes: null, historyDays: 7 } }),
    );
  });

  it('alerts under a number of calls instead of a share, or not at all', async () => {
    const { onSave } = setup();
    await userEvent.selectOptions(screen.getByLabelText('Runs low means'), 'fewer calls left than');
    expect(screen.getByLabelText('Threshold')).toHaveProperty('value', '20');
    await userEvent.clear(screen.getByLabelText('Threshold'));
    await userEvent.type(screen.getByLabelText('Threshold'), '25');
    await userEvent.click(screen.getByLabelText(/^Notify me when ModelScope refuses/));
    await save();
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ alerts: { lowQuota: true, threshold: { kind: 'calls', calls: 25 }, keyRefused: false, loginGrantMissingByHour: null, creditsExpiring: false, offerChanged: false } }),
    );
    await userEvent.click(screen.getByLabelText(/^Notify me when a favourite runs low/));
    expect(screen.getByLabelText('Threshold')).toHaveProperty('disabled', true);
  });

  it('offers the two grant alerts off by default, and saves the hour and the expiry alert when turned on', async () => {
    const { onSave } = setup();
    const hour = screen.getByLabelText('Notify me when the login grant has not arrived by');
    expect(hour).toHaveProperty('value', '');
    const options = within(hour).getAllByRole('option').map((option) => option.textContent);
    expect(options).toHaveLength(25);
    expect(options.slice(0, 3)).toEqual(['Off', '00:00 (Beijing time)', '01:00 (Beijing time)']);
    expect(options.at(-1)).toBe('23:00 (Beijing time)');
    expect(screen.getByText('The daily login grant comes from a visit to modelscope.cn while signed in.')).toBeTruthy();
    const expiring = screen.getByLabelText('Notify me when short-term credits are about to expire mostly unused');
    expect(expiring).toHaveProperty('checked', false);
    await userEvent.selectOptions(hour, '09:00 (Beijing time)');
    await userEvent.click(expiring);
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ alerts: { ...DEFAULT_ALERT_SETTINGS, loginGrantMissingByHour: 9, creditsExpiring: true } }));
  });

  it('offers the alert on a favourite’s price or service changing, off by default, and saves it when turned on', async () => {
    const { onSave } = setup();
    const changed = screen.getByLabelText('Notify me when a favourite’s price changes, or API-Inference stops serving it');
    expect(changed).toHaveProperty('checked', false);
    await userEvent.click(changed);
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ alerts: { ...DEFAULT_ALERT_SETTINGS, offerChanged: true } }));
  });

  it('turns the login grant alert off again', async () => {
    const onSave = vi.fn(async (value: { schedule: Schedule; alerts: AlertSettings }) => ({ ok: true as const, value }));
    render(<ScheduleForm schedule={DEFAULT_SCHEDULE} alerts={{ ...DEFAULT_ALERT_SETTINGS, loginGrantMissingByHour: 0, creditsExpiring: true }} modelCount={5} onSave={onSave} />);
    const hour = screen.getByLabelText('Notify me when the login grant has not arrived by');
    expect(hour).toHaveProperty('value', '0');
    await userEvent.selectOptions(hour, 'Off');
    await save();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ alerts: { ...DEFAULT_ALERT_SETTINGS, loginGrantMissingByHour: null, creditsExpiring: true } }));
  });

  it('says the grant alerts in Chinese', async () => {
    await serveLocale('zh_CN');
    setup();
    const hour = screen.getByLabelText('每日登录奖励到此时仍未到账时通知我');
    expect(within(hour).getAllByRole('option').map((option) => option.textContent).slice(0, 2)).toEqual(['关闭', '北京时间 00:00']);
    expect(screen.getByLabelText('短期魔粒即将过期且大部分未用时通知我')).toBeTruthy();
    expect(screen.getByLabelText('收藏模型的价格变化或 API-Inference 停止提供时通知我')).toBeTruthy();
  });

  it.each([
    ['Keep history for (days)', '0'],
    ['Keep history for (days)', ''],
    ['Threshold', '100'],
    ['Threshold', '2.5'],
  ])('refuses %s = %j and saves nothing', async (label, value) => {
    const { onSave } = setup();
    await userEvent.clear(screen.getByLabelText(label));
    if (value) await userEvent.type(screen.getByLabelText(label), value);
    await save();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/^Not saved: /);
  });

  it.each([
    ['en', 'Keep history for (days)', '0', 'Not saved: Keep history for (days) must be a whole number from 1 to 30'],
    ['en', 'Threshold', '100', 'Not saved: Threshold must be a whole number from 1 to 99'],
    ['zh_CN', '阈值', '100', '未保存：阈值必须是 1 到 99 之间的整数'],
  ] as const)('in %s, names the field refused (%s) and its range', async (locale, label, value, sentence) => {
    await serveLocale(locale);
    const { onSave } = setup();
    await userEvent.clear(screen.getByLabelText(label));
    await userEvent.type(screen.getByLabelText(label), value);
    await userEvent.click(screen.getByRole('button', { name: locale === 'en' ? 'Save' : '保存' }));
    expect(screen.getByRole('status').textContent).toBe(sentence);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says why a save did not land instead of “Saved”', async () => {
    const onSave = vi.fn(async () => ({ ok: false as const, problem: { code: 'storage_failed' as const, key: 'local:schedule', name: 'QuotaExceededError' } }));
    render(<ScheduleForm schedule={DEFAULT_SCHEDULE} alerts={DEFAULT_ALERT_SETTINGS} modelCount={5} onSave={onSave} />);
    await save();
    expect(onSave).toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Not saved: the browser could not save it (QuotaExceededError)');
  });
});
