import type { Site } from '@src/contract';
import { oneAtATimePerKey } from '@src/lib/one-at-a-time';
import { readFreeSources, type FreeSources } from '@src/modelscope/free-sources';
import type { ProbeResult } from '@src/modelscope/probe';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { scheduleItem } from '@src/storage/schedule';
import type { Account } from './active';
import { LEDGER_DAYS } from './credits-view';
import { followWrite, type Written } from './follow';
import { offerDue, readOffers, timeoutMs } from './offers';
import { newestRead, recordAfterRead, recordFor, recordWithOffers, saveRecord, type AccountRecord } from './record';

/** Figures younger than this are taken as they are: opening the popup twice within it reads once. */
const FRESH_MS = 60_000;

async function readSources(apiKey: string, site: Site, now: number): Promise<FreeSources> {
  const [timeout, { historyDays }] = await Promise.all([timeoutMs(), scheduleItem.get()]);
  // One window for the ledger and the grants: the history's days cover the grants' last two days, and more.
  const since = startOfQuotaDays(Math.max(historyDays, LEDGER_DAYS), now);
  return readFreeSources(apiKey, { site, timeoutMs: timeout, since });
}

/** Reads every free source of a key now, and the offers of `models`, keeping nothing: what another extension gets of its own key. Spends no call. */
export async function readAccount({ apiKey, site }: Pick<Account, 'apiKey' | 'site'>, models: readonly string[] = []): Promise<AccountRecord> {
  const at = Date.now();
  const [sources, offers] = await Promise.all([readSources(apiKey, site, at), readOffers(site, models, await timeoutMs())]);
  return recordWithOffers(recordAfterRead(null, sources, at), offers, at);
}

/** What a refresh is asked to read. */
export interface RefreshAsk {
  /** The free sources are read again when older than this (0: always). */
  maxAgeMs?: number;
  /** Models whose offers are read when due: never read, a day old, or their last read failed a while ago. */
  models?: readonly string[];
  /** Read the offers of `models` now, due or not: the user asked. */
  offersNow?: boolean;
}

/** Refreshes of one key run one after another, each deciding what to read from what the one before left. */
const oneRefreshAtATime = oneAtATimePerKey();

type Read = NonNullable<Written['read']>;

/** Reads what is due and keeps it (the only writer of the record); gives the record, and what was read (null: nothing due). */
async function readDue(account: Account, { maxAgeMs = FRESH_MS, models = [], offersNow = false }: RefreshAsk): Promise<{ record: AccountRecord; read: Read | null }> {
  const now = Date.now();
  const stored = await recordFor(account.keyId);
  const age = stored === null ? Infinity : now - newestRead(stored);
  const sourcesDue = stored === null || !(age >= 0 && age < maxAgeMs);
  const offersDue = [...new Set(models)].filter((model) => offersNow || offerDue(Object.hasOwn(stored?.offers ?? {}, model) ? stored!.offers[model] : undefined, now));
  if (!sourcesDue && offersDue.length === 0) return { record: stored!, read: null };
  const [sources, offers] = await Promise.all([
    sourcesDue ? readSources(account.apiKey, account.site, now) : null,
    readOffers(account.site, offersDue, await timeoutMs()),
  ]);
  const after = (previous: AccountRecord | null) => recordWithOffers(sources === null ? previous! : recordAfterRead(previous, sources, now), offers, now);
  let record: AccountRecord | null = null;
  const saved = await saveRecord(account.keyId, (previous) => (record = after(previous ?? stored)));
  // The caller still gets what was read; only the stored copy is missing, and the log says why.
  if (!saved.ok) console.warn(`ModelScope Quota: the account was not stored (${saved.problem.code})`);
  const kept = record ?? after(stored);
  return { record: kept, read: { record: kept, at: now, sources: sourcesDue } };
}

/** Reads what is due, keeps it, then everything that follows, once, with `probed`. */
async function refreshNow(account: Account, ask: RefreshAsk, probed: readonly ProbeResult[] = []): Promise<AccountRecord> {
  const { record, read } = await readDue(account, ask);
  if (read !== null || probed.length > 0) await followWrite(account.keyId, { probed, read: read ?? undefined });
  return record;
}

/**
 * The refresh of a saved account: its free sources when older than `maxAgeMs`, and the offers of `models` when due,
 * read and kept with what follows; otherwise the record as stored. Spends no call.
 */
export function refreshAccount(account: Account, ask: RefreshAsk = {}): Promise<AccountRecord> {
  return oneRefreshAtATime(account.keyId, () => refreshNow(account, ask));
}

/**
 * What a check reads before it plans: the offers of its models that are due (and the free sources, when the key was
 * never read), kept, but followed only with the check's own results (settleAfterCheck), so that it follows once.
 */
export async function readBeforeCheck(account: Account, models: readonly string[]): Promise<Read | null> {
  return (await oneRefreshAtATime(account.keyId, () => readDue(account, { maxAgeMs: Infinity, models }))).read;
}

/**
 * After a check of a saved account stored its results: they are followed (history, alerts, the badge, once) with what
 * the check read before it planned (`before`), or, when `reread`, after the free sources were read again so that the
 * balance and the ledger show what the check spent; a refresh under way since before the check ended cannot show
 * that, so this one comes after it.
 */
export async function settleAfterCheck(
  account: Account,
  probed: readonly ProbeResult[],
  { reread, before }: { reread: boolean; before: Read | null },
): Promise<void> {
  if (!reread) {
    if (before !== null || probed.length > 0) await followWrite(account.keyId, { probed, read: before ?? undefined });
    return;
  }
  await oneRefreshAtATime(account.keyId, () => refreshNow(account, { maxAgeMs: 0 }, probed));
}
