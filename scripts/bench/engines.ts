// The ways of checking a batch, all with the same probe and the same retries: only the scheduling differs.
import { AdaptiveLimiter } from '@src/engine/adaptive-limiter';
import { checkModels, type CheckDeps } from '@src/engine/check-models';
import { DEFAULT_RETRY_POLICY, withRetries } from '@src/engine/retry';
import { SingleFlight } from '@src/engine/single-flight';
import type { HttpOptions } from '@src/modelscope/http';
import { probeModel, type ProbeOutcome } from '@src/modelscope/probe';
import { DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings-schema';
import { MemoryResultCache } from './memory-cache';
import { BENCH_KEY } from './upstream';

export type Outcome = Pick<ProbeOutcome, 'error_kind' | 'model_request_remaining'>;
export type Engine = (models: readonly string[]) => Promise<Outcome[]>;

const KEY_ID = 'bench-key';
const TIMEOUT_MS = DEFAULT_CHECK_SETTINGS.timeoutSeconds * 1000;
export const CACHE_MAX_AGE_MS = DEFAULT_CHECK_SETTINGS.cacheSeconds * 1000;

export const endsWithNumbers = (outcome: Outcome): boolean => outcome.model_request_remaining !== null;

export function freshDeps(): CheckDeps {
  return { cache: new MemoryResultCache(), singleFlight: new SingleFlight<ProbeOutcome>() };
}

/** The real checkModels at the extension's default settings. */
export function ourEngine(fetchFn: typeof fetch, deps: CheckDeps): Engine {
  return (models) =>
    checkModels(models, BENCH_KEY, KEY_ID, deps, {
      site: 'cn',
      concurrency: DEFAULT_CHECK_SETTINGS.concurrency,
      timeoutMs: TIMEOUT_MS,
      cacheMaxAgeMs: CACHE_MAX_AGE_MS,
      force: false,
      fetchFn,
    });
}

function probeWithRetries(model: string, http: HttpOptions): Promise<ProbeOutcome> {
  return withRetries(() => probeModel(model, BENCH_KEY, { site: 'cn', ...http }), DEFAULT_RETRY_POLICY);
}

/** The original Go service's way: one model after the other. */
export function oneAfterAnother(fetchFn: typeof fetch): Engine {
  return async (models) => {
    const outcomes: Outcome[] = [];
    for (const model of models) outcomes.push(await probeWithRetries(model, { timeoutMs: TIMEOUT_MS, fetchFn }));
    return outcomes;
  };
}

/** The original Python service's way: every model at once, no cache, no single-flight. */
export function allAtOnce(fetchFn: typeof fetch): Engine {
  return (models) => Promise.all(models.map((model) => probeWithRetries(model, { timeoutMs: TIMEOUT_MS, fetchFn })));
}

/**
 * At most `bound` probes in flight, never more and never fewer: a limiter whose ceiling is where it starts and that
 * is never told of a refusal. Against an upstream that takes exactly `bound` at once, no fixed bound does better.
 */
export function fixedBound(bound: number): (fetchFn: typeof fetch) => Engine {
  return (fetchFn) => {
    const limiter = new AdaptiveLimiter(bound, bound);
    const probe = (model: string) => limiter.run(() => probeModel(model, BENCH_KEY, { site: 'cn', timeoutMs: TIMEOUT_MS, fetchFn }), () => 'other');
    return (models) => Promise.all(models.map((model) => withRetries(() => probe(model), DEFAULT_RETRY_POLICY)));
  };
}

export interface Strategy {
  name: StrategyName;
  engine: (fetchFn: typeof fetch) => Engine;
}
export type StrategyName = 'ours' | 'fixedBound' | 'oneAfterAnother' | 'allAtOnce';

export function strategies(bound: number): Strategy[] {
  return [
    // A fresh cache and single-flight for every run, so each run times real probes.
    { name: 'ours', engine: (fetchFn) => ourEngine(fetchFn, freshDeps()) },
    { name: 'fixedBound', engine: fixedBound(bound) },
    { name: 'oneAfterAnother', engine: oneAfterAnother },
    { name: 'allAtOnce', engine: allAtOnce },
  ];
}

/** The probes a checker sent: how many, the most in flight at once, and per model how many were sent and paid (2xx). */
export interface Traffic {
  fetchFn: typeof fetch;
  requests(): number;
  paid(): number;
  peakInFlight(): number;
  mostOnOneModel(): number;
  mostPaidOnOneModel(): number;
}

function modelOf(body: RequestInit['body']): string | null {
  const model: unknown = typeof body === 'string' ? (JSON.parse(body) as { model?: unknown }).model : null;
  return typeof model === 'string' ? model : null;
}

/**
 * Counts a checker's probes on their way out (other requests pass uncounted): a probe is in flight from the call until
 * its response (or error) arrives.
 */
export function countTraffic(fetchFn: typeof fetch): Traffic {
  const sent = new Map<string, number>();
  const paid = new Map<string, number>();
  const add = (counts: Map<string, number>, model: string) => counts.set(model, (counts.get(model) ?? 0) + 1);
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((total, count) => total + count, 0);
  let inFlight = 0;
  let peak = 0;
  return {
    async fetchFn(input, init) {
      const model = modelOf(init?.body);
      if (model === null) return fetchFn(input, init);
      add(sent, model);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        const response = await fetchFn(input, init);
        if (response.ok) add(paid, model);
        return response;
      } finally {
        inFlight -= 1;
      }
    },
    requests: () => sum(sent),
    paid: () => sum(paid),
    peakInFlight: () => peak,
    mostOnOneModel: () => Math.max(0, ...sent.values()),
    mostPaidOnOneModel: () => Math.max(0, ...paid.values()),
  };
}
