import type { Site } from '@src/contract';
import { SingleFlight } from '@src/engine/single-flight';
import { readFreeSources, type FreeSources } from '@src/modelscope/free-sources';
import type { ProbeResult } from '@src/modelscope/probe';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { checkSettingsItem } from '@src/storage/check-settings';
import { scheduleItem } from '@src/storage/schedule';
import type { Account } from './active';
import { LEDGER_DAYS } from './credits-view';
import { followWrite } from './follow';
import { newestRead, recordAfterRead, recordFor, saveRecord, type AccountRecord } from './record';

/** Figures younger than this are taken as they are: opening the popup twice within it reads once. */
export const FRESH_MS = 60_000;

async function readSources(apiKey: string, site: Site, now: number): Promise<FreeSources> {
  const [{ timeoutSeconds }, { historyDays }] = await Promise.all([checkSettingsItem.get(), scheduleItem.get()]);
  // One window for the ledger and the grants: the history's days cover the grants' last two days, and more.
  const since = startOfQuotaDays(Math.max(historyDays, LEDGER_DAYS), now);
  return readFreeSources(apiKey, { site, timeoutMs: timeoutSeconds * 1000, since });
}

/** Reads every free source of a key now and keeps nothing: what another extension gets of its own key. Spends no call. */
export async function readAccount({ apiKey, site }: Pick<Account, 'apiKey' | 'site'>): Promise<AccountRecord> {
  const at = Date.now();
  return recordAfterRead(null, await readSources(apiKey, site, at), at);
}

/** Reads in flight, one per key: a caller arriving meanwhile shares the read, its record and what followed it. */
const reads = new SingleFlight<AccountRecord>();

/** Reads the free sources, keeps the record (the only writer of it), then everything that follows, with `probed`. */
function readAndKeep(account: Account, probed: readonly ProbeResult[] = []): Promise<AccountRecord> {
  return reads.run(account.keyId, async () => {
    const at = Date.now();
    const read = await readSources(account.apiKey, account.site, at);
    let record: AccountRecord | null = null;
    const saved = await saveRecord(account.keyId, (previous) => (record = recordAfterRead(previous, read, at)));
    // The caller still gets what was read; only the stored copy is missing, and the log says why.
    if (!saved.ok) console.warn(`ModelScope Quota: the account was not stored (${saved.problem.code})`);
    const kept = record ?? recordAfterRead(null, read, at);
    await followWrite(account.keyId, { probed, read: { record: kept, at } });
    return kept;
  });
}

/**
 * The refresh of a saved account's free sources: when its record is older than `maxAgeMs` (0: always), read again and
 * kept, with what follows; otherwise the record as stored. Spends no call.
 */
export async function refreshAccount(account: Account, { maxAgeMs = FRESH_MS }: { maxAgeMs?: number } = {}): Promise<AccountRecord> {
  const stored = await recordFor(account.keyId);
  const age = stored === null ? Infinity : Date.now() - newestRead(stored);
  if (stored !== null && age >= 0 && age < maxAgeMs) return stored;
  return readAndKeep(account);
}

/**
 * After a check of a saved account stored its results: they are followed (history, alerts, the badge, once), and when
 * `reread`, after the free sources were read again so that the balance and the ledger show what the check spent. A read
 * under way since before the check ended cannot show that: it is waited out, and a new one made.
 */
export async function settleAfterCheck(account: Account, probed: readonly ProbeResult[], { reread }: { reread: boolean }): Promise<void> {
  if (!reread) return followWrite(account.keyId, { probed });
  for (let running = reads.running(account.keyId); running; running = reads.running(account.keyId)) await running.catch(() => undefined);
  await readAndKeep(account, probed);
}
