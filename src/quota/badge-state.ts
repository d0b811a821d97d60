import type { ProbeResult } from '@src/modelscope/probe';
import { toHundredths } from './hundredths';
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
  /** The lowest calls left are derived from the balance at a known price; `unpriced`: list models not counted yet. */
  | { kind: 'derived'; lowest: DerivedCalls; unpriced: number }
  /** ModelScope reports no call quota and no price is known yet, so the badge shows Magicube credits, in a colour of their own. */
  | { kind: 'magicube'; available: number; checkedAt: string };

/** One favourite as the badge weighs it: its latest probe, and the calls the balance buys at its price, if known. */
export interface BadgeRow {
  model: string;
  result: ProbeResult | null;
  derived: { calls: number; price: number } | null;
}

export interface BadgeInputs {
  /** The active list's models, each once, in the user's order. */
  rows: readonly BadgeRow[];
  /** Every latest result of the key, of any model: each is a word on whether ModelScope accepts the key. */
  results: readonly ProbeResult[];
  /** The balance the derived figures divide, when it is known and usable. */
  balance: { available: number; readAt: number } | null;
  /** The latest word of the balance endpoint about the key: its time, and whether it refused the key. */
  balanceHeard: { at: number; refused: boolean } | null;
  now: number;
}

const iso = (at: number) => new Date(at).toISOString();

/** Whether the newest thing heard about the key, from any model or from Magicube, is that ModelScope refused it. */
function newestRefusal({ results, balanceHeard }: BadgeInputs): string | null {
  const evidence = [
    ...results.map((result) => ({ at: Date.parse(result.checked_at), refused: result.error_kind === 'auth' })),
    ...(balanceHeard ? [balanceHeard] : []),
  ];
  const newest = evidence.reduce<(typeof evidence)[number] | null>((latest, next) => (latest && latest.at >= next.at ? latest : next), null);
  return newest?.refused ? iso(newest.at) : null;
}

/** Whether a model's result of today carries quota headers (daily or monthly): those numbers count its calls, not a price. */
function reportsQuotaToday(result: ProbeResult | null, since: number): boolean {
  return result !== null && Date.parse(result.checked_at) >= since && (effectiveQuota(result) !== null || monthlyQuota(result) !== null);
}

/**
 * Among the list's models without quota headers today, the fewest calls the balance buys at their known prices (the
 * highest price gives it; the first in list order on a tie), and how many of them have no known price.
 */
function lowestDerived({ rows, balance, now }: BadgeInputs): { lowest: DerivedCalls | null; unpriced: number } {
  const since = lastReset(now);
  const uncounted = rows.filter((row) => !reportsQuotaToday(row.result, since));
  let lowest: DerivedCalls | null = null;
  for (const { model, derived } of uncounted) {
    if (derived === null || balance === null || (lowest !== null && derived.calls >= lowest.calls)) continue;
    lowest = { model, calls: derived.calls, price: derived.price, available: balance.available, checkedAt: iso(balance.readAt) };
  }
  return { lowest, unpriced: uncounted.filter((row) => row.derived === null).length };
}

export function badgeState(inputs: BadgeInputs): BadgeState {
  const { rows, balance, now } = inputs;
  const refusedAt = newestRefusal(inputs);
  if (refusedAt) return { kind: 'refused', checkedAt: refusedAt };
  const models = rows.map((row) => row.model);
  const results = Object.fromEntries(rows.flatMap((row) => (row.result ? [[row.model, row.result] as const] : [])));
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
  if (balance !== null && rows.some((row) => row.result?.error_kind === 'no_quota_headers')) {
    return { kind: 'magicube', available: balance.available, checkedAt: iso(balance.readAt) };
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
 * Derived calls have no limit to take a share of, so the credits they cost are measured against a day of free grants:
 * green from half a day's worth, amber from a tenth, red below, as the quota bars colour a share.
 */
export function derivedLevel({ calls, price }: Pick<DerivedCalls, 'calls' | 'price'>): QuotaLevel {
  return quotaLevel(calls * toHundredths(price), toHundredths(FREE_CREDITS_PER_DAY));
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
