import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkModels, type CheckOptions } from '@src/engine/check-models';
import type { RetryPolicy } from '@src/engine/retry';
import { SingleFlight } from '@src/engine/single-flight';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { sessionResultCache } from '@src/storage/result-cache';
import {
  DEMO_KEY,
  FAKE_BUSY,
  FAKE_BUSY_ONCE,
  FAKE_EXHAUSTED,
  FAKE_FLAKY,
  FAKE_HTML_502,
  FAKE_NO_HEADERS,
  REAL_MODELS,
  REVOKED_KEY,
} from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { fetchRoutedTo } from '../support/routed-fetch';

const REAL_IDS = REAL_MODELS.map((model) => model.id);
const quickRetries: RetryPolicy = { maxRetries: 2, backoffMs: () => 5, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

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

  it('keeps no more probes in flight than the concurrency setting', async () => {
    fake.setOptions({ latencyMs: 40 });
    await check(REAL_IDS, { concurrency: 3 });
    expect(fake.probes()).toHaveLength(REAL_IDS.length);
    expect(fake.inFlightPeak).toBe(3);
  });

  it('halves concurrency when ModelScope says too many at once, and every model still ends with numbers', async () => {
    fake.setOptions({ latencyMs: 40, maxInFlight: 3 });
    const items = await check(REAL_IDS, { concurrency: 10 });
    expect(items.every((item) => item.error === null && item.model_request_remaining !== null)).toBe(true);
    // Seven arrive together: three are served, four refused, and the limit halves once (10 to 5) for that wave.
    // Two retries fit under 5 while the first three still run and are refused: one more halving (to 2). The rest
    // then run two at a time, within what the upstream allows.
    expect(fake.probes()).toHaveLength(REAL_IDS.length + 4 + 2);
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

  it('gives a fresh result no price: that is for whoever knows prices to fill in', async () => {
    const [item] = await check([REAL_IDS[0]!]);
    expect(item).toMatchObject({ price: null, calls_left_estimate: null });
  });

  it('reports each result as it arrives', async () => {
    const seen: string[] = [];
    await check(REAL_IDS.slice(0, 3), { onResult: (item) => void seen.push(item.model) });
    expect([...seen].sort()).toEqual(REAL_IDS.slice(0, 3).sort());
  });
});
