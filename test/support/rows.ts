import type { OfferEntry } from '@src/account/offers';
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
  /** What the provider list said of each model (see offerEntry). */
  offers?: Record<string, OfferEntry>;
}

/** The view's rows of `models` from stored results, prices and a balance, as the popup gets them. */
export function rowsFor(
  models: readonly string[],
  results: Readonly<Record<string, Omit<CheckedResult, 'cached'> & { cached?: boolean }>> = {},
  { prices = { models: {}, notes: {} }, balance = null, ledgerAnswers = true, offers = {} }: RowInputs = {},
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
    offers,
  });
  const kept = Object.fromEntries(Object.entries(results).map(([model, result]) => [model, { cached: false, ...result }]));
  return rowsOf(models, record, kept, prices, at);
}

/** What the provider list said of a model, read `readAt`: ModelScope's price and tier, or who else serves it. */
export function offerEntry(offer: { price: number; tier: string } | { others: string[] }, readAt: number): OfferEntry {
  const value =
    'price' in offer
      ? { served: true, price: offer.price, tier: offer.tier, rawTier: offer.tier, others: [] }
      : { served: false, price: null, tier: null, rawTier: null, others: offer.others.map((name) => ({ name, chineseName: null })) };
  return { value, read_at: readAt, last: { at: readAt, outcome: 'ok' }, changed: null };
}
