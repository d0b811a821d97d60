import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARMS } from '@src/background/scheduler';
import { historyItem, keyHistoryOf } from '@src/account/history';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { addKey } from '@src/storage/keyring';
import { DEFAULT_SCHEDULE, scheduleItem } from '@src/storage/schedule';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { backgroundAgainstFake, restartBackground, command } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const [GLM, KIMI] = ['ZhipuAI/GLM-5.2', 'moonshotai/Kimi-K2.5'];
const HOUR = 3_600_000;

const ctx = backgroundAgainstFake();
beforeEach(async () => {
  await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
  await setActiveListModels([GLM, KIMI]);
  ctx.fake.setModelRemaining(DEMO_KEY, KIMI, 43);
  // By hand (↻): both prices come from the provider list, so only a forced check probes for the quota headers.
  await command({ command: 'check', force: true });
  await expect.poll(badgeText).toBe('42');
});
afterEach(() => vi.useRealTimers());

function badgeText() {
  return fakeBrowser.action.getBadgeText({});
}
async function historyPoints(model: string) {
  return keyHistoryOf(await historyItem.get(), await keyFingerprint(DEMO_KEY, 'cn')).models[model] ?? [];
}

describe('across a restart', () => {
  it('a woken service worker draws the badge again from stored results, without a probe', async () => {
    await fakeBrowser.action.setBadgeText({ text: '' });
    await restartBackground('worker');
    await expect.poll(badgeText).toBe('42');
    expect(await fakeBrowser.action.getTitle({})).toContain('Fewest calls left: moonshotai/Kimi-K2.5');
    expect(ctx.fake.probes()).toHaveLength(2);
  });

  it('after a browser restart the badge comes back and the alarms are made again, and nothing is probed', async () => {
    await scheduleItem.set({ ...DEFAULT_SCHEDULE, checkEveryMinutes: 60 });
    await expect.poll(() => fakeBrowser.alarms.get(ALARMS.check)).toBeDefined();
    // What the check before the restart sent: its two probes, and the free reads around them.
    const sentBefore = ctx.fake.requests.length;
    await restartBackground('browser');
    await expect.poll(badgeText).toBe('42');
    await expect.poll(async () => (await fakeBrowser.alarms.get(ALARMS.check))?.periodInMinutes).toBe(60);
    expect(await fakeBrowser.alarms.get(ALARMS.reset)).toBeDefined();
    // Chrome fires an alarm missed while the browser was closed as it starts: that spends nothing.
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.check, scheduledTime: Date.now() - 8 * HOUR, persistAcrossSessions: false });
    expect(ctx.fake.probes()).toHaveLength(2);
    expect(ctx.fake.requests).toHaveLength(sentBefore);
  });

  it('numbers from before the daily reset stop counting: the badge falls back on what the balance buys at ModelScope’s price', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 24 * HOUR);
    await restartBackground('browser');
    // Not yesterday's 42 from Kimi's headers: 140 credits at GLM-5.2's 2 credits a call.
    await expect.poll(badgeText).toBe('70');
    expect(await fakeBrowser.action.getTitle({})).toContain(
      'Fewest calls left: ZhipuAI/GLM-5.2\nAbout 70 calls left\nDerived from the Magicube balance (140 credits available) at 2 credits per call.',
    );
    expect(ctx.fake.probes()).toHaveLength(2);
  });

  it('a key kept for the session only is gone after a browser restart, and so is its badge', async () => {
    await fakeBrowser.storage.local.set({ keyring: { keys: [{ id: 'key-s', label: 'Session', remember: false }], activeId: 'key-s' } });
    await fakeBrowser.storage.session.set({ keySecrets: { 'key-s': DEMO_KEY } });
    await expect.poll(badgeText).toBe('42');
    await restartBackground('browser');
    await expect.poll(badgeText).toBe('?');
    expect(await fakeBrowser.action.getTitle({})).toContain('No API key is saved');
  });

  it('history keeps growing across restarts, one point per check', async () => {
    await expect.poll(async () => (await historyPoints(KIMI)).map((point) => point.model_request_remaining)).toEqual([42]);
    await restartBackground('browser');
    await command({ command: 'check', force: true });
    await restartBackground('worker');
    await command({ command: 'check', force: true });
    await expect.poll(async () => (await historyPoints(KIMI)).map((point) => point.model_request_remaining)).toEqual([42, 41, 40]);
  });
});
