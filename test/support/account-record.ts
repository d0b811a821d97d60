import { AccountRecordSchema, type AccountRecord, type SourceOutcome } from '@src/account/record';
import type { Balance, GrantRow, LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';

/** The China site's three tiers as the rates endpoint gives them when it writes the website's Chinese names. */
export const CN_TIER_PRICES: TierPrice[] = [
  { tier: 'lite', rawTier: '轻量', price: 0.5, minCharge: 0.5 },
  { tier: 'standard', rawTier: '主流', price: 1, minCharge: 1 },
  { tier: 'ultra', rawTier: '旗舰', price: 2, minCharge: 2 },
];

/** The demo account's balance: 140 of 143.5 credits available. */
export const DEMO_BALANCE: Balance = { total_balance: 143.5, available_balance: 140, frozen_amount: 3.5 };

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
 * A stored account record read at `at`: the demo balance, the ledger's rows over a read since `since`, every source
 * answered unless `change` says otherwise; checked by the record's schema.
 */
export function accountRecord(
  at: number,
  { ledgerRows = [], since = Math.max(0, at - 14 * 86_400_000), ...change }: Partial<AccountRecord> & { ledgerRows?: readonly LedgerRow[]; since?: number } = {},
): AccountRecord {
  return AccountRecordSchema.parse({
    balance: answered(DEMO_BALANCE, at),
    ledger: answered({ rows: ledgerRows, since, complete: true }, at),
    grants: answered({ rows: [] as GrantRow[], since, complete: true }, at),
    rates: answered(CN_TIER_PRICES, at),
    rules: answered([], at),
    ...change,
  });
}
