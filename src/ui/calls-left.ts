import type { BalanceItem, ErrorKind } from '@src/contract';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { carriedQuotaHeaders } from '@src/quota/check-plan';
import { effectiveQuota, monthlyQuota } from '@src/quota/lowest-quota';
import type { LearningNote, ModelPrice, SitePrices } from '@src/storage/model-prices';
import type { SourceState } from './credits-source';

/** The Magicube balance that calls left are derived from, with where it comes from and how old it is. */
export interface BalanceFigure {
  available: number;
  source: SourceState;
}

/** What the rows need to know about credits: the site's stored prices, and the balance (null: not read). */
export interface RowCredits {
  prices: SitePrices;
  balance: BalanceFigure | null;
  /** False when ModelScope has never returned the spend ledger: then a Check cannot learn a price, and rows say so. */
  ledgerAnswers?: boolean;
}

export const NO_ROW_CREDITS: RowCredits = { prices: { models: {}, notes: {} }, balance: null };

/** A row's calls left, and where the figure comes from. Never a 0 or a guess where nothing is known. */
export type CallsLeft =
  /** The last probe carried ModelScope's daily quota headers: its numbers, as counted by ModelScope (and the month's, if sent). */
  | { kind: 'headers'; monthly: MonthlyCalls | null }
  /** Only ModelScope's monthly headers: calls left this month, never shown as a day's. */
  | { kind: 'monthly'; monthly: MonthlyCalls }
  /** The model cannot be called with this key (refused, not bound, retired): the row's hint says why. */
  | { kind: 'unusable' }
  /** floor(available balance / price): an estimate from the balance at the model's known price. */
  | { kind: 'derived'; calls: number; price: ModelPrice; balance: BalanceFigure }
  /** The price is known but the balance was not read. */
  | { kind: 'no_balance'; price: ModelPrice }
  /**
   * The price is not known yet; the next Check learns it, unless the ledger never answers (`learnable` false).
   * `note`: why the last try learned nothing.
   */
  | { kind: 'unpriced'; note: LearningNote | null; learnable: boolean };

export interface MonthlyCalls {
  remaining: number;
  limit: number | null;
}

/** Outcomes that say the model cannot be called with this key at all, whatever the balance. */
const UNUSABLE: ReadonlySet<ErrorKind> = new Set(['auth', 'forbidden', 'not_found']);

export function callsLeftOf(model: string, item: BalanceItem | undefined, { prices, balance, ledgerAnswers = true }: RowCredits): CallsLeft {
  const monthly = item ? monthlyQuota(item) : null;
  if (monthly && effectiveQuota(item!) === null) return { kind: 'monthly', monthly };
  if (carriedQuotaHeaders(item)) return { kind: 'headers', monthly };
  if (item?.error_kind && UNUSABLE.has(item.error_kind)) return { kind: 'unusable' };
  const price = prices.models[model];
  if (!price) return { kind: 'unpriced', note: prices.notes[model] ?? null, learnable: ledgerAnswers };
  if (!balance) return { kind: 'no_balance', price };
  const calls = callsLeftFromCredits(balance.available, price.price);
  // A balance that is not a finite number is as good as none.
  return calls === null ? { kind: 'no_balance', price } : { kind: 'derived', calls, price, balance };
}

/**
 * The calls left a row ranks by: ModelScope's daily count where it sent one, else the derived figure; null: unknown,
 * and for a monthly count too, which is not a day's and is not ranked against one.
 */
export function remainingOf(item: BalanceItem | undefined, callsLeft: CallsLeft): number | null {
  if (callsLeft.kind === 'derived') return callsLeft.calls;
  if (callsLeft.kind === 'headers' && item) return effectiveQuota(item)?.remaining ?? null;
  return null;
}
