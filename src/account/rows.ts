import type { ErrorKind } from '@src/contract';
import type { CheckedResult } from '@src/engine/check-models';
import type { Offer } from '@src/modelscope/providers';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { carriedQuotaHeaders, planCheck, type CheckPlan } from '@src/quota/check-plan';
import { effectiveQuota, monthlyQuota } from '@src/quota/lowest-quota';
import type { LearningNote, SitePrices } from '@src/storage/model-prices';
import { usableBalance } from './credits-view';
import type { OfferEntry, OfferReadOutcome } from './offers';
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

/** What one call of a model costs, and how that is known. */
export interface PriceView {
  price: number;
  tier: string | null;
  rawTier: string | null;
  /** ModelScope's provider list, the ledger around one call of it, or the user's hand. */
  source: 'providers' | 'ledger' | 'manual';
  /** When it was read, learned or set. */
  at: number;
}

/** A row's calls left, and where the figure comes from. Never a 0 or a guess where nothing is known. */
export type CallsLeft =
  /** The provider list says a ModelScope token cannot call the model: others serve it, or nobody does. */
  | { kind: 'unserved'; offer: Offer }
  /** The last probe carried ModelScope's daily quota headers: its numbers, as counted by ModelScope (and the month's, if sent). */
  | { kind: 'headers'; monthly: MonthlyCalls | null }
  /** Only ModelScope's monthly headers: calls left this month, never shown as a day's. */
  | { kind: 'monthly'; monthly: MonthlyCalls }
  /** The model cannot be called with this key (refused, not bound, retired): the row's hint says why. */
  | { kind: 'unusable' }
  /** floor(available balance / price): an estimate from the balance at the model's known price. */
  | { kind: 'derived'; calls: number; price: PriceView; balance: BalanceFigure }
  /** The price is known but the balance was not read. */
  | { kind: 'no_balance'; price: PriceView }
  /**
   * The price is not known yet; the next Check learns it from the ledger, unless the ledger never answers (`learnable`
   * false). `note`: why the last try learned nothing; `listFailed`: why the provider list gave no price.
   */
  | { kind: 'unpriced'; note: LearningNote | null; learnable: boolean; listFailed: Exclude<OfferReadOutcome, 'ok'> | null };

/** A change of price or service seen lately, to say in the row with its date. */
export interface OfferChange {
  at: number;
  before: Offer;
  after: Offer;
}

/** One favourite as every page and the badge see it. */
export interface RowView {
  model: string;
  /** Its latest probe, if any. */
  result: CheckedResult | null;
  /** What the provider list last said of it, and how its latest read went; null before the first read. */
  offer: OfferEntry | null;
  /** Whether a ModelScope token can call it, as the provider list says (or a probe answered since); null while not known. */
  served: boolean | null;
  /** What one call costs; null while not known. */
  price: PriceView | null;
  /** The calls the balance buys at that price; null while either is unknown. */
  derived: { calls: number; balance: BalanceFigure } | null;
  callsLeft: CallsLeft;
  /**
   * The calls left the row ranks by: ModelScope's daily count where it sent one, else the derived figure; null when
   * unknown, and for a monthly count too, which is not a day's and is not ranked against one.
   */
  remaining: number | null;
  change: OfferChange | null;
}

/** Outcomes that say the model cannot be called with this key at all, whatever the balance. */
const UNUSABLE: ReadonlySet<ErrorKind> = new Set(['auth', 'forbidden', 'not_found']);
/** A change of price or service is said in its row for a week (and an alert of it is not repeated within it). */
export const CHANGE_SHOWN_MS = 7 * 86_400_000;

