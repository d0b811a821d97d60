import type { BalanceItem } from '@src/contract';
import { callsLeftFromCredits } from './calls-from-credits';
import type { MagicubeRecord } from './types';
import { effectiveQuota, lowestMonthly, lowestQuota, monthlyQuota, type LowestMonthly, type LowestQuota } from './lowest-quota';
import { quotaLevel, type QuotaLevel } from './quota-level';
import { lastReset } from './reset-time';

/** The calls a model's price buys out of the available Magicube balance: a derivation, not a number ModelScope sent. */
export interface DerivedCalls {
  model: string;
  calls: number;
  /** Credits a call. */
  price: number;
  available: number;
  /** When the balance was read. */
  checkedAt: string;
}

/** What the toolbar badge says, before it is put into text, colour and a tooltip. */
export type BadgeState =
  | { kind: 'no-key' }
  /** `stale`: there are numbers, but all from before the last (estimated) reset, so they no longer hold. */
  | { kind: 'no-data'; stale: boolean }
  | { kind: 'refused'; checkedAt: string }
  /** The lowest calls left come from ModelScope's quota headers. */
  | { kind: 'quota'; lowest: LowestQuota }
  /** No daily figure at all, but ModelScope's monthly headers: the lowest calls left this month, said as monthly. */
  | { kind: 'monthly'; lowest: LowestMonthly }
  /** The lowest calls left are derived from the balance at a learned price; `unpriced`: list models not counted yet. */
  | { kind: 'derived'; lowest: DerivedCalls; unpriced: number }
  /** ModelScope reports no call quota and no price is known yet, so the badge shows Magicube credits, in a colour of their own. */
  | { kind: 'magicube'; available: number; checkedAt: string };

export interface BadgeInputs {
  hasKey: boolean;
  /** The active favourites. */
  models: readonly string[];
  /** The latest result of each model for the active key. */
  results: Readonly<Record<string, BalanceItem>>;
  magicube: MagicubeRecord | null;
  /** The known price (credits a call) of models, learned or set by hand. */
  prices: Readonly<Record<string, { price: number }>>;
  now: number;
}

/** Whether the newest thing heard about the key, from any model or from Magicube, is that ModelScope refused it. */
function newestRefusal(results: readonly BalanceItem[], magicube: MagicubeRecord | null): string | null {
  const evidence = [
    ...results.map((item) => ({ at: item.checked_at, refused: item.error_kind === 'auth' })),
    ...(magicube ? [{ at: magicube.checked_at, refused: magicube.status === 'refused' }] : []),
  ];
  const newest = evidence.reduce<(typeof evidence)[number] | null>(
    (latest, next) => (latest && Date.parse(latest.at) >= Date.parse(next.at) ? latest : next),
    null,
  );
  return newest?.refused ? newest.at : null;
}

/** Whether a model's result of today carries quota headers (daily or monthly): those numbers count its calls, not a price. */
function reportsQuotaToday(item: BalanceItem | undefined, since: number): boolean {
  return item !== undefined && Date.parse(item.checked_at) >= since && (effectiveQuota(item) !== null || monthlyQuota(item) !== null);
}

/**
 * Among the list's models without quota headers today, the fewest calls the balance buys at their known prices (the
 * highest price gives it; the first in list order on a tie), and how many of them have no known price.
 */
function lowestDerived({ models, results, magicube, prices, now }: BadgeInputs): { lowest: DerivedCalls | null; unpriced: number } {
  const since = lastReset(now);
  const uncounted = [...new Set(models)].filter((model) => !reportsQuotaToday(results[model], since));
  const priced = uncounted.filter((model) => Object.hasOwn(prices, model));
  let lowest: DerivedCalls | null = null;
  if (magicube?.status === 'ok') {
    const available = magicube.balance.available_balance;
    for (const model of priced) {
      const price = prices[model]!.price;
      const calls = callsLeftFromCredits(available, price);
      if (calls !== null && (lowest === null || calls < lowest.calls)) lowest = { model, calls, price, available, checkedAt: magicube.checked_at };
    }
  }
  return { lowest, unpriced: uncounted.length - priced.length };
}

