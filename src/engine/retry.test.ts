import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '@src/contract';
import { isRetryable, withRetries, type RetryPolicy } from './retry';

function policy(waits: number[]): RetryPolicy {
  return { maxRetries: 2, backoffMs: (retry) => retry * 100, sleep: async (ms) => void waits.push(ms) };
}

/** An attempt that answers the given kinds in turn and counts its calls. */
function scripted(kinds: Array<ErrorKind | null>) {
  let calls = 0;
  const attempt = async () => ({ error_kind: kinds[Math.min(calls++, kinds.length - 1)] ?? null, call: calls });
  return { attempt, calls: () => calls };
}

describe('withRetries', () => {
  it.each(['network', 'timeout', 'upstream', 'rate_limited'] as const)('retries %s at most twice, with backoff', async (kind) => {
    const waits: number[] = [];
    const { attempt, calls } = scripted([kind, kind, kind, null]);
    const outcome = await withRetries(attempt, policy(waits));
    expect(calls()).toBe(3);
    expect(outcome.error_kind).toBe(kind);
    expect(waits).toEqual([100, 200]);
  });

  it('stops as soon as an attempt succeeds', async () => {
    const { attempt, calls } = scripted(['upstream', null]);
    expect((await withRetries(attempt, policy([]))).error_kind).toBeNull();
    expect(calls()).toBe(2);
  });

  it.each(['auth', 'forbidden', 'not_found', 'bad_request', 'quota_exhausted', 'no_quota_headers', 'bad_response'] as const)(
    'never retries %s',
    async (kind) => {
      const { attempt, calls } = scripted([kind, null]);
      expect((await withRetries(attempt, policy([]))).error_kind).toBe(kind);
      expect(calls()).toBe(1);
      expect(isRetryable(kind)).toBe(false);
    },
  );
});
