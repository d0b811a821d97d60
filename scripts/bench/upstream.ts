// The fake ModelScope as the bench uses it: the upstreams it plays and the models it serves.
import { DEMO_KEY, POOL_MODELS, REAL_MODELS } from '@test/fake-modelscope/behaviours';
import type { FakeModelScope, FakeModelScopeRuntimeOptions } from '@test/fake-modelscope/server';

export const BENCH_KEY = DEMO_KEY;
export const REAL_IDS: readonly string[] = REAL_MODELS.map((model) => model.id);

/** About 300 ms to headers (250 ms plus 0–100 ms of jitter), and 3 % of probes answered by a 503 gateway page. */
export const REALISTIC: FakeModelScopeRuntimeOptions = {
  world: 'quota',
  ledgerLagMs: 0,
  latencyMs: 250,
  jitterMs: 100,
  transientFailureRate: 0.03,
  maxInFlight: undefined,
};
export const IN_FLIGHT_LIMIT = 5;
/** The same, and a header-less 429 for any probe arriving while IN_FLIGHT_LIMIT are in flight. */
export const CONCURRENCY_LIMITED: FakeModelScopeRuntimeOptions = { ...REALISTIC, maxInFlight: IN_FLIGHT_LIMIT };
/** No latency and no failures: what is left is the client's own cost. */
export const INSTANT: FakeModelScopeRuntimeOptions = { ...REALISTIC, latencyMs: 0, jitterMs: 0, transientFailureRate: 0 };

/** `count` distinct models that answer with all four quota headers (the fake's pool of plain models). */
export function benchModels(count: number): string[] {
  if (count > POOL_MODELS.length) throw new RangeError(`the fake serves ${POOL_MODELS.length} pool models, not ${count}`);
  return POOL_MODELS.slice(0, count);
}

/** Sets the upstream's behaviour and starts it afresh: empty quota counters and the random source reseeded. */
export function resetUpstream(fake: FakeModelScope, options: FakeModelScopeRuntimeOptions, seed: number): void {
  fake.setOptions({ ...options, seed });
  fake.reset();
}
