import type { CheckedResult } from '@src/engine/check-models';
import { badgeState, type BadgeState } from '@src/quota/badge-state';
import type { SitePrices } from '@src/storage/model-prices';
import { creditsView, usableBalance, type CreditsView } from './credits-view';
import type { AccountRecord } from './record';
import { rowsOf, type RowView } from './rows';

/** What one account's view is made of: the stored record and results, the site's prices, the active list, the time. */
export interface ViewInputs {
  /** The account's record; null before its first read. */
  record: AccountRecord | null;
  /** Its latest probe of each model. */
  results: Readonly<Record<string, CheckedResult>>;
  /** The prices of its site, learned or set by hand, and the notes of prices not learned. */
  prices: SitePrices;
  /** The active list's models, in the user's order. */
  models: readonly string[];
  now: number;
}

/** What the popup, Options, the badge and the contract show of one account: every figure derived here, once. */
export interface AccountView {
  /** The account in credits; null before the free sources were first read. */
  credits: CreditsView | null;
  /** One row per model of the list, each once, in the user's order. */
  rows: RowView[];
  badge: BadgeState;
}

/** The latest word of the balance endpoint about the key: a refusal, or the last balance it gave. */
function balanceHeard(record: AccountRecord | null) {
  if (record === null) return null;
  if (record.balance.last.outcome === 'refused') return { at: record.balance.last.at, refused: true };
  return record.balance.read_at === null ? null : { at: record.balance.read_at, refused: false };
}

export function accountView({ record, results, prices, models, now }: ViewInputs): AccountView {
  const rows = rowsOf(models, record, results, prices, now);
  const usable = record === null ? null : usableBalance(record);
  // A model no ModelScope token can call has no calls left to count: it is left out of the lowest.
  const callable = rows.filter((row) => row.served !== false);
  const badge = badgeState({
    rows: callable.map(({ model, result, price, derived }) => ({ model, result, derived: derived && price && { calls: derived.calls, price: price.price } })),
    results: Object.values(results),
    balance: usable && { available: usable.balance.available_balance, readAt: usable.readAt },
    balanceHeard: balanceHeard(record),
    now,
  });
  return { credits: record === null ? null : creditsView(record, now), rows, badge };
}
