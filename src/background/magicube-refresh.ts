import type { BalanceItem } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { fetchMagicubeBalance, type MagicubeOutcome } from '@src/modelscope/magicube';
import { activeKeyWithId } from '@src/storage/active-key-id';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeFavourites } from '@src/storage/favourite-lists';
import { pricesFor } from '@src/storage/model-prices';
import { scheduleItem } from '@src/storage/schedule';
import type { Account } from './caller';
import { refreshAccount, storeMagicubeOutcome } from './credits';

/**
 * Reads a key's Magicube balance alone from the free endpoint (never a probe): the `magicube` message. Our own
 * pages' reads are kept per key fingerprint for the badge and the history; another extension's stay its own business.
 */
export async function readMagicube({ apiKey, site }: Account, keep: boolean): Promise<MagicubeOutcome> {
  const { timeoutSeconds } = await checkSettingsItem.get();
  const outcome = await fetchMagicubeBalance(apiKey, { site, timeoutMs: timeoutSeconds * 1000 });
  if (keep) await storeMagicubeOutcome(await keyFingerprint(apiKey, site), outcome);
  return outcome;
}

/**
 * What follows a check of the active key once it is over: if it probed a favourite paid in credits (it reported no
 * call quota, or its price is known), the whole free picture is read again, once, so the balance and the ledger show
 * what the check spent, unless the user turned the free refresh off. A check of models with quota headers alone, or
 * one that reused every result, reads nothing.
 */
export async function refreshAfterCheck(keyId: string, items: readonly BalanceItem[]): Promise<void> {
  const probed = items.filter((item) => !item.cached);
  if (probed.length === 0) return;
  const active = await activeKeyWithId();
  if (active?.keyId !== keyId) return;
  const [favourites, { magicubeEveryMinutes }, prices] = await Promise.all([activeFavourites(), scheduleItem.get(), pricesFor(active.key.site)]);
  const paidInCredits = (item: BalanceItem) => item.error_kind === 'no_quota_headers' || Object.hasOwn(prices.models, item.model);
  if (magicubeEveryMinutes === null || !probed.some((item) => favourites.includes(item.model) && paidInCredits(item))) return;
  await refreshAccount({ apiKey: active.secret, site: active.key.site });
}
