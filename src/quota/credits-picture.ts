import type { CreditsPicture, CreditsSource, MagicubeBalance, ModelCredits } from '@src/contract';
import type { MagicubeFailureReason } from '@src/modelscope/magicube-read';
import type { GrantRow, GrantRule, LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';
import { callsLeftFromCredits } from './calls-from-credits';
import { estimateCreditRunOut } from './credit-pace';
import { dailyGrantsToday, nextGrantExpiry } from './daily-grants';
import { lastReset } from './reset-time';
import { todayByTier } from './today-by-tier';
import type { MagicubeRecord } from './types';

// The stored shapes this reads, as storage keeps them (src/storage/account-pictures.ts checks it keeps exactly these).
export type SourceOutcome = 'ok' | MagicubeFailureReason;
export interface SourceLast {
  at: number;
  outcome: SourceOutcome;
  /** Rows the read left out as unusable. */
  dropped: number;
}
export interface StoredSource<T> {
  value: T | null;
  read_at: number | null;
  last: SourceLast;
}
export interface StoredTransactions<Row> {
  rows: readonly Row[];
  since: number;
  complete: boolean;
}
export interface AccountPictureState {
  balance: { last: SourceLast };
  ledger: StoredSource<StoredTransactions<LedgerRow>>;
  grants: StoredSource<StoredTransactions<GrantRow>>;
  prices: StoredSource<readonly TierPrice[]>;
  rules: StoredSource<readonly GrantRule[]>;
}

/** A model's price as it was learned or set by hand. */
export interface KnownPrice {
  tier: string;
  price: number;
  learned_at: number;
  source: 'ledger' | 'manual';
}

export interface CreditsPictureInputs {
  /** The key's latest Magicube record: its balance, or that it was refused. */
  magicube: MagicubeRecord | null;
  account: AccountPictureState;
  /** The site's known prices, by model. */
  prices: Readonly<Record<string, KnownPrice>>;
  /** The models whose prices and calls left the picture lists: the active list (none for another extension). */
  models: readonly string[];
  now: number;
}

const iso = (at: number) => new Date(at).toISOString();

function source(status: SourceOutcome, readAt: number | null, dropped: number): CreditsSource {
  return { status, read_at: readAt === null ? null : iso(readAt), dropped };
}

/**
 * The balance and how it was read. A Magicube record newer than the picture's last balance read (the `magicube`
 * message reads the balance alone) is the newer word on it.
 */
function balanceOf(magicube: MagicubeRecord | null, last: SourceLast): { balance: MagicubeBalance | null; source: CreditsSource } {
  const balance = magicube?.status === 'ok' ? magicube.balance : null;
  const readAt = magicube?.status === 'ok' ? Date.parse(magicube.checked_at) : null;
  const newerRecord = magicube !== null && Date.parse(magicube.checked_at) > last.at;
  const status = newerRecord ? (magicube.status === 'ok' ? 'ok' : 'refused') : last.outcome;
  return { balance, source: source(status, readAt, 0) };
}

/** A transactions value read today; an earlier one says nothing about today's spend or grants. */
function readToday<T>(stored: StoredSource<T>, now: number): T | null {
  return stored.value !== null && stored.read_at !== null && stored.read_at >= lastReset(now) ? stored.value : null;
}

function today(rows: readonly LedgerRow[] | null, now: number): CreditsPicture['today'] {
  if (rows === null) return null;
  const spend = todayByTier(rows, now);
  return {
    day: spend.day,
    tiers: spend.tiers.map((tier) => ({ tier: tier.tier, raw_tier: tier.rawTier, calls: tier.calls, credits: tier.credits })),
    total_calls: spend.totals.calls,
    total_credits: spend.totals.credits,
  };
}

function grants(rows: readonly GrantRow[] | null, now: number): CreditsPicture['grants'] {
  if (rows === null) return null;
  const expiry = nextGrantExpiry(rows, now);
  return { ...dailyGrantsToday(rows, now), next_expiry: expiry && { at: iso(expiry.at), credits: expiry.credits } };
}

function modelCredits(models: readonly string[], prices: CreditsPictureInputs['prices'], balance: MagicubeBalance | null): ModelCredits[] {
  return [...new Set(models)].flatMap((model) => {
    const known = Object.hasOwn(prices, model) ? prices[model] : undefined;
    if (known === undefined) return [];
    const { tier, price, source: learnedBy, learned_at } = known;
    const callsLeft = balance === null ? null : callsLeftFromCredits(balance.available_balance, price);
    return [{ model, tier, price, source: learnedBy, learned_at: iso(learned_at), calls_left_estimate: callsLeft }];
  });
}

/**
 * The account in credits, from what the free reads left behind. A part whose source never answered (or, for today's
 * spend and grants, has not answered since today began) is null, never 0; each source says how its last read went
 * and when the figures shown were read.
 */
export function creditsPicture({ magicube, account, prices, models, now }: CreditsPictureInputs): CreditsPicture {
  const { balance, source: balanceSource } = balanceOf(magicube, account.balance.last);
  const ledgerRows = readToday(account.ledger, now)?.rows ?? null;
  const runOutAt = balance === null || ledgerRows === null ? null : estimateCreditRunOut(ledgerRows, balance.available_balance, now);
  const stored = (part: StoredSource<unknown>) => source(part.last.outcome, part.read_at, part.last.dropped);
  return {
    balance,
    today: today(ledgerRows, now),
    tier_prices: account.prices.value?.map(({ tier, rawTier, price }) => ({ tier, raw_tier: rawTier, price })) ?? null,
    models: modelCredits(models, prices, balance),
    grants: grants(readToday(account.grants, now)?.rows ?? null, now),
    run_out_at: runOutAt === null ? null : iso(runOutAt),
    sources: {
      balance: balanceSource,
      ledger: stored(account.ledger),
      grants: stored(account.grants),
      prices: stored(account.prices),
      rules: stored(account.rules),
    },
  };
}
