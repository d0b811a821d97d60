import { describe, expect, it } from 'vitest';
import type { BalanceItem } from '@src/contract';
import { NO_ROW_CREDITS, type RowCredits } from './calls-left';
import { orderRows, resultsAsText } from './result-rows';
import { balanceItem, NO_NUMBERS } from '@test/support/balance-item';

function item(model: string, model_request_remaining: number | null, request_remaining: number | null = 1500): BalanceItem {
  return balanceItem(model, { request_remaining, model_request_remaining, latency_ms: 1, checked_at: '2026-11-27T01:00:00.000Z' });
}
const noHeaders = (model: string) => balanceItem(model, { ...NO_NUMBERS, error_kind: 'no_quota_headers', checked_at: '2026-11-27T01:00:00.000Z' });

/** 30 credits available; `f` costs 2 a call (15 calls left), `g` 0.5 (60 calls left). */
const credits: RowCredits = {
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
  it('keeps the user’s order by default', () => {
    expect(orderRows(['a', 'b', 'c', 'd', 'e'], results, NO_ROW_CREDITS, 'list')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('puts the fewest calls left first, unknowns last, ties in list order', () => {
    expect(orderRows(['a', 'b', 'c', 'd', 'e'], results, NO_ROW_CREDITS, 'remaining')).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
  it('ranks a model without quota headers by the calls its price leaves from the balance', () => {
    const mixed = { ...results, f: noHeaders('f'), g: noHeaders('g'), u: noHeaders('u') };
    expect(orderRows(['a', 'g', 'u', 'f', 'b'], mixed, credits, 'remaining')).toEqual(['b', 'f', 'g', 'a', 'u']);
  });
});

describe('resultsAsText', () => {
  it('gives a header and one tab-separated line per model, blanks for unknowns', () => {
    const text = resultsAsText(['a', 'z'], { a: item('a', 321) }, NO_ROW_CREDITS);
    expect(text.split('\n')).toEqual([
      'model\tmodel_request_remaining\tmodel_request_limit\trequest_remaining\trequest_limit\tchecked_at\terror\tcalls_left_estimate\tcredits_per_call\ttier',
      'a\t321\t500\t1500\t2000\t2026-11-27T01:00:00.000Z\t\t\t\t',
      'z\t\t\t\t\t\t\t\t\t',
    ]);
  });
  it('adds the calls left derived from the balance, the price they assume and its tier', () => {
    const text = resultsAsText(['f', 'u'], { f: noHeaders('f'), u: noHeaders('u') }, credits);
    expect(text.split('\n').slice(1).map((line) => line.split('\t').slice(7))).toEqual([
      ['15', '2', 'flagship'],
      ['', '', ''],
    ]);
  });
});
