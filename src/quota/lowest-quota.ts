import type { ProbeResult } from '@src/modelscope/probe';
import type { QuotaNumbers } from '@src/modelscope/quota-headers';
import { remainingShare } from './quota-level';

export type QuotaSource = 'model' | 'account';

/** The calls a model can still make, with the limit of the figure it came from. */
export interface EffectiveQuota {
  remaining: number;
  limit: number | null;
  source: QuotaSource;
}

/** The smaller of a model's own remaining and the account's remaining, whichever is known; null when neither is. */
export function effectiveQuota(numbers: QuotaNumbers): EffectiveQuota | null {
  const candidates: EffectiveQuota[] = [];
  if (numbers.model_request_remaining !== null) {
    candidates.push({ remaining: numbers.model_request_remaining, limit: numbers.model_request_limit, source: 'model' });
  }
  if (numbers.request_remaining !== null) {
    candidates.push({ remaining: numbers.request_remaining, limit: numbers.request_limit, source: 'account' });
  }
  return candidates.reduce<EffectiveQuota | null>((lowest, next) => (lowest && !isLower(next, lowest) ? lowest : next), null);
}

/** Fewer calls left is lower; on a tie, the smaller share of its limit (the more alarming colour). */
function isLower(a: EffectiveQuota, b: EffectiveQuota): boolean {
  if (a.remaining !== b.remaining) return a.remaining < b.remaining;
  const shareA = remainingShare(a.remaining, a.limit) ?? 1;
  const shareB = remainingShare(b.remaining, b.limit) ?? 1;
  return shareA < shareB;
}

/** A model's calls left this month from ModelScope's monthly headers; null when it sent none. Never mixed with a day. */
export function monthlyQuota(item: ProbeResult): { remaining: number; limit: number | null } | null {
  if (item.model_month_request_remaining === null) return null;
  return { remaining: item.model_month_request_remaining, limit: item.model_month_request_limit };
}

export interface LowestMonthly {
  model: string;
  remaining: number;
  limit: number | null;
  item: ProbeResult;
}

/** The model among `models` with the fewest calls left this month, from results checked at or after `since`. */
export function lowestMonthly(models: readonly string[], results: Readonly<Record<string, ProbeResult>>, since: number): LowestMonthly | null {
  let lowest: LowestMonthly | null = null;
  for (const model of models) {
    const item = results[model];
    const monthly = item && Date.parse(item.checked_at) >= since ? monthlyQuota(item) : null;
    if (monthly && (!lowest || monthly.remaining < lowest.remaining)) lowest = { ...monthly, model, item: item! };
  }
  return lowest;
}

export interface LowestQuota extends EffectiveQuota {
  model: string;
  item: ProbeResult;
}

/**
 * The model among `models` with the fewest calls left, from results checked at or after `since`; the first in list
 * order on a tie. Null when no such result carries a number.
 */
export function lowestQuota(
  models: readonly string[],
  results: Readonly<Record<string, ProbeResult>>,
  since: number,
): LowestQuota | null {
  let lowest: LowestQuota | null = null;
  for (const model of models) {
    const item = results[model];
    if (!item || Date.parse(item.checked_at) < since) continue;
    const quota = effectiveQuota(item);
    if (quota && (!lowest || isLower(quota, lowest))) lowest = { ...quota, model, item };
  }
  return lowest;
}
