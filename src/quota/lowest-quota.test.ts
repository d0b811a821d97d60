import { describe, expect, it } from 'vitest';
import { balanceItem, NO_NUMBERS } from '@test/support/balance-item';
import { effectiveQuota, lowestQuota } from './lowest-quota';

describe('effectiveQuota', () => {
  it('is the model’s figure when it is the smaller', () => {
    expect(effectiveQuota(balanceItem('a/1'))).toEqual({ remaining: 400, limit: 500, source: 'model' });
  });

  it('is the account’s figure when the account has fewer calls left than the model', () => {
    expect(effectiveQuota(balanceItem('a/1', { request_remaining: 30 }))).toEqual({ remaining: 30, limit: 2000, source: 'account' });
  });

  it('uses whichever is known', () => {
    expect(effectiveQuota({ ...NO_NUMBERS, request_remaining: 7, request_limit: 2000 })).toEqual({ remaining: 7, limit: 2000, source: 'account' });
    expect(effectiveQuota({ ...NO_NUMBERS, model_request_remaining: 9 })).toEqual({ remaining: 9, limit: null, source: 'model' });
    expect(effectiveQuota(NO_NUMBERS)).toBeNull();
  });

  it('on equal counts, takes the smaller share of its limit', () => {
    expect(effectiveQuota(balanceItem('a/1', { model_request_remaining: 10, request_remaining: 10 }))).toMatchObject({ source: 'account' });
  });
});

describe('lowestQuota', () => {
  const since = Date.parse('2026-10-04T16:00:00.000Z');

  it('picks the model with the fewest calls left, counting the account too', () => {
    const results = {
      'a/1': balanceItem('a/1', { model_request_remaining: 120 }),
      'b/2': balanceItem('b/2', { model_request_remaining: 300, request_remaining: 90 }),
      'c/3': balanceItem('c/3', { model_request_remaining: 100 }),
    };
    expect(lowestQuota(['a/1', 'b/2', 'c/3'], results, since)).toMatchObject({ model: 'b/2', remaining: 90, limit: 2000, source: 'account' });
  });

  it('looks only at the models asked for, and skips results without numbers', () => {
    const results = {
      'a/1': balanceItem('a/1', { model_request_remaining: 5 }),
      'b/2': balanceItem('b/2', { ...NO_NUMBERS, error_kind: 'no_quota_headers', error: 'none' }),
      'c/3': balanceItem('c/3', { model_request_remaining: 50 }),
    };
    expect(lowestQuota(['b/2', 'c/3'], results, since)).toMatchObject({ model: 'c/3', remaining: 50 });
    expect(lowestQuota(['b/2'], results, since)).toBeNull();
    expect(lowestQuota([], results, since)).toBeNull();
  });

  it('counts an exhausted model (0 left) as the lowest', () => {
    const results = {
      'a/1': balanceItem('a/1', { model_request_remaining: 3 }),
      'b/2': balanceItem('b/2', { model_request_remaining: 0, error_kind: 'quota_exhausted', status: 429 }),
    };
    expect(lowestQuota(['a/1', 'b/2'], results, since)).toMatchObject({ model: 'b/2', remaining: 0 });
  });

  it('ignores results from before `since` (the last reset)', () => {
    const results = {
      'a/1': balanceItem('a/1', { model_request_remaining: 1, checked_at: '2026-10-04T15:59:00.000Z' }),
      'b/2': balanceItem('b/2', { model_request_remaining: 80 }),
    };
    expect(lowestQuota(['a/1', 'b/2'], results, since)).toMatchObject({ model: 'b/2' });
  });

  it('keeps list order on a tie', () => {
    const results = { 'a/1': balanceItem('a/1'), 'b/2': balanceItem('b/2') };
    expect(lowestQuota(['b/2', 'a/1'], results, since)?.model).toBe('b/2');
  });
});
