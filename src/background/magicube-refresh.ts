import type { BalanceItem } from '@src/contract';
import { SingleFlight } from '@src/engine/single-flight';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { quietly } from '@src/lib/quietly';
import { fetchMagicubeBalance, type MagicubeOutcome } from '@src/modelscope/magicube';
import { activeKeyWithId } from '@src/storage/active-key-id';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeFavourites } from '@src/storage/favourite-lists';
import { magicubeRecordFor, saveMagicubeRecord } from '@src/storage/magicube-balance';
import { scheduleItem } from '@src/storage/schedule';
import { alertKeyRefused } from './alerts';
import { refreshBadge } from './badge';
import { recordMagicubeReading } from './history-recorder';

const readsInFlight = new SingleFlight<void>();

/**
 * Keeps what a Magicube read says about one key: its balance (and a history reading), or that the key is refused.
 * The badge falls back to the balance, so it is redrawn here: the worker does not watch its own writes.
 */
async function storeMagicubeOutcome(keyId: string, outcome: MagicubeOutcome): Promise<void> {
  const checkedAt = Date.now();
  const checked_at = new Date(checkedAt).toISOString();
  if (outcome.ok) {
    await saveMagicubeRecord(keyId, { status: 'ok', checked_at, balance: outcome.balance });
    await recordMagicubeReading(keyId, { at: checkedAt, available: outcome.balance.available_balance });
  } else if (outcome.kind === 'auth') {
    await saveMagicubeRecord(keyId, { status: 'refused', checked_at });
    await alertKeyRefused(keyId, checkedAt);
  } else {
    return; // Any other failure says nothing new about the account: the last balance read stands.
  }
  await quietly('the badge', refreshBadge);
}

async function fetchBalance(apiKey: string): Promise<MagicubeOutcome> {
  const { timeoutSeconds } = await checkSettingsItem.get();
  return fetchMagicubeBalance(apiKey, { timeoutMs: timeoutSeconds * 1000 });
}

/**
 * Reads a key's Magicube balance from the free endpoint (never a probe). Our own pages' reads are kept per key
 * fingerprint for the badge and the history; another extension's stay its own business.
 */
export async function readMagicube(apiKey: string, keep: boolean): Promise<MagicubeOutcome> {
  const outcome = await fetchBalance(apiKey);
  if (keep) await storeMagicubeOutcome(await keyFingerprint(apiKey), outcome);
  return outcome;
}

/** Reads and keeps the active key's Magicube balance; reads already under way for it are shared. */
export async function refreshMagicube(): Promise<void> {
  const active = await activeKeyWithId();
  if (!active) return;
  await readsInFlight.run(active.keyId, async () => storeMagicubeOutcome(active.keyId, await fetchBalance(active.secret)));
}

/**
 * After a check found no call quota for a favourite of the active key, reads the balance at once (the badge falls
 * back to it) unless a recent one is stored or the user turned the refresh off.
 */
export async function refreshMagicubeWhenNoQuota(keyId: string, items: readonly BalanceItem[]): Promise<void> {
  const noQuota = items.filter((item) => item.error_kind === 'no_quota_headers');
  if (noQuota.length === 0) return;
  const active = await activeKeyWithId();
  if (active?.keyId !== keyId) return;
  const [favourites, { magicubeEveryMinutes }, record] = await Promise.all([
    activeFavourites(),
    scheduleItem.get(),
    magicubeRecordFor(active.keyId),
  ]);
  if (magicubeEveryMinutes === null || !noQuota.some((item) => favourites.includes(item.model))) return;
  if (record && Date.now() - Date.parse(record.checked_at) < magicubeEveryMinutes * 60_000) return;
  await refreshMagicube();
}
