// The three ways of checking a batch, all with the same probe and the same retries: only the scheduling differs.
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

export const STRATEGIES = [
  // A fresh cache and single-flight for every run, so each run times real probes.
  { name: 'ours', engine: (fetchFn: typeof fetch) => ourEngine(fetchFn, freshDeps()) },
  { name: 'oneAfterAnother', engine: oneAfterAnother },
  { name: 'allAtOnce', engine: allAtOnce },
] as const;
export type StrategyName = (typeof STRATEGIES)[number]['name'];
