import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { BalanceItem } from '@src/contract';
import { effectiveQuota, type EffectiveQuota } from '@src/quota/lowest-quota';
import { quotaDay } from '@src/quota/reset-time';
import { activeKeyWithId } from '@src/storage/active-key-id';
import { alertSettingsItem, alertsShownItem, type Threshold } from '@src/storage/alerts';
import { activeFavourites } from '@src/storage/favourite-lists';
import { callsText } from './calls-text';

/** Under the share of its limit (at 0 even without a limit), or under the count of calls the user set. */
export function isBelowThreshold(quota: EffectiveQuota, threshold: Threshold): boolean {
  if (threshold.kind === 'calls') return quota.remaining < threshold.calls;
  if (quota.remaining === 0) return true;
  return quota.limit !== null && quota.limit > 0 && quota.remaining / quota.limit < threshold.percent / 100;
}

/** Shows a notification unless one about the same thing was shown this quota day. */
async function notifyOncePerDay(id: string, title: string, message: string, now: number): Promise<void> {
  const day = quotaDay(now);
  let first = false;
  // Only today's entries matter, so the record never holds more than one day's alerts.
  const noted = await alertsShownItem.update((shown) => {
    first = shown[id] !== day;
    return { ...Object.fromEntries(Object.entries(shown).filter(([, shownOn]) => shownOn === day)), [id]: day };
  });
  if (!noted.ok || !first) return;
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon-128.png'), title, message });
}

/** A notification when ModelScope refuses the active key, once a quota day. It names the key's label, never the key. */
export async function alertKeyRefused(keyId: string, now = Date.now()): Promise<void> {
  const [active, settings] = await Promise.all([activeKeyWithId(), alertSettingsItem.get()]);
  if (!settings.keyRefused || active?.keyId !== keyId) return;
  await notifyOncePerDay(`refused:${keyId}`, i18n.t('alerts.refusedTitle'), i18n.t('alerts.refusedMessage', [active.key.label]), now);
}

/** Alerts about new results of a key, if it is the active one: a refusal, or a favourite below the threshold (once per model a day). */
export async function alertOnResults(keyId: string, items: readonly BalanceItem[], now = Date.now()): Promise<void> {
  const active = await activeKeyWithId();
  if (active?.keyId !== keyId || items.length === 0) return;
  if (items.some((item) => item.error_kind === 'auth')) await alertKeyRefused(active.keyId, now);
  const [settings, favourites] = await Promise.all([alertSettingsItem.get(), activeFavourites()]);
  if (!settings.lowQuota) return;
  for (const item of items) {
    const quota = favourites.includes(item.model) ? effectiveQuota(item) : null;
    if (!quota || !isBelowThreshold(quota, settings.threshold)) continue;
    const source = i18n.t(quota.source === 'model' ? 'alerts.sourceModel' : 'alerts.sourceAccount');
    await notifyOncePerDay(
      `low:${active.keyId}:${item.model}`,
      i18n.t('alerts.lowTitle', [item.model]),
      i18n.t('alerts.lowMessage', [callsText(quota.remaining, quota.limit), source]),
      now,
    );
  }
}
