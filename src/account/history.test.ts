import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProbeResult } from '@src/modelscope/probe';
import { startOfQuotaDays } from '@src/quota/reset-time';
import {
  HISTORY_BOUNDS,
  historyItem,
  keyHistoryOf,
  prunedHistory,
  updateHistory,
  withAdditions,
  type StoredHistory,
} from './history';
import { probeResult, NO_NUMBERS } from '@test/support/balance-item';

const NOW = Date.parse('2026-10-20T04:00:00.000Z'); // 12:00 in China on 2026-10-20
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function result(model: string, at: number, remaining: number | null = 400): ProbeResult {
  if (remaining === null) {
    return probeResult(model, { ...NO_NUMBERS, error: 'ModelScope reported no quota for this model', error_kind: 'no_quota_headers', checked_at: iso(at) });
  }
  return probeResult(model, { model_request_remaining: remaining, checked_at: iso(at) });
}

const countPoints = (history: StoredHistory) =>
  Object.values(history).reduce((sum, key) => sum + Object.values(key.models).reduce((n, points) => n + points.length, 0), 0);

beforeEach(() => fakeBrowser.reset());

describe('recording history', () => {
  it('keeps every result with numbers per key and model, in time order, once', () => {
    const first = withAdditions({}, {
      results: [
        { keyId: 'k1', item: result('a/1', NOW - HOUR, 410) },
        { keyId: 'k1', item: result('a/1', NOW - 2 * HOUR, 420) },
        { keyId: 'k2', item: result('a/1', NOW, 7) },
      ],
      readings: [{ keyId: 'k1', reading: { at: NOW, available: 140.5 } }],
    });
    const again = withAdditions(first, { results: [{ keyId: 'k1', item: result('a/1', NOW - HOUR, 410) }] });
    const k1 = keyHistoryOf(again, 'k1');
    expect(k1.models['a/1']?.map((point) => [point.at, point.model_request_remaining])).toEqual([
      [NOW - 2 * HOUR, 420],
      [NOW - HOUR, 410],
    ]);
    expect(k1.models['a/1']?.[0]).toEqual({
      at: NOW - 2 * HOUR,
      model_request_remaining: 420,
      model_request_limit: 500,
      request_remaining: 1900,
      request_limit: 2000,
    });
    expect(k1.magicube).toEqual([{ at: NOW, available: 140.5 }]);
    expect(keyHistoryOf(again, 'k2').models['a/1']).toHaveLength(1);
    expect(keyHistoryOf(again, 'nobody')).toEqual({ models: {}, magicube: [] });
  });

  it('skips results that carry no numbers', () => {
    expect(withAdditions({}, { results: [{ keyId: 'k1', item: result('a/1', NOW, null) }] })).toEqual({});
  });

  it('lands every batch in storage, one after another', async () => {
    await Promise.all([
      updateHistory({ results: [{ keyId: 'k1', item: result('a/1', NOW - HOUR) }] }, startOfQuotaDays(14, NOW)),
      updateHistory({ results: [{ keyId: 'k1', item: result('b/2', NOW) }] }, startOfQuotaDays(14, NOW)),
    ]);
    expect(Object.keys((await historyItem.get()).k1?.models ?? {}).sort()).toEqual(['a/1', 'b/2']);
  });
});

describe('pruning history', () => {
  it('keeps today and the days before it, up to the number of days asked for', () => {
    const startOfToday = Date.parse('2026-10-19T16:00:00.000Z');
    const history = withAdditions({}, {
      results: [
        { keyId: 'k1', item: result('a/1', startOfToday - 13 * 24 * HOUR) }, // first minute of the 14th day back
        { keyId: 'k1', item: result('a/1', startOfToday - 13 * 24 * HOUR - 1000) }, // a second before it
        { keyId: 'k1', item: result('b/2', startOfToday - 20 * 24 * HOUR) },
      ],
      readings: [{ keyId: 'k2', reading: { at: startOfToday - 15 * 24 * HOUR, available: 1 } }],
    });
    const pruned = prunedHistory(history, startOfQuotaDays(14, NOW));
    expect(Object.keys(pruned)).toEqual(['k1']);
    expect(pruned.k1?.models['a/1']).toHaveLength(1);
    expect(pruned.k1?.models['b/2']).toBeUndefined();
    expect(Object.keys(prunedHistory(history, startOfQuotaDays(1, NOW)))).toEqual([]);
  });

  it('keeps the most recently active keys and models within their bounds', () => {
    const results = Array.from({ length: HISTORY_BOUNDS.keys + 2 }, (_, key) =>
      Array.from({ length: HISTORY_BOUNDS.modelsPerKey + 3 }, (_, model) => ({
        keyId: `key-${key}`,
        item: result(`m/${model}`, NOW - key * HOUR - model * 1000),
      })),
    ).flat();
    const pruned = prunedHistory(withAdditions({}, { results }), startOfQuotaDays(14, NOW));
    expect(Object.keys(pruned).sort()).toEqual(Array.from({ length: HISTORY_BOUNDS.keys }, (_, key) => `key-${key}`));
    expect(Object.keys(pruned['key-0']?.models ?? {})).toHaveLength(HISTORY_BOUNDS.modelsPerKey);
    expect(pruned['key-0']?.models[`m/${HISTORY_BOUNDS.modelsPerKey}`]).toBeUndefined();
  });

  it('drops the oldest points first once there are more than the bound', () => {
    const results = Array.from({ length: HISTORY_BOUNDS.points + 500 }, (_, index) => ({
      keyId: 'k1',
      item: result(`m/${index % 40}`, NOW - index * 20_000),
    }));
    const pruned = prunedHistory(withAdditions({}, { results }), startOfQuotaDays(14, NOW));
    expect(countPoints(pruned)).toBe(HISTORY_BOUNDS.points);
    const oldestKept = Math.min(...Object.values(pruned.k1?.models ?? {}).flat().map(([at]) => at));
    expect(oldestKept).toBe(Math.floor((NOW - (HISTORY_BOUNDS.points - 1) * 20_000) / 1000));
  });

  it('stays near 1 MB in the worst case, a tenth of storage.local’s 10 MB', () => {
    // Every bound full at once: longest model ids, 7-digit counts, fractional Magicube readings, 30 days kept.
    const big = 9_999_999;
    const history: StoredHistory = {};
    for (let key = 0; key < HISTORY_BOUNDS.keys + 3; key += 1) {
      const models: StoredHistory[string]['models'] = {};
      for (let model = 0; model < HISTORY_BOUNDS.modelsPerKey + 10; model += 1) {
        const id = `${String(model).padStart(3, '0')}/${'x'.repeat(196)}`;
        // Distinct times (within 30 days), so the bound is met exactly rather than by dropping ties.
        models[id] = Array.from({ length: 120 }, (_, index) => [Math.floor(NOW / 1000) - (index * 20_000 + model * 100 + key), big, big, big, big]);
      }
      const magicube = Array.from({ length: HISTORY_BOUNDS.readingsPerKey + 100 }, (_, index) => [Math.floor(NOW / 1000) - index * 900, 1_234_567.89] as [number, number]);
      history[`fingerprint-${key}`.padEnd(16, '0')] = { models, magicube };
    }
    const pruned = prunedHistory(history, startOfQuotaDays(30, NOW));
    const bytes = JSON.stringify({ history: pruned }).length;
    expect(countPoints(pruned)).toBe(HISTORY_BOUNDS.points);
    expect(bytes).toBeLessThan(1_250_000);
    expect(bytes).toBeGreaterThan(1_000_000); // the estimate is honest: this really is the worst case
  });
});
