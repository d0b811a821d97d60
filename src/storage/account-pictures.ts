import { z } from 'zod/mini';
import { keepNewest } from '@src/lib/keep-newest';
import type { AccountPicture } from '@src/modelscope/account-picture';
import type { MagicubeFailure, MagicubeFailureReason } from '@src/modelscope/magicube-read';
import type { TransactionsOutcome } from '@src/modelscope/transactions';
import type { AccountPictureState, SourceLast } from '@src/quota/credits-picture';
import { STORAGE_KEYS } from './keys';
import { GrantRowSchema, GrantRuleSchema, LedgerRowSchema, TierPriceSchema } from '@src/modelscope/magicube-shapes';
import { defineValidatedItem } from './validated-item';

const EpochMs = z.int().check(z.nonnegative());
const FAILURE_REASONS = ['refused', 'not_returned', 'unreachable', 'unreadable', 'upstream_error'] as const satisfies readonly MagicubeFailureReason[];
export const SourceOutcomeSchema = z.enum(['ok', ...FAILURE_REASONS]);
export type SourceOutcome = z.infer<typeof SourceOutcomeSchema>;

/** How the latest read of a source went, and how many of the rows it sent were unusable and left out. */
const LastReadSchema = z.object({ at: EpochMs, outcome: SourceOutcomeSchema, dropped: z.int().check(z.nonnegative()) });

/**
 * What one free Magicube source last gave: the value of its last good read (kept, with its time, when a later read
 * fails, so the page can show it as cached and say how old it is) and how the latest read went.
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
const MAX_PRICES = 50;
const MAX_RULES = 50;

const TransactionsSchema = <T extends z.ZodMiniType>(row: T) =>
  z.object({ rows: z.array(row).check(z.maxLength(MAX_ROWS)), since: EpochMs, complete: z.boolean() });

export const AccountPictureRecordSchema = z.object({
  /** The balance's value is the Magicube record's (magicube-balance.ts); here only how its latest read went. */
  balance: z.object({ last: LastReadSchema }),
  ledger: sourceSchema(TransactionsSchema(LedgerRowSchema)),
  grants: sourceSchema(TransactionsSchema(GrantRowSchema)),
  prices: sourceSchema(z.array(TierPriceSchema).check(z.maxLength(MAX_PRICES))),
  rules: sourceSchema(z.array(GrantRuleSchema).check(z.maxLength(MAX_RULES))),
}) satisfies z.ZodMiniType<AccountPictureState>;
export type AccountPictureRecord = z.infer<typeof AccountPictureRecordSchema>;
export type SourceRecord<K extends keyof AccountPictureRecord> = AccountPictureRecord[K];

/** The free account picture (ledger, grants, tier prices, grant rules) per key fingerprint, never per key. */
export const accountPicturesItem = defineValidatedItem(
  STORAGE_KEYS.accountPictures,
  z.record(z.string(), AccountPictureRecordSchema),
  {},
);

const MAX_KEYS_KEPT = 10;

/** When the picture was last read (the latest try of any source, whether it answered or not). */
export const newestRead = (record: AccountPictureRecord) =>
  Math.max(record.balance.last.at, record.ledger.last.at, record.grants.last.at, record.prices.last.at, record.rules.last.at);

/** Keeps the newest picture per key, for the most recently read keys only. */
export async function saveAccountPicture(keyId: string, change: (previous: AccountPictureRecord | null) => AccountPictureRecord) {
  return accountPicturesItem.update((all) => keepNewest({ ...all, [keyId]: change(all[keyId] ?? null) }, newestRead, MAX_KEYS_KEPT));
}

export async function accountPictureFor(keyId: string): Promise<AccountPictureRecord | null> {
  return (await accountPicturesItem.get())[keyId] ?? null;
}

type Read<T> = { ok: true; value: T; dropped: number } | MagicubeFailure;

/** A source after a read: the new value when it came back, else the last good one; either way how the read went. */
function afterRead<T>(previous: { value: T | null; read_at: number | null } | undefined, read: Read<T>, at: number, count: (value: T) => number) {
  // Rows that came back, every one of them unusable, are no answer: an empty list would read as "nothing spent".
  const unusable = read.ok && read.dropped > 0 && count(read.value) === 0;
  if (read.ok && !unusable) return { value: read.value, read_at: at, last: { at, outcome: 'ok', dropped: read.dropped } satisfies SourceLast };
  const last: SourceLast = { at, outcome: read.ok ? 'unreadable' : read.reason, dropped: read.ok ? read.dropped : 0 };
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
 * The stored picture after one read of every source: each source that answered takes its new value; one that failed
 * keeps its last good value and time, and notes how the read went. The balance's value goes to the Magicube record.
 */
export function pictureAfterRead(previous: AccountPictureRecord | null, read: AccountPicture, at: number): AccountPictureRecord {
  const rowCount = (value: { rows: unknown[] }) => value.rows.length;
  const length = (value: unknown[]) => value.length;
  return {
    balance: { last: { at, outcome: read.balance.ok ? 'ok' : read.balance.reason, dropped: 0 } },
    ledger: afterRead(previous?.ledger, transactions(read.ledger), at, rowCount),
    grants: afterRead(previous?.grants, transactions(read.grants), at, rowCount),
    prices: afterRead(previous?.prices, list(read.prices, read.prices.ok ? read.prices.prices : [], MAX_PRICES), at, length),
    rules: afterRead(previous?.rules, list(read.rules, read.rules.ok ? read.rules.rules : [], MAX_RULES), at, length),
  };
}
