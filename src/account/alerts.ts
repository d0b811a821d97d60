import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { clockTime } from '@src/lib/clock-time';
import type { ProbeResult } from '@src/modelscope/probe';
import type { Offer } from '@src/modelscope/providers';
import { effectiveQuota, type EffectiveQuota } from '@src/quota/lowest-quota';
import { lastReset, quotaDay } from '@src/quota/reset-time';
import { alertSettingsItem, type Threshold } from '@src/storage/alerts';
import { defineCacheItem } from '@src/storage/cache-item';
import { STORAGE_KEYS } from '@src/storage/keys';
import type { ActiveAccount } from './active';
import { callsText } from './calls-text';
import type { CreditsView } from './credits-view';
import type { OfferEntry } from './offers';
import { CHANGE_SHOWN_MS } from './rows';

/**
 * What each alert was about (`low:<key fingerprint>:<model>`, `refused:<key fingerprint>`, …) → the last quota day it
 * matters: an unreadable entry only risks one alert shown again.
 */
export const alertsShownItem = defineCacheItem(STORAGE_KEYS.alertsShown, z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

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

/** What the alerts of the active account look at after a write. */
export interface AlertInputs {
  active: ActiveAccount;
  favourites: readonly string[];
  /** Results just probed (not reused). */
  probed: readonly ProbeResult[];
  /** The account in credits, when the write was of its free sources. */
  credits: CreditsView | null;
  /** Whether the write was a balance read that ModelScope refused the key on. */
  balanceRefused: boolean;
  /** What the provider list last said of each model, when the write was a read of the account. */
  offers: Readonly<Record<string, OfferEntry>> | null;
  now: number;
}

/** A notification when ModelScope refuses the active key, once a quota day. It names the key's label, never the key. */
async function alertKeyRefused({ active, now }: AlertInputs): Promise<void> {
  if (!(await alertSettingsItem.get()).keyRefused) return;
  await notifyOnce(`refused:${active.keyId}`, i18n.t('alerts.refusedTitle'), i18n.t('alerts.refusedMessage', [active.key.label]), now);
}

/** A favourite below the threshold, once per model a day. */
async function alertLowQuota({ active, favourites, probed, now }: AlertInputs): Promise<void> {
  const settings = await alertSettingsItem.get();
  if (!settings.lowQuota) return;
  for (const item of probed) {
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
 * The opt-in alerts about the grants, after the free sources were read: today's login grant still missing at the hour
 * the user set (once a day), and short-term credits about to expire with at least half of them still available (once
 * per expiry). A part ModelScope did not return alerts nothing.
 */
async function alertOnCredits({ active, credits, now }: AlertInputs): Promise<void> {
  if (credits === null) return;
  const settings = await alertSettingsItem.get();
  const { grants, balance } = credits;
  const byHour = settings.loginGrantMissingByHour;
  if (byHour !== null && grants !== null && !grants.dailyActive && beijingHour(now) >= byHour) {
    const hour = i18n.t('alerts.loginGrantHour', [byHour]);
    await notifyOnce(`login:${active.keyId}`, i18n.t('alerts.loginGrantTitle'), i18n.t('alerts.loginGrantMessage', [hour]), now);
  }
  const expiry = grants?.expiries[0] ?? null;
  if (!settings.creditsExpiring || expiry === null || balance === null) return;
  // "Mostly unused": the balance still holds at least half of what expires (ModelScope does not say which grant a spend drew on).
  if (expiry.at - now > EXPIRING_WITHIN_MS || balance.available_balance < expiry.credits / 2) return;
  const at = clockTime(expiry.at, now, { locale: browser.i18n.getUILanguage() });
  const amount = (value: number) => String(Number(value.toFixed(2)));
  await notifyOnce(
    `expiring:${active.keyId}:${expiry.at}`,
    i18n.t('alerts.expiringTitle'),
    i18n.t('alerts.expiringMessage', [amount(expiry.credits), at, amount(balance.available_balance)]),
    now,
    quotaDay(expiry.at),
  );
}

/** What a call of an offer costs, in words: "2 credits", or "no price" where the list gives none. */
function offerPrice(offer: Offer): string {
  return offer.price === null ? i18n.t('alerts.offerNoPrice') : i18n.t('reply.creditsAmount', offer.price, [Number(offer.price.toFixed(2))]);
}

/** An offer as an alert's key names it: its price, or that it is not served. */
const offerKey = (offer: Offer) => (offer.served ? String(offer.price) : 'unserved');

function offerChangeMessage(before: Offer, after: Offer): string {
  if (!after.served) return i18n.t('alerts.offerUnservedMessage', [offerPrice(before)]);
  if (!before.served) return i18n.t('alerts.offerServedMessage', [offerPrice(after)]);
  return i18n.t('alerts.offerPriceMessage', [offerPrice(before), offerPrice(after)]);
}

/**
 * The opt-in alert of a favourite whose offer changed (ModelScope moved its price, or stopped or started serving it),
 * once per model and change: keyed by the site, the model and the change, and kept on record while its row shows the
 * change, so a later read, or another key of the site noticing the same change, tells nothing again. (A model moved
 * back and forth within that week is told once per direction.)
 */
async function alertOfferChanged({ active, favourites, offers, now }: AlertInputs): Promise<void> {
  if (offers === null || !(await alertSettingsItem.get()).offerChanged) return;
  for (const model of new Set(favourites)) {
    const entry = Object.hasOwn(offers, model) ? offers[model]! : null;
    const changed = entry?.changed ?? null;
    const after = entry?.value ?? null;
    if (changed === null || after === null || now - changed.at > CHANGE_SHOWN_MS) continue;
    await notifyOnce(
      `offer:${active.site}:${model}:${offerKey(changed.before)}>${offerKey(after)}`,
      i18n.t('alerts.offerChangedTitle', [model]),
      offerChangeMessage(changed.before, after),
      now,
      quotaDay(changed.at + CHANGE_SHOWN_MS),
    );
  }
}

/** Every alert about the active account that a write may call for. */
export async function alertAfterWrite(inputs: AlertInputs): Promise<void> {
  if (inputs.balanceRefused || inputs.probed.some((item) => item.error_kind === 'auth')) await alertKeyRefused(inputs);
  await alertLowQuota(inputs);
  await alertOnCredits(inputs);
  await alertOfferChanged(inputs);
}