export function badgeState(inputs: BadgeInputs): BadgeState {
  const { hasKey, models, results, magicube, now } = inputs;
  if (!hasKey) return { kind: 'no-key' };
  const refusedAt = newestRefusal(Object.values(results), magicube);
  if (refusedAt) return { kind: 'refused', checkedAt: refusedAt };
  const fromHeaders = lowestQuota(models, results, lastReset(now));
  const derived = lowestDerived(inputs);
  // The lower of the two; on a tie the number ModelScope sent, rather than a derivation.
  if (derived.lowest && (!fromHeaders || derived.lowest.calls < fromHeaders.remaining)) {
    return { kind: 'derived', lowest: derived.lowest, unpriced: derived.unpriced };
  }
  if (fromHeaders) return { kind: 'quota', lowest: fromHeaders };
  // Monthly counts only where no daily figure exists: a month's calls and a day's are never weighed against each other.
  const monthly = lowestMonthly(models, results, lastReset(now));
  if (monthly) return { kind: 'monthly', lowest: monthly };
  const favourites = models.flatMap((model) => results[model] ?? []);
  if (magicube?.status === 'ok' && favourites.some((item) => item.error_kind === 'no_quota_headers')) {
    return { kind: 'magicube', available: magicube.balance.available_balance, checkedAt: magicube.checked_at };
  }
  return { kind: 'no-data', stale: lowestQuota(models, results, Number.NEGATIVE_INFINITY) !== null };
}

const SCALES: Array<[suffix: string, size: number]> = [
  ['k', 1e3],
  ['M', 1e6],
  ['B', 1e9],
];

/** A count in at most 4 characters, never rounded up: 0–999, then 1.2k, 12k, 999k, 1.2M… */
export function compactCount(value: number): string {
  const whole = Math.max(0, Math.floor(value));
  if (whole < 1000) return String(whole);
  for (const [suffix, size] of SCALES) {
    const tenths = Math.floor((whole * 10) / size);
    if (tenths < 100) return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}${suffix}`;
    if (tenths < 10_000) return `${Math.floor(tenths / 10)}${suffix}`;
  }
  return '1T+';
}

export function badgeText(state: BadgeState): string {
  switch (state.kind) {
    case 'no-key':
    case 'no-data':
      return '?';
    case 'refused':
      return '!';
    case 'quota':
    case 'monthly':
      return compactCount(state.lowest.remaining);
    case 'derived':
      return compactCount(state.lowest.calls);
    case 'magicube':
      return compactCount(state.available);
  }
}

export interface BadgeColours {
  background: string;
  text: string;
}

/** Green, amber and red as the quota bars use them; grey for no data; violet for Magicube credits, never a level. */
export const BADGE_COLOURS = {
  ok: { background: '#1a7f37', text: '#ffffff' },
  low: { background: '#d4a72c', text: '#1f2328' },
  critical: { background: '#cf222e', text: '#ffffff' },
  unknown: { background: '#6e7781', text: '#ffffff' },
  magicube: { background: '#8250df', text: '#ffffff' },
} as const satisfies Record<string, BadgeColours>;

/** The two free daily grants together: 200 credits for the website login and 50 for a linked Alibaba Cloud account. */
export const FREE_CREDITS_PER_DAY = 250;

/**
 * Derived calls have no limit to take a share of, so they are measured against what a day of free grants buys at the
 * same price: green from half a day's worth, amber from a tenth, red below, as the quota bars colour a share.
 */
export function derivedLevel({ calls, price }: Pick<DerivedCalls, 'calls' | 'price'>): QuotaLevel {
  return quotaLevel(calls, Math.max(1, callsLeftFromCredits(FREE_CREDITS_PER_DAY, price) ?? 1));
}

export function badgeColours(state: BadgeState): BadgeColours {
  switch (state.kind) {
    case 'no-key':
    case 'no-data':
      return BADGE_COLOURS.unknown;
    case 'refused':
      return BADGE_COLOURS.critical;
    case 'quota':
    case 'monthly':
      return BADGE_COLOURS[quotaLevel(state.lowest.remaining, state.lowest.limit)];
    case 'derived':
      return BADGE_COLOURS[derivedLevel(state.lowest)];
    case 'magicube':
      return BADGE_COLOURS.magicube;
  }
}
