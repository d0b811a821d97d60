import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkModels, type CheckOptions } from '@src/engine/check-models';
import type { RetryPolicy } from '@src/engine/retry';
import { SingleFlight } from '@src/engine/single-flight';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { sessionResultCache } from '@src/account/results';
import {
  DEMO_KEY,
  FAKE_BUSY,
  FAKE_BUSY_ONCE,
  FAKE_EXHAUSTED,
  FAKE_FLAKY,
  FAKE_HTML_502,
  FAKE_NO_HEADERS,
  limitExceededBody,
  POOL_MODELS,
  quotaHeaders,
  REAL_MODELS,
  REVOKED_KEY,
} from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { fetchRoutedTo } from '../support/routed-fetch';
import { jsonResponse } from '../support/stub-fetch';

const REAL_IDS = REAL_MODELS.map((model) => model.id);
const quickRetries: RetryPolicy = { maxRetries: 2, backoffMs: () => 5, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
const noWaitRetries: RetryPolicy = { maxRetries: 2, backoffMs: () => 0, sleep: async () => {} };

/** Lets every continuation that is ready run (a macrotask comes after all pending microtasks). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A ModelScope whose probes the test answers one by one: each waits, taking a slot, until `answerOldest`; one that
 * arrives while `limit` wait gets the header-less 429 of "too many at once" at once. No timings, so no flakiness.
 */
function heldUpstream(limit: number) {
  const waiting: Array<() => void> = [];
  let requests = 0;
  let refused = 0;
  let peak = 0;
  const fetchFn: typeof fetch = async () => {
    requests += 1;
    if (waiting.length >= limit) {
      refused += 1;
      return jsonResponse(429, limitExceededBody());
    }
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      peak = Math.max(peak, waiting.length);
    });
    const quota = { accountLimit: 2000, accountRemaining: 1999, modelLimit: 500, modelRemaining: 499 };
    return new Response(JSON.stringify({ choices: [] }), { status: 200, headers: quotaHeaders(quota, 'all') });
  };
  return {
    fetchFn,
    held: () => waiting.length,
    requests: () => requests,
    refused: () => refused,
    peak: () => peak,
    async answerOldest() {
      waiting.shift()?.();
      await settle();
    },
  };
}

let fake: FakeModelScope;
let singleFlight: SingleFlight<ProbeOutcome>;
beforeAll(async () => {
  fake = await startFakeModelScope();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.setOptions({ latencyMs: 0, maxInFlight: undefined });
  fakeBrowser.reset();
  singleFlight = new SingleFlight();
});

function check(models: string[], options: Partial<CheckOptions> = {}, key = DEMO_KEY) {
  return checkModels(models, key, `id-${key.slice(3, 11)}`, { cache: sessionResultCache, singleFlight }, {
    site: 'cn',
    concurrency: 10,
    timeoutMs: 5000,
    cacheMaxAgeMs: 60_000,
    force: false,
    fetchFn: fetchRoutedTo(fake),
    retryPolicy: quickRetries,
    ...options,
  });
}

