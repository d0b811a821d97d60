import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '@src/modelscope/probe';
import { orderRows, resultsAsText } from './result-rows';
import { probeResult, NO_NUMBERS } from '@test/support/balance-item';
import { rowsFor, type RowInputs } from '@test/support/rows';

function item(model: string, model_request_remaining: number | null, request_remaining: number | null = 1500): ProbeResult {
  return probeResult(model, { request_remaining, model_request_remaining, latency_ms: 1, checked_at: '2026-11-27T01:00:00.000Z' });
}
const noHeaders = (model: string) => probeResult(model, { ...NO_NUMBERS, error_kind: 'no_quota_headers', checked_at: '2026-11-27T01:00:00.000Z' });

/** 30 credits available; `f` costs 2 a call (15 calls left), `g` 0.5 (60 calls left). */
const credits: RowInputs = {
  prices: {
    models: {
      f: { tier: 'flagship', rawTier: '旗舰', price: 2, learned_at: 1, source: 'ledger' },
      g: { tier: 'lightweight', rawTier: '轻量', price: 0.5, learned_at: 1, source: 'manual' },
    },
    notes: {},
  },
  balance: { available: 30, source: { status: 'ok', readAt: 1 } },
};

describe('orderRows', () => {
  const results = { a: item('a', 300), b: item('b', 10), c: item('c', null, null), d: item('d', 10) };
  const order = (models: string[], inputs: Record<string, ProbeResult>, how: 'list' | 'remaining', rowInputs: RowInputs = {}) =>
    orderRows(rowsFor(models, inputs, rowInputs), how).map((row) => row.model);
  it('keeps the user’s order by default', () => {
    expect(order(['a', 'b', 'c', 'd', 'e'], results, 'list')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('puts the fewest calls left first, unknowns last, ties in list order', () => {
    expect(order(['a', 'b', 'c', 'd', 'e'], results, 'remaining')).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
  it('ranks a model without quota headers by the calls its price leaves from the balance', () => {
    const mixed = { ...results, f: noHeaders('f'), g: noHeaders('g'), u: noHeaders('u') };
    expect(order(['a', 'g', 'u', 'f', 'b'], mixed, 'remaining', credits)).toEqual(['b', 'f', 'g', 'a', 'u']);
  });
});

describe('resultsAsText', () => {
  it('gives a header and one tab-separated line per model, blanks for unknowns', () => {
    const text = resultsAsText(rowsFor(['a', 'z'], { a: item('a', 321) }));
    expect(text.split('\n')).toEqual([
      'model\tmodel_request_remaining\tmodel_request_limit\trequest_remaining\trequest_limit\tchecked_at\terror\tcalls_left_estimate\tcredits_per_call\ttier',
      'a\t321\t500\t1500\t2000\t2026-11-27T01:00:00.000Z\t\t\t\t',
      'z\t\t\t\t\t\t\t\t\t',
    ]);
  });
  it('adds the calls left derived from the balance, the price they assume and its tier', () => {
    const text = resultsAsText(rowsFor(['f', 'u'], { f: noHeaders('f'), u: noHeaders('u') }, credits));
    expect(text.split('\n').slice(1).map((line) => line.split('\t').slice(7))).toEqual([
      ['15', '2', 'flagship'],
      ['', '', ''],
    ]);
  });
});
