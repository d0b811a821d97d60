import type { GrantRow, LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';
import { AccountPictureRecordSchema, type AccountPictureRecord, type SourceOutcome } from '@src/storage/account-pictures';

/** The China site's three tiers as the rates endpoint gives them. */
export const CN_TIER_PRICES: TierPrice[] = [
  { tier: 'lightweight', rawTier: '轻量', price: 0.5, minCharge: 0.5 },
  { tier: 'mainstream', rawTier: '主流', price: 1, minCharge: 1 },
  { tier: 'flagship', rawTier: '旗舰', price: 2, minCharge: 2 },
];

interface Source<T> {
  value: T | null;
  read_at: number | null;
  last: { at: number; outcome: SourceOutcome; dropped: number };
}

/** A source whose last read at `at` gave `value`. */
export const answered = <T>(value: T, at: number): Source<T> => ({ value, read_at: at, last: { at, outcome: 'ok', dropped: 0 } });
/** A source that never answered: its last read at `at` failed so. */
export const neverAnswered = <T>(outcome: Exclude<SourceOutcome, 'ok'>, at: number): Source<T> => ({ value: null, read_at: null, last: { at, outcome, dropped: 0 } });

/**
 * A stored account picture read at `at`: the ledger's rows over a read since `since`, every source answered unless
 * `change` says otherwise; checked by storage's schema.
 */
export function accountPictureRecord(
  at: number,
  { ledgerRows = [], since = at - 14 * 86_400_000, ...change }: Partial<AccountPictureRecord> & { ledgerRows?: readonly LedgerRow[]; since?: number } = {},
): AccountPictureRecord {
  return AccountPictureRecordSchema.parse({
    balance: { last: { at, outcome: 'ok', dropped: 0 } },
    ledger: answered({ rows: ledgerRows, since, complete: true }, at),
    grants: answered({ rows: [] as GrantRow[], since, complete: true }, at),
    prices: answered(CN_TIER_PRICES, at),
    rules: answered([], at),
    ...change,
  });
}