describe('checkModels', () => {
  it('gives one item per model in the order asked, with the original fields and ours', async () => {
    const items = await check([REAL_IDS[2]!, REAL_IDS[0]!, FAKE_NO_HEADERS]);
    expect(items.map((item) => item.model)).toEqual([REAL_IDS[2], REAL_IDS[0], FAKE_NO_HEADERS]);
    expect(items[0]).toMatchObject({ model_request_remaining: expect.any(Number), error: null, cached: false, status: 200 });
    expect(Date.parse(items[0]!.checked_at)).not.toBeNaN();
    expect(items[2]).toMatchObject({ error_kind: 'no_quota_headers', model_request_remaining: null });
  });

  it('starts with no more probes in flight than the concurrency setting', async () => {
    const upstream = heldUpstream(Infinity);
    const finished = check(REAL_IDS, { concurrency: 3, fetchFn: upstream.fetchFn, retryPolicy: noWaitRetries });
    await settle();
    expect(upstream.held()).toBe(3);
    while (upstream.held() > 0) await upstream.answerOldest();
    await finished;
    expect(upstream.requests()).toBe(REAL_IDS.length);
  });

  it('halves concurrency when ModelScope says too many at once, learns its limit, and every model still ends with numbers', async () => {
    const upstream = heldUpstream(3);
    const finished = check(REAL_IDS, { concurrency: 10, fetchFn: upstream.fetchFn, retryPolicy: noWaitRetries });
    await settle();
    // Seven arrive together: three are taken, four refused; the limit halves, and falls to 3 since 4 at once was refused.
    expect(upstream.held()).toBe(3);
    expect(upstream.refused()).toBe(4);
    while (upstream.held() > 0) await upstream.answerOldest();
    const items = await finished;
    expect(items.every((item) => item.error === null && item.model_request_remaining !== null)).toBe(true);
    // The four refused were tried once more, three at a time at most: none was refused again.
    expect(upstream.refused()).toBe(4);
    expect(upstream.requests()).toBe(REAL_IDS.length + 4);
    expect(upstream.peak()).toBe(3);
  });

  it('grows concurrency while ModelScope takes every probe, to 20 in flight and never more', async () => {
    const upstream = heldUpstream(Infinity);
    const models = POOL_MODELS.slice(0, 50);
    const finished = check(models, { concurrency: 10, fetchFn: upstream.fetchFn, retryPolicy: noWaitRetries });
    await settle();
    expect(upstream.held()).toBe(10);
    // Each answer of the first ten frees its slot and adds one: twenty in flight once they are in.
    for (let answered = 0; answered < 10; answered += 1) await upstream.answerOldest();
    expect(upstream.held()).toBe(20);
    while (upstream.held() > 0) await upstream.answerOldest();
    expect((await finished).every((item) => item.model_request_remaining !== null)).toBe(true);
    expect(upstream.requests()).toBe(models.length);
    expect(upstream.peak()).toBe(20);
  });

  it.each([
    [FAKE_BUSY, 'rate_limited', 3],
    [FAKE_HTML_502, 'upstream', 3],
    [FAKE_EXHAUSTED, 'quota_exhausted', 1],
    ['nobody/no-such-model', 'not_found', 1],
  ])('%s ends as %s after exactly %d request(s)', async (model, kind, requests) => {
    const [item] = await check([model]);
    expect(item?.error_kind).toBe(kind);
    expect(fake.probes(model)).toHaveLength(requests);
  });

  it('recovers from one transient failure with one retry', async () => {
    const items = await check([FAKE_FLAKY, FAKE_BUSY_ONCE]);
    expect(items.map((item) => item.error)).toEqual([null, null]);
    expect(fake.probes(FAKE_FLAKY)).toHaveLength(2);
    expect(fake.probes(FAKE_BUSY_ONCE)).toHaveLength(2);
  });

  it('does not retry a refused key', async () => {
    const items = await check(REAL_IDS.slice(0, 3), {}, REVOKED_KEY);
    expect(items.map((item) => item.error_kind)).toEqual(['auth', 'auth', 'auth']);
    expect(fake.probes()).toHaveLength(3);
  });

  it('reuses a fresh result instead of spending another call, and marks it cached', async () => {
    const [first] = await check([REAL_IDS[0]!]);
    const [second] = await check([REAL_IDS[0]!]);
    expect(fake.probes()).toHaveLength(1);
    expect(second).toEqual({ ...first, cached: true });
  });

  it('probes again when forced, when the cache is off, or for another key', async () => {
    await check([REAL_IDS[0]!]);
    await check([REAL_IDS[0]!], { force: true });
    await check([REAL_IDS[0]!], { cacheMaxAgeMs: 0 });
    await check([REAL_IDS[0]!], {}, `ms-${'1'.repeat(32)}`);
    expect(fake.probes()).toHaveLength(4);
  });

  it('treats a result older than the cache age as stale', async () => {
    await check([REAL_IDS[0]!]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await check([REAL_IDS[0]!], { cacheMaxAgeMs: 20 });
    expect(fake.probes()).toHaveLength(2);
  });

  it('does not cache errors: a failed model is tried again next time', async () => {
    await check(['nobody/no-such-model']);
    await check(['nobody/no-such-model']);
    expect(fake.probes()).toHaveLength(2);
  });

  it('shares one probe between two identical checks at the same time, even a forced one', async () => {
    fake.setOptions({ latencyMs: 40 });
    const [a, b] = await Promise.all([check([REAL_IDS[0]!]), check([REAL_IDS[0]!], { force: true })]);
    expect(fake.probes()).toHaveLength(1);
    expect(a[0]?.model_request_remaining).toBe(b[0]?.model_request_remaining);
  });

  it('reports every request it sent, retries included, so paid calls can be accounted for', async () => {
    const attempts: Array<[string, number | null]> = [];
    const items = await check([FAKE_FLAKY, 'fake/hangup'], { onAttempt: (model, outcome) => void attempts.push([model, outcome.status]) });
    expect(items.map((item) => item.status)).toEqual([200, null]);
    expect(attempts.filter(([model]) => model === FAKE_FLAKY)).toEqual([[FAKE_FLAKY, 503], [FAKE_FLAKY, 200]]);
    expect(attempts.filter(([model]) => model === 'fake/hangup')).toEqual([['fake/hangup', null], ['fake/hangup', null], ['fake/hangup', null]]);
  });

  it('gives a fresh result no price: what a call costs is for the view to work out', async () => {
    const [item] = await check([REAL_IDS[0]!]);
    expect(item).not.toHaveProperty('price');
    expect(item).not.toHaveProperty('calls_left_estimate');
  });

  it('reports each result as it arrives', async () => {
    const seen: string[] = [];
    await check(REAL_IDS.slice(0, 3), { onResult: (item) => void seen.push(item.model) });
    expect([...seen].sort()).toEqual(REAL_IDS.slice(0, 3).sort());
  });
});
