import { z } from 'zod/mini';
import { keepNewest } from '@src/lib/keep-newest';
import type { FreeSources } from '@src/modelscope/free-sources';
import type { MagicubeFailure } from '@src/modelscope/magicube-read';
import { BalanceSchema, GrantRowSchema, GrantRuleSchema, LedgerRowSchema, TierPriceSchema } from '@src/modelscope/magicube-shapes';
import type { OfferOutcome } from '@src/modelscope/providers';
import type { TransactionsOutcome } from '@src/modelscope/transactions';
import { defineCacheItem } from '@src/storage/cache-item';
import { STORAGE_KEYS } from '@src/storage/keys';
import { offerAfterRead, OfferEntrySchema } from './offers';

const EpochMs = z.int().check(z.nonnegative());

/** How a read of a free source went: `ok`, or why it gave nothing (magicube-read.ts says what each reason means). */
export const SourceOutcomeSchema = z.enum(['ok', 'refused', 'not_returned', 'unreachable', 'unreadable', 'upstream_error']);
export type SourceOutcome = z.infer<typeof SourceOutcomeSchema>;

/** How the latest read of a source went, and how many of the rows it sent were unusable and left out. */
const LastReadSchema = z.object({ at: EpochMs, outcome: SourceOutcomeSchema, dropped: z.int().check(z.nonnegative()) });
export type LastRead = z.infer<typeof LastReadSchema>;

/**
 * What one free source last gave: the value of its last good read (kept, with its time, when a later read fails, so a
 * page can show it as cached and say how old it is) and how the latest read went.
 */
function sourceSchema<T extends z.ZodMiniType>(value: T) {
  return z.object({
    value: z.nullable(value),
    /** When `value` was read; null when no read ever came back. */
    read_at: z.nullable(EpochMs),
    last: LastReadSchema,
  });
}

/** 14 days of three tiers is 42 ledger rows and of two daily grants 28: this bound is for a misbehaving upstream. */
export const MAX_ROWS = 500;
const MAX_RATES = 50;
const MAX_RULES = 50;
/** Every model of every list, and a few more typed in Options: the newest read are kept. */
const MAX_OFFERS = 200;

const TransactionsSchema = <T extends z.ZodMiniType>(row: T) =>
  z.object({ rows: z.array(row).check(z.maxLength(MAX_ROWS)), since: EpochMs, complete: z.boolean() });

/**
 * One key's account as ModelScope's free sources last told it: the Magicube balance, the spend ledger, the grants, the
 * tier rates and the earn rules, each with its read time and outcome, and what the provider list says of each model
 * (its offer: price, tier, whether API-Inference serves it). The only stored shape of the account; every figure shown
 * is derived from it by the view.
 */
export const AccountRecordSchema = z.object({
  balance: sourceSchema(BalanceSchema),
  ledger: sourceSchema(TransactionsSchema(LedgerRowSchema)),
  grants: sourceSchema(TransactionsSchema(GrantRowSchema)),
  rates: sourceSchema(z.array(TierPriceSchema).check(z.maxLength(MAX_RATES))),
  rules: sourceSchema(z.array(GrantRuleSchema).check(z.maxLength(MAX_RULES))),
  // A record kept before offers were read has none yet.
  offers: z._default(z.record(z.string(), OfferEntrySchema), {}),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;
/** The free sources read together, as opposed to the offers, read model by model. */
export type SourceName = Exclude<keyof AccountRecord, 'offers'>;

/** Per key fingerprint, never per key. */
export const accountsItem = defineCacheItem(STORAGE_KEYS.accounts, AccountRecordSchema);

const MAX_KEYS_KEPT = 10;

/** When the record was last read (the latest try of any source, whether it answered or not). */
export const newestRead = (record: AccountRecord) =>
  Math.max(record.balance.last.at, record.ledger.last.at, record.grants.last.at, record.rates.last.at, record.rules.last.at);

export async function recordFor(keyId: string): Promise<AccountRecord | null> {
  return (await accountsItem.get())[keyId] ?? null;
}

/** Keeps a key's record after a read, for the most recently read keys only. `change` gets what is stored when it lands. */
export function saveRecord(keyId: string, change: (previous: AccountRecord | null) => AccountRecord) {
  return accountsItem.update((all) => keepNewest({ ...all, [keyId]: change(all[keyId] ?? null) }, newestRead, MAX_KEYS_KEPT));
}

type Read<T> = { ok: true; value: T; dropped: number } | { ok: false; reason: Exclude<SourceOutcome, 'ok'> };

/** A source after a read: the new value when it came back, else the last good one; either way how the read went. */
function afterRead<T>(previous: { value: T | null; read_at: number | null } | undefined, read: Read<T>, at: number, count: (value: T) => number) {
  // Rows that came back, every one of them unusable, are no answer: an empty list would read as "nothing spent".
  const unusable = read.ok && read.dropped > 0 && count(read.value) === 0;
  if (read.ok && !unusable) return { value: read.value, read_at: at, last: { at, outcome: 'ok', dropped: read.dropped } satisfies LastRead };
  const last: LastRead = { at, outcome: read.ok ? 'unreadable' : read.reason, dropped: read.ok ? read.dropped : 0 };
  return { value: previous?.value ?? null, read_at: previous?.read_at ?? null, last };
}

function transactions<Row>(outcome: TransactionsOutcome<Row>): Read<{ rows: Row[]; since: number; complete: boolean }> {
  if (!outcome.ok) return outcome;
  // Newest first: a bound reached keeps the newest rows, and says the window is no longer complete.
  const rows = outcome.rows.slice(0, MAX_ROWS);
  return { ok: true, value: { rows, since: outcome.since, complete: outcome.complete && rows.length === outcome.rows.length }, dropped: outcome.dropped };
}

function list<T>(outcome: { ok: true; dropped: number } | MagicubeFailure, values: T[], max: number): Read<T[]> {
  return outcome.ok ? { ok: true, value: values.slice(0, max), dropped: outcome.dropped } : outcome;
}

/**
 * The record after one read of every source: each source that answered takes its new value; one that failed keeps its
 * last good value and time, and notes how the read went. The offers stay as they were.
 */
export function recordAfterRead(previous: AccountRecord | null, read: FreeSources, at: number): AccountRecord {
  const rowCount = (value: { rows: unknown[] }) => value.rows.length;
  const length = (value: unknown[]) => value.length;
  return {
    offers: previous?.offers ?? {},
    balance: afterRead(previous?.balance, read.balance.ok ? { ok: true, value: read.balance.balance, dropped: 0 } : read.balance, at, () => 1),
    ledger: afterRead(previous?.ledger, transactions(read.ledger), at, rowCount),
    grants: afterRead(previous?.grants, transactions(read.grants), at, rowCount),
    rates: afterRead(previous?.rates, list(read.rates, read.rates.ok ? read.rates.prices : [], MAX_RATES), at, length),
    rules: afterRead(previous?.rules, list(read.rules, read.rules.ok ? read.rules.rules : [], MAX_RULES), at, length),
  };
}

/** The record after reads of the provider list: each model's offer as offerAfterRead keeps it, the newest MAX_OFFERS. */
export function recordWithOffers(record: AccountRecord, reads: ReadonlyMap<string, OfferOutcome>, at: number): AccountRecord {
  const offers = { ...record.offers };
  for (const [model, read] of reads) offers[model] = offerAfterRead(Object.hasOwn(offers, model) ? offers[model] : undefined, read, at);
  return { ...record, offers: keepNewest(offers, (entry) => entry.last.at, MAX_OFFERS) };
}
