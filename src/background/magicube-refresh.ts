import { SingleFlight } from '../checks/single-flight';
import { fetchMagicubeBalance } from '../modelscope/magicube';
import { activeKeyWithId } from '../settings/active-key-id';
import { checkSettingsItem } from '../settings/check-settings';
import { magicubeRecordFor, saveMagicubeRecord } from '../settings/magicube-balance';
import type { NewResults } from '../settings/new-results';
import { scheduleItem } from '../settings/schedule';
import { alertKeyRefused } from './alerts';
import { recordMagicubeReading } from './history-recorder';

const readsInFlight = new SingleFlight<void>();

async function readAndStore(keyId: string, secret: string): Promise<void> {
  const { timeoutSeconds } = await checkSettingsItem.get();
  const outcome = await fetchMagicubeBalance(secret, { timeoutMs: timeoutSeconds * 1000 });
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

/** Reads the active key's Magicube balance from the free endpoint (never a probe) and stores it per key fingerprint. */
export async function refreshMagicube(): Promise<void> {
  const active = await activeKeyWithId();
  if (active) await readsInFlight.run(active.keyId, () => readAndStore(active.keyId, active.secret));
}

/** After a check found no call quota for the active key, reads the balance now unless a recent one is stored. */
export async function refreshMagicubeWhenNoQuota(results: readonly NewResults[]): Promise<void> {
  const active = await activeKeyWithId();
  const items = results.find((result) => result.keyId === active?.keyId)?.items ?? [];
  if (!items.some((item) => item.error_kind === 'no_quota_headers')) return;
  const [{ magicubeEveryMinutes }, record] = await Promise.all([scheduleItem.get(), active ? magicubeRecordFor(active.keyId) : null]);
  if (magicubeEveryMinutes === null) return;
  if (record && Date.now() - Date.parse(record.checked_at) < magicubeEveryMinutes * 60_000) return;
  await refreshMagicube();
}
