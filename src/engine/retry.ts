import type { ErrorKind } from '@src/contract';

/** Only these can go away by themselves; retrying a refused key or a missing model would change nothing. */
const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'upstream', 'rate_limited']);

export function isRetryable(kind: ErrorKind | null): boolean {
  return kind !== null && RETRYABLE.has(kind);
}

export interface RetryPolicy {
  /** Tries after the first one. */
  maxRetries: number;
  /** Wait before retry n (1-based), in ms. */
  backoffMs: (retry: number) => number;
  sleep: (ms: number) => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Short waits, because a person is watching: about 0.3 s, then 0.6 s, with jitter so retries do not collide. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  backoffMs: (retry) => 300 * 2 ** (retry - 1) + Math.floor(Math.random() * 150),
  sleep,
};

/** Runs `attempt` until its outcome is final or the retries are spent; gives the last outcome. */
export async function withRetries<T extends { error_kind: ErrorKind | null }>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
): Promise<T> {
  let outcome = await attempt();
  for (let retry = 1; retry <= policy.maxRetries && isRetryable(outcome.error_kind); retry += 1) {
    await policy.sleep(policy.backoffMs(retry));
    outcome = await attempt();
  }
  return outcome;
}
