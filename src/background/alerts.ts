import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { BalanceItem, CreditsPicture } from '@src/contract';
import { clockTime } from '@src/lib/clock-time';
import { effectiveQuota, type EffectiveQuota } from '@src/quota/lowest-quota';
import { lastReset, quotaDay } from '@src/quota/reset-time';
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

/**
 * Shows a notification unless one about the same thing is on record: the record keeps each alert until the end of the
 * quota day `keepUntil` (today for a once-a-day alert), so it never holds what no longer matters.
 */
async function notifyOnce(id: string, title: string, message: string, now: number, keepUntil = quotaDay(now)): Promise<void> {
  const today = quotaDay(now);
  let first = false;
  const noted = await alertsShownItem.update((shown) => {
    const current = Object.fromEntries(Object.entries(shown).filter(([, until]) => until >= today));
    first = !Object.hasOwn(current, id);
    return first ? { ...current, [id]: keepUntil } : current;
  });
  if (!noted.ok || !first) return;
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon-128.png'), title, message });
}

/** A notification when ModelScope refuses the active key, once a quota day. It names the key's label, never the key. */
export async function alertKeyRefused(keyId: string, now = Date.now()): Promise<void> {
  const [active, settings] = await Promise.all([activeKeyWithId(), alertSettingsItem.get()]);
  if (!settings.keyRefused || active?.keyId !== keyId) return;
  await notifyOnce(`refused:${keyId}`, i18n.t('alerts.refusedTitle'), i18n.t('alerts.refusedMessage', [active.key.label]), now);
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
    await notifyOnce(
      `low:${active.keyId}:${item.model}`,
      i18n.t('alerts.lowTitle', [item.model]),
      i18n.t('alerts.lowMessage', [callsText(quota.remaining, quota.limit), source]),
      now,
    );
  }
}

/** Short-term credits about to expire: within about an hour. */
export const EXPIRING_WITHIN_MS = 60 * 60_000;

/** The hour in Beijing time, 0–23: the login-grant alert's hour is set in it. */
const beijingHour = (now: number) => Math.floor((now - lastReset(now)) / 3_600_000);

/**
 * The opt-in alerts about the active key's grants, after its free picture was read: today's login grant still
 * missing at the hour the user set (once a day), and short-term credits about to expire with at least half of them
 * still available (once per expiry). A part ModelScope did not return alerts nothing.
 */
export async function alertOnCredits(keyId: string, picture: CreditsPicture, now = Date.now()): Promise<void> {
  const [active, settings] = await Promise.all([activeKeyWithId(), alertSettingsItem.get()]);
  if (active?.keyId !== keyId) return;
  const { grants, balance } = picture;
  const byHour = settings.loginGrantMissingByHour;
  if (byHour !== null && grants !== null && !grants.daily_active && beijingHour(now) >= byHour) {
    await notifyOnce(`login:${keyId}`, i18n.t('alerts.loginGrantTitle'), i18n.t('alerts.loginGrantMessage', [i18n.t('alerts.loginGrantHour', [byHour])]), now);
  }
  const expiry = grants?.next_expiry ?? null;
  if (!settings.creditsExpiring || expiry === null || balance === null) return;
  const expiresAt = Date.parse(expiry.at);
  // "Mostly unused": the balance still holds at least half of what expires (ModelScope does not say which grant a spend drew on).
  if (expiresAt - now > EXPIRING_WITHIN_MS || balance.available_balance < expiry.credits / 2) return;
  const at = clockTime(expiresAt, now, { locale: browser.i18n.getUILanguage() });
  const credits = (amount: number) => String(Number(amount.toFixed(2)));
  await notifyOnce(
    `expiring:${keyId}:${expiresAt}`,
    i18n.t('alerts.expiringTitle'),
    i18n.t('alerts.expiringMessage', [credits(expiry.credits), at, credits(balance.available_balance)]),
    now,
    quotaDay(expiresAt),
  );
}
