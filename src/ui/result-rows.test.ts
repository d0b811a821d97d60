import { describe, expect, it } from 'vitest';
import type { BalanceItem } from '@src/contract';
import { orderRows, resultsAsText } from './result-rows';
import { balanceItem } from '@test/support/balance-item';

function item(model: string, model_request_remaining: number | null, request_remaining: number | null = 1500): BalanceItem {
  return balanceItem(model, { request_remaining, model_request_remaining, latency_ms: 1, checked_at: '2026-11-27T01:00:00.000Z' });
}

describe('orderRows', () => {
  const results = { a: item('a', 300), b: item('b', 10), c: item('c', null, null), d: item('d', 10) };
  it('keeps the user’s order by default', () => {
    expect(orderRows(['a', 'b', 'c', 'd', 'e'], results, 'list')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('puts the fewest calls left first, unknowns last, ties in list order', () => {
    expect(orderRows(['a', 'b', 'c', 'd', 'e'], results, 'remaining')).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
});

describe('resultsAsText', () => {
  it('gives a header and one tab-separated line per model, blanks for unknowns', () => {
    const text = resultsAsText(['a', 'z'], { a: item('a', 321) });
    expect(text.split('\n')).toEqual([
      'model\tmodel_request_remaining\tmodel_request_limit\trequest_remaining\trequest_limit\tchecked_at\terror',
      'a\t321\t500\t1500\t2000\t2026-11-27T01:00:00.000Z\t',
      'z\t\t\t\t\t\t',
    ]);
  });
});
