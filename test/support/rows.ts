import type { SourceOutcome } from '@src/account/record';
import { rowsOf, type RowView } from '@src/account/rows';
import type { CheckedResult } from '@src/engine/check-models';
import type { SitePrices } from '@src/storage/model-prices';
import { accountRecord, neverAnswered } from './account-record';

/** What the rows of a test are derived from, besides the results: the site's prices, and the balance, if read. */
export interface RowInputs {
  prices?: SitePrices;
  /** The available balance and how its source last answered; null: never read. */
  balance?: { available: number; source: { status: SourceOutcome; readAt: number } } | null;
  /** False when ModelScope never returned the spend ledger. */
  ledgerAnswers?: boolean;
}

/** The view's rows of `models` from stored results, prices and a balance, as the popup gets them. */
export function rowsFor(
  models: readonly string[],
  results: Readonly<Record<string, Omit<CheckedResult, 'cached'> & { cached?: boolean }>> = {},
  { prices = { models: {}, notes: {} }, balance = null, ledgerAnswers = true }: RowInputs = {},
): RowView[] {
  const at = balance?.source.readAt ?? Date.now();
  const record = accountRecord(at, {
    balance: balance
      ? {
          value: { total_balance: balance.available, available_balance: balance.available, frozen_amount: 0 },
          read_at: balance.source.readAt,
          last: { at, outcome: balance.source.status, dropped: 0 },
        }
      : neverAnswered('not_returned', at),
    ...(ledgerAnswers ? {} : { ledger: neverAnswered('not_returned', at) }),
  });
  const kept = Object.fromEntries(Object.entries(results).map(([model, result]) => [model, { cached: false, ...result }]));
  return rowsOf(models, record, kept, prices);
}
