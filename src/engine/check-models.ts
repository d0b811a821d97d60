import type { Site } from '@src/contract';
import type { SiteRequestOptions } from '@src/modelscope/http';
import { probeModel, type ProbeOutcome, type ProbeResult } from '@src/modelscope/probe';
import { AdaptiveLimiter, type Answer } from './adaptive-limiter';
import { DEFAULT_RETRY_POLICY, isRetryable, withRetries, type RetryPolicy } from './retry';
import { SingleFlight } from './single-flight';

/** A model's result in a check: its probe, and whether it was reused from the cache (no call made) rather than sent. */
export type CheckedResult = ProbeResult & { cached: boolean };

export interface CheckOptions {
  /** The site the key belongs to, where every probe goes. */
  site: Site;
  concurrency: number;
  timeoutMs: number;
  cacheMaxAgeMs: number;
  /** Skip the cache; an identical probe already in flight is still shared, since its answer is fresh. */
  force: boolean;
  /** Called as each model's result arrives, so a page can fill its rows in. */
  onResult?: (item: CheckedResult) => void | Promise<void>;
  /**
   * Called with the outcome of every request sent, retries included: one that got no answer (network, timeout) may
   * still have reached ModelScope, so whoever accounts for paid calls must know of it.
   */
  onAttempt?: (model: string, outcome: ProbeOutcome) => void;
  fetchFn?: SiteRequestOptions['fetchFn'];
  retryPolicy?: RetryPolicy;
}

/** Where fresh results are kept between checks (the account keeps them; the engine only reads and writes). */
export interface ResultCache {
  get(keyId: string, model: string, maxAgeMs: number): Promise<ProbeResult | null>;
  put(keyId: string, item: ProbeResult): Promise<void>;
}

export interface CheckDeps {
  cache: ResultCache;
  singleFlight: SingleFlight<ProbeOutcome>;
}

/** Results worth reusing: the call was answered and spent. Errors are not results. */
function isCacheable(item: ProbeResult): boolean {
  return item.error_kind === null || item.error_kind === 'no_quota_headers' || item.error_kind === 'quota_exhausted';
}

/**
 * A 429 without quota headers is ModelScope's "too many at once". Any other answer that a retry could not change
 * (a result, or a final error such as a refused key) took its slot fine; a transient failure (network, timeout, 5xx)
 * says nothing about concurrency either way.
 */
function answerOf(outcome: ProbeOutcome): Answer {
  if (outcome.error_kind === 'rate_limited') return 'refused';
  return isRetryable(outcome.error_kind) ? 'other' : 'accepted';
}

/**
 * Checks a batch of models for one key: fresh cached results first, then probes with adaptive concurrency (it grows
 * while ModelScope accepts and halves when it refuses: AdaptiveLimiter), bounded retries and single-flight. Gives one
 * item per model, in the order asked.
 */
export async function checkModels(
  models: readonly string[],
  apiKey: string,
  keyId: string,
  deps: CheckDeps,
  options: CheckOptions,
): Promise<CheckedResult[]> {
  const limiter = new AdaptiveLimiter(options.concurrency);
  const http: SiteRequestOptions = { site: options.site, timeoutMs: options.timeoutMs, fetchFn: options.fetchFn };
  const probeOnce = (model: string, retry: boolean) =>
    limiter.run(
      async () => {
        const outcome = await probeModel(model, apiKey, http);
        options.onAttempt?.(model, outcome);
        return outcome;
      },
      answerOf,
      { retry },
    );

  const checkOne = async (model: string): Promise<CheckedResult> => {
    const cached = options.force ? null : await deps.cache.get(keyId, model, options.cacheMaxAgeMs);
    if (cached) return { ...cached, cached: true };
    let attempts = 0;
    const outcome = await deps.singleFlight.run(`${keyId}\n${model}`, () =>
      withRetries(() => probeOnce(model, attempts++ > 0), options.retryPolicy ?? DEFAULT_RETRY_POLICY),
    );
    const result: ProbeResult = { model, ...outcome, checked_at: new Date().toISOString() };
    if (isCacheable(result)) await deps.cache.put(keyId, result);
    return { ...result, cached: false };
  };

  return Promise.all(
    models.map(async (model) => {
      const item = await checkOne(model);
      await options.onResult?.(item);
      return item;
    }),
  );
}
