import { describe, expect, it } from 'vitest';
import { hasAnyQuotaHeader, isExhausted, NO_QUOTA, parseCount, parseMonthlyQuota, parseQuotaHeaders, QUOTA_HEADERS } from './quota-headers';

describe('parseCount', () => {
  it.each([
    ['499', 499],
    [' 12 ', 12],
    ['0', 0],
  ])('reads %j as %d', (raw, expected) => expect(parseCount(raw)).toBe(expected));

  it.each([null, '', '   ', 'abc', '-5', '12.5', '1e3', '0x10', '99999999999999999999', 'NaN', 'Infinity'])(
    'reads %j as null, never 0 or NaN',
    (raw) => expect(parseCount(raw)).toBeNull(),
  );
});

describe('parseQuotaHeaders', () => {
  it('reads the monthly headers apart from the daily ones, as the international site sends them', () => {
    const headers = new Headers({
      'modelscope-ratelimit-model-month-requests-limit': '5500',
      'ModelScope-RateLimit-Model-Month-Requests-Remaining': '5123',
    });
    expect(parseQuotaHeaders(headers)).toEqual(NO_QUOTA);
    expect(parseMonthlyQuota(headers)).toEqual({ model_month_request_limit: 5500, model_month_request_remaining: 5123 });
    expect(hasAnyQuotaHeader(headers)).toBe(true);
  });

  it('counts a month with no calls left as exhausted', () => {
    expect(isExhausted({ ...NO_QUOTA, model_month_request_limit: 5500, model_month_request_remaining: 0 })).toBe(true);
    expect(isExhausted({ ...NO_QUOTA, model_month_request_limit: 5500, model_month_request_remaining: 1 })).toBe(false);
  });

  it('reads all four daily headers whatever their case', () => {
    const headers = new Headers({
      'ModelScope-RateLimit-Requests-Limit': '2000',
      'modelscope-ratelimit-requests-remaining': '1999',
      'modelscope-ratelimit-model-requests-limit': '500',
      'modelscope-ratelimit-model-requests-remaining': '0',
    });
    expect(parseQuotaHeaders(headers)).toEqual({
      request_limit: 2000,
      request_remaining: 1999,
      model_request_limit: 500,
      model_request_remaining: 0,
    });
  });

  it('keeps the readable headers and nulls the rest', () => {
    const headers = new Headers({ [QUOTA_HEADERS.model_request_limit]: '300', [QUOTA_HEADERS.request_remaining]: 'abc' });
    expect(parseQuotaHeaders(headers)).toEqual({
      request_limit: null,
      request_remaining: null,
      model_request_limit: 300,
      model_request_remaining: null,
    });
    expect(hasAnyQuotaHeader(headers)).toBe(true);
    expect(hasAnyQuotaHeader(new Headers({ 'content-type': 'application/json' }))).toBe(false);
  });
});

describe('isExhausted', () => {
  const none = { request_limit: null, request_remaining: null, model_request_limit: null, model_request_remaining: null };
  it('is true when the model or the account has 0 left', () => {
    expect(isExhausted({ ...none, model_request_remaining: 0 })).toBe(true);
    expect(isExhausted({ ...none, request_remaining: 0, model_request_remaining: 5 })).toBe(true);
  });
  it('is false when nothing says 0', () => {
    expect(isExhausted(none)).toBe(false);
    expect(isExhausted({ ...none, model_request_remaining: 1 })).toBe(false);
  });
});
