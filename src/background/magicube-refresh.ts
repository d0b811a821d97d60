import { SingleFlight } from '@src/engine/single-flight';
import { fetchMagicubeBalance, type MagicubeOutcome } from '@src/modelscope/magicube';
import { activeKeyWithId } from '@src/storage/active-key-id';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeFavourites } from '@src/storage/favourite-lists';
import { magicubeRecordFor, saveMagicubeRecord } from '@src/storage/magicube-balance';
import type { NewResults } from '@src/storage/new-results';
import { scheduleItem } from '@src/storage/schedule';
import { alertKeyRefused } from './alerts';
import { recordMagicubeReading } from './history-recorder';

const readsInFlight = new SingleFlight<void>();

/** Keeps what a Magicube read says about one key: its balance (and a history reading), or that the key is refused. */
export async function storeMagicubeOutcome(keyId: string, outcome: MagicubeOutcome): Promise<void> {
  const checkedAt = Date.now();
  const checked_at = new Date(checkedAt).toISOString();
  if (outcome.ok) {
    await saveMagicubeRecord(keyId, { status: 'ok', checked_at, balance: outcome.balance });
    await recordMagicubeReading(keyId, { at: checkedAt, available: outcome.balance.available_balance });
  } else if (outcome.kind === 'auth') {
    await saveMagicubeRecord(keyId, { status: 'refused', checked_at });
    await alertKeyRefused(keyId, checkedAt);
  }
  // Any other failure says nothing new about the account: the last balance read stands.
}

async function readAndStore(keyId: string, secret: string): Promise<void> {
  const { timeoutSeconds } = await checkSettingsItem.get();
  await storeMagicubeOutcome(keyId, await fetchMagicubeBalance(secret, { timeoutMs: timeoutSeconds * 1000 }));
}

/** Reads the active key's Magicube balance from the free endpoint (never a probe) and stores it per key fingerprint. */
export async function refreshMagicube(): Promise<void> {
  const active = await activeKeyWithId();
  if (active) await readsInFlight.run(active.keyId, () => readAndStore(active.keyId, active.secret));
}

/**
 * After a check found no call quota for a favourite of the active key, reads the balance at once (the badge falls
 * back to it) unless a recent one is stored or the user turned the refresh off.
 */
export async function refreshMagicubeWhenNoQuota(results: readonly NewResults[]): Promise<void> {
  const active = await activeKeyWithId();
  const items = results.find((result) => result.keyId === active?.keyId)?.items ?? [];
  const noQuota = items.filter((item) => item.error_kind === 'no_quota_headers');
  if (!active || noQuota.length === 0) return;
  const [favourites, { magicubeEveryMinutes }, record] = await Promise.all([
    activeFavourites(),
    scheduleItem.get(),
    magicubeRecordFor(active.keyId),
  ]);
  if (magicubeEveryMinutes === null || !noQuota.some((item) => favourites.includes(item.model))) return;
  if (record && Date.now() - Date.parse(record.checked_at) < magicubeEveryMinutes * 60_000) return;
  await refreshMagicube();
}
