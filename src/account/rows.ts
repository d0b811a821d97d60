import type { ErrorKind } from '@src/contract';
import type { CheckedResult } from '@src/engine/check-models';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { carriedQuotaHeaders } from '@src/quota/check-plan';
import { effectiveQuota, monthlyQuota } from '@src/quota/lowest-quota';
import type { LearningNote, ModelPrice, SitePrices } from '@src/storage/model-prices';
import { usableBalance } from './credits-view';
import type { AccountRecord, SourceOutcome } from './record';

/** The Magicube balance that calls left are derived from, with where it comes from and how old it is. */
export interface BalanceFigure {
  available: number;
  source: { status: SourceOutcome; readAt: number };
}

export interface MonthlyCalls {
  remaining: number;
  limit: number | null;
}

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

/** One favourite as every page and the badge see it. */
export interface RowView {
  model: string;
  /** Its latest probe, if any. */
  result: CheckedResult | null;
  /** What one call costs, learned or set by hand; null while not known. */
  price: ModelPrice | null;
  /** The calls the balance buys at that price; null while either is unknown. */
  derived: { calls: number; balance: BalanceFigure } | null;
  callsLeft: CallsLeft;
  /**
   * The calls left the row ranks by: ModelScope's daily count where it sent one, else the derived figure; null when
   * unknown, and for a monthly count too, which is not a day's and is not ranked against one.
   */
  remaining: number | null;
}

/** Outcomes that say the model cannot be called with this key at all, whatever the balance. */
const UNUSABLE: ReadonlySet<ErrorKind> = new Set(['auth', 'forbidden', 'not_found']);

/** False when ModelScope answers but withholds the ledger and never returned it; a passing failure does not count. */
function ledgerAnswers(record: AccountRecord | null): boolean {
  return record === null || !(record.ledger.last.outcome === 'not_returned' && record.ledger.read_at === null);
}

function callsLeftOf(row: Omit<RowView, 'callsLeft' | 'remaining'>, notes: SitePrices['notes'], learnable: boolean): CallsLeft {
  const { model, result, price, derived } = row;
  const monthly = result ? monthlyQuota(result) : null;
  if (monthly && effectiveQuota(result!) === null) return { kind: 'monthly', monthly };
  if (carriedQuotaHeaders(result ?? undefined)) return { kind: 'headers', monthly };
  if (result?.error_kind && UNUSABLE.has(result.error_kind)) return { kind: 'unusable' };
  if (!price) return { kind: 'unpriced', note: Object.hasOwn(notes, model) ? notes[model]! : null, learnable };
  return derived ? { kind: 'derived', calls: derived.calls, price, balance: derived.balance } : { kind: 'no_balance', price };
}

function remainingOf(result: CheckedResult | null, callsLeft: CallsLeft): number | null {
  if (callsLeft.kind === 'derived') return callsLeft.calls;
  if (callsLeft.kind === 'headers' && result) return effectiveQuota(result)?.remaining ?? null;
  return null;
}

/** Each model once, in the user's order, with what is known of its calls left. */
export function rowsOf(
  models: readonly string[],
  record: AccountRecord | null,
  results: Readonly<Record<string, CheckedResult>>,
  prices: SitePrices,
): RowView[] {
  const usable = record === null ? null : usableBalance(record);
  const balance: BalanceFigure | null =
    usable === null ? null : { available: usable.balance.available_balance, source: { status: record!.balance.last.outcome, readAt: usable.readAt } };
  const learnable = ledgerAnswers(record);
  return [...new Set(models)].map((model) => {
    const result = Object.hasOwn(results, model) ? results[model]! : null;
    const price = Object.hasOwn(prices.models, model) ? prices.models[model]! : null;
    const calls = price === null || balance === null ? null : callsLeftFromCredits(balance.available, price.price);
    const row = { model, result, price, derived: calls === null ? null : { calls, balance: balance! } };
    const callsLeft = callsLeftOf(row, prices.notes, learnable);
    return { ...row, callsLeft, remaining: remainingOf(result, callsLeft) };
  });
}