/** False when ModelScope answers but withholds the ledger and never returned it; a passing failure does not count. */
function ledgerAnswers(record: AccountRecord | null): boolean {
  return record === null || !(record.ledger.last.outcome === 'not_returned' && record.ledger.read_at === null);
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | null => (Object.hasOwn(record, key) ? record[key]! : null);

/** The price of a model: the provider list's, else one learned or set by hand. */
function priceOf(model: string, offer: OfferEntry | null, prices: SitePrices): PriceView | null {
  const listed = offer?.value ?? null;
  if (listed?.served && listed.price !== null && offer!.read_at !== null) return { price: listed.price, tier: listed.tier, rawTier: listed.rawTier, source: 'providers', at: offer!.read_at };
  const known = own(prices.models, model);
  return known && { price: known.price, tier: known.tier, rawTier: known.rawTier, source: known.source, at: known.learned_at };
}

function changeOf(offer: OfferEntry | null, now: number): OfferChange | null {
  const changed = offer?.changed ?? null;
  if (changed === null || offer?.value == null || now - changed.at > CHANGE_SHOWN_MS) return null;
  return { at: changed.at, before: changed.before, after: offer.value };
}

type RowBasis = Pick<RowView, 'model' | 'result' | 'offer' | 'price' | 'derived' | 'served'>;

/**
 * Whether a ModelScope token can call the model: the provider list's word, unless a probe answered 2xx since that
 * read (an answer beats a list); null while the list was never read.
 */
function servedOf(offer: OfferEntry | null, result: CheckedResult | null): boolean | null {
  const listed = offer?.value?.served ?? null;
  if (listed !== false || result?.status == null) return listed;
  return result.status >= 200 && result.status < 300 && Date.parse(result.checked_at) > (offer!.read_at ?? 0);
}

function callsLeftOf({ model, result, offer, price, derived, served }: RowBasis, notes: SitePrices['notes'], learnable: boolean): CallsLeft {
  if (served === false) return { kind: 'unserved', offer: offer!.value! };
  const monthly = result ? monthlyQuota(result) : null;
  if (monthly && effectiveQuota(result!) === null) return { kind: 'monthly', monthly };
  if (carriedQuotaHeaders(result ?? undefined)) return { kind: 'headers', monthly };
  if (result?.error_kind && UNUSABLE.has(result.error_kind)) return { kind: 'unusable' };
  if (!price) {
    const listFailed = offer && offer.last.outcome !== 'ok' ? offer.last.outcome : null;
    return { kind: 'unpriced', note: own(notes, model), learnable, listFailed };
  }
  return derived ? { kind: 'derived', calls: derived.calls, price, balance: derived.balance } : { kind: 'no_balance', price };
}

function remainingOf(result: CheckedResult | null, callsLeft: CallsLeft): number | null {
  if (callsLeft.kind === 'derived') return callsLeft.calls;
  if (callsLeft.kind === 'headers' && result) return effectiveQuota(result)?.remaining ?? null;
  return null;
}

/** Each model once, in the user's order, with what is known of its offer, its price and its calls left. */
export function rowsOf(
  models: readonly string[],
  record: AccountRecord | null,
  results: Readonly<Record<string, CheckedResult>>,
  prices: SitePrices,
  now: number,
): RowView[] {
  const usable = record === null ? null : usableBalance(record);
  const balance: BalanceFigure | null =
    usable === null ? null : { available: usable.balance.available_balance, source: { status: record!.balance.last.outcome, readAt: usable.readAt } };
  const learnable = ledgerAnswers(record);
  return [...new Set(models)].map((model) => {
    const offer = own(record?.offers ?? {}, model);
    const result = own(results, model);
    const served = servedOf(offer, result);
    const price = served === false ? null : priceOf(model, offer, prices);
    const calls = price === null || balance === null ? null : callsLeftFromCredits(balance.available, price.price);
    const basis: RowBasis = { model, result, offer, served, price, derived: calls === null ? null : { calls, balance: balance! } };
    const callsLeft = callsLeftOf(basis, prices.notes, learnable);
    return { ...basis, callsLeft, remaining: remainingOf(result, callsLeft), change: changeOf(offer, now) };
  });
}

/**
 * What a Check of these rows does: the same plan for the cost said before it is pressed and for the Check itself.
 * `forced`: models the user re-checks by hand.
 */
export function planRows(rows: readonly RowView[], { forced, probeEveryModel }: { forced?: ReadonlySet<string>; probeEveryModel: boolean }): CheckPlan {
  return planCheck({
    models: rows.map((row) => row.model),
    pricedModels: new Set(rows.flatMap((row) => (row.price ? [row.model] : []))),
    unservedModels: new Set(rows.flatMap((row) => (row.served === false ? [row.model] : []))),
    results: Object.fromEntries(rows.flatMap((row) => (row.result ? [[row.model, row.result] as const] : []))),
    forced,
    probeEveryModel,
  });
}
