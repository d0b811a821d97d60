import type { ProbeResult } from '@src/modelscope/probe';

/** What a Check does with each model of the list. */
export interface CheckPlan {
  /** Price unknown: probed one at a time with a free ledger read around each call, to learn the price. */
  learn: string[];
  /**
   * Probed as usual: the last probe carried quota headers or failed, the user asked for this row (↻), or every model
   * is.
   */
  probe: string[];
  /** Not probed: the price is known and ModelScope reported no quota for it, so calls left come from the balance. */
  free: string[];
  /** Not probed: the provider list says a ModelScope token cannot call it; a call would only be refused. */
  unserved: string[];
}

export interface CheckPlanInputs {
  models: readonly string[];
  /** The models whose price is known (ModelScope's provider list, learned, or set by hand). */
  pricedModels: ReadonlySet<string>;
  /** The models the provider list says a ModelScope token cannot call. */
  unservedModels?: ReadonlySet<string>;
  /** The latest result of each model for this key. */
  results: Readonly<Record<string, ProbeResult>>;
  /** Models the user re-checks by hand: always probed. */
  forced?: ReadonlySet<string>;
  /** The setting that restores the original behaviour: every model probed on every Check. */
  probeEveryModel: boolean;
}

type QuotaFields = Pick<
  ProbeResult,
  'model_request_remaining' | 'model_request_limit' | 'request_remaining' | 'request_limit' | 'model_month_request_remaining' | 'model_month_request_limit'
>;

/** Whether a result carried any of ModelScope's quota headers: then only another probe says how many calls are left. */
export function carriedQuotaHeaders(item: QuotaFields | undefined): boolean {
  if (!item) return false;
  const daily = [item.model_request_remaining, item.model_request_limit, item.request_remaining, item.request_limit];
  return [...daily, item.model_month_request_remaining, item.model_month_request_limit].some((n) => n !== null);
}

/**
 * Whether the latest result is a failure (a refused key, a retired model, no answer…) rather than ModelScope's answer:
 * another probe may clear it, and such probes are mostly not paid; "no quota headers" is an answer, not a failure.
 */
export function failedLastTime(item: ProbeResult | undefined): boolean {
  return item !== undefined && item.error_kind !== null && item.error_kind !== 'no_quota_headers' && !carriedQuotaHeaders(item);
}

/**
 * Spend only where a probe tells something. A model the provider list says cannot be called is not probed, unless the
 * user re-checks it by hand (then it is probed as it is, with no price to learn); a model whose price is unknown is learned (one paid call, once); a model whose last probe
 * carried quota headers is probed again (the headers are the only count of its calls), and so is one whose last probe
 * failed (its row says nothing yet); a model the user re-checks by hand is probed. Every other model costs nothing:
 * its calls left are the balance over its price.
 */
export function planCheck({ models, pricedModels, unservedModels = new Set(), results, forced = new Set(), probeEveryModel }: CheckPlanInputs): CheckPlan {
  const plan: CheckPlan = { learn: [], probe: [], free: [], unserved: [] };
  for (const model of models) {
    if (unservedModels.has(model)) (forced.has(model) ? plan.probe : plan.unserved).push(model);
    else if (!pricedModels.has(model)) plan.learn.push(model);
    else if (probeEveryModel || forced.has(model) || carriedQuotaHeaders(results[model]) || failedLastTime(results[model])) plan.probe.push(model);
    else plan.free.push(model);
  }
  return plan;
}

/** What a plan costs before it runs: its calls, and the credits of those whose price is known. */
export interface CheckCost {
  calls: number;
  /** Credits of the probed models with a known price. */
  knownCredits: number;
  /** Probed models whose price is not known yet (each costs one call of its tier). */
  unpriced: number;
}

export function checkCost(plan: CheckPlan, priceOf: (model: string) => number | null): CheckCost {
  const probed = [...plan.learn, ...plan.probe];
  const prices = probed.map(priceOf);
  // Hundredths, so 0.5 + 0.2 + … adds up exactly.
  const hundredths = prices.reduce<number>((sum, price) => sum + (price === null ? 0 : Math.round(price * 100)), 0);
  return { calls: probed.length, knownCredits: hundredths / 100, unpriced: prices.filter((price) => price === null).length };
}
