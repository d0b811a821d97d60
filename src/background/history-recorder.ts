import type { BalanceItem } from '@src/contract';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { updateHistory, type MagicubeReading } from '@src/storage/history';
import { scheduleItem } from '@src/storage/schedule';
import { coalesced } from '@src/lib/coalesced';

/** The oldest moment kept: as many quota days back as the user chose, today included. */
async function keepFrom(): Promise<number> {
  return startOfQuotaDays((await scheduleItem.get()).historyDays, Date.now());
}

interface Batch {
  results: Array<{ keyId: string; item: BalanceItem }>;
  readings: Array<{ keyId: string; reading: MagicubeReading }>;
}
const emptyBatch = (): Batch => ({ results: [], readings: [] });
let pending = emptyBatch();

// Results land one model at a time; those arriving during a write go together in the next one.
const flush = coalesced(async () => {
  const batch = pending;
  pending = emptyBatch();
  if (batch.results.length === 0 && batch.readings.length === 0) return;
  await updateHistory(batch, await keepFrom());
});

/** Keeps new results of a key in the history, per key fingerprint and model. */
export function recordResults(keyId: string, items: readonly BalanceItem[]): Promise<void> {
  pending.results.push(...items.map((item) => ({ keyId, item })));
  return flush();
}

/** Keeps a Magicube reading beside the results. */
export function recordMagicubeReading(keyId: string, reading: MagicubeReading): Promise<void> {
  pending.readings.push({ keyId, reading });
  return flush();
}

/** Drops what has aged out, even on a day without checks. */
export async function pruneHistory(): Promise<void> {
  await updateHistory({}, await keepFrom());
}
