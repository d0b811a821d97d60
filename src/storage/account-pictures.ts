import { z } from 'zod';
import { keepNewest } from '@src/lib/keep-newest';
import type { MagicubeFailureReason } from '@src/modelscope/magicube-read';
import { STORAGE_KEYS } from './keys';
import { GrantRowSchema, GrantRuleSchema, LedgerRowSchema, TierPriceSchema } from './magicube-shapes-schemas';
import { defineValidatedItem } from './validated-item';

const EpochMs = z.number().int().nonnegative();
const FAILURE_REASONS = ['refused', 'not_returned', 'unreachable', 'unreadable', 'upstream_error'] as const satisfies readonly MagicubeFailureReason[];
export const SourceOutcomeSchema = z.enum(['ok', ...FAILURE_REASONS]);
export type SourceOutcome = z.infer<typeof SourceOutcomeSchema>;

/**
 * What one free Magicube source last gave: the value of its last good read (kept, with its time, when a later read
 * fails, so the page can show it as cached and say how old it is) and how the latest read went.
 */
function sourceSchema<T extends z.ZodType>(value: T) {
  return z.object({
    value: value.nullable(),
    /** When `value` was read; null when no read ever came back. */
    read_at: EpochMs.nullable(),
    last: z.object({ at: EpochMs, outcome: SourceOutcomeSchema }),
  });
}

const TransactionsSchema = (row: z.ZodType) =>
  z.object({ rows: z.array(row).max(MAX_ROWS), since: EpochMs, complete: z.boolean() });

/** 14 days of three tiers is 42 ledger rows and of two daily grants 28: this bound is for a misbehaving upstream. */
const MAX_ROWS = 500;

export const AccountPictureRecordSchema = z.object({
  ledger: sourceSchema(TransactionsSchema(LedgerRowSchema)),
  grants: sourceSchema(TransactionsSchema(GrantRowSchema)),
  prices: sourceSchema(z.array(TierPriceSchema).max(50)),
  rules: sourceSchema(z.array(GrantRuleSchema).max(50)),
});
export type AccountPictureRecord = z.infer<typeof AccountPictureRecordSchema>;
export type SourceRecord<K extends keyof AccountPictureRecord> = AccountPictureRecord[K];

/** The free account picture (ledger, grants, tier prices, grant rules) per key fingerprint, never per key. */
export const accountPicturesItem = defineValidatedItem(
  STORAGE_KEYS.accountPictures,
  z.record(z.string(), AccountPictureRecordSchema),
  {},
);

const MAX_KEYS_KEPT = 10;
const newestRead = (record: AccountPictureRecord) =>
  Math.max(record.ledger.last.at, record.grants.last.at, record.prices.last.at, record.rules.last.at);

/** Keeps the newest picture per key, for the most recently read keys only. */
export async function saveAccountPicture(keyId: string, change: (previous: AccountPictureRecord | null) => AccountPictureRecord) {
  return accountPicturesItem.update((all) => keepNewest({ ...all, [keyId]: change(all[keyId] ?? null) }, newestRead, MAX_KEYS_KEPT));
}

export async function accountPictureFor(keyId: string): Promise<AccountPictureRecord | null> {
  return (await accountPicturesItem.get())[keyId] ?? null;
}
