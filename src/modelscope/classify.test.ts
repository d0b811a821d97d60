import { describe, expect, it } from 'vitest';
import { classifyProbeResponse } from './classify';
import { NO_QUOTA } from './quota-headers';

const FULL = { request_limit: 2000, request_remaining: 1500, model_request_limit: 100, model_request_remaining: 40 };
const EXHAUSTED = { ...FULL, model_request_remaining: 0 };

function classify(status: number, quota = NO_QUOTA, upstreamMessage: string | null = null, quotaHeadersSent = quota !== NO_QUOTA) {
  return classifyProbeResponse({ status, quota, quotaHeadersSent, upstreamMessage });
}

describe('classifyProbeResponse', () => {
  it('a 2xx with numbers is a plain result', () => {
    expect(classify(200, FULL)).toEqual({ kind: null, error: null });
  });

  it('a 2xx without any quota header says so plainly, never as 0', () => {
    expect(classify(200)).toEqual({ kind: 'no_quota_headers', error: 'ModelScope reported no quota for this model' });
  });

  it('a 2xx whose quota headers are all unreadable is a bad response', () => {
    expect(classify(200, NO_QUOTA, null, true).kind).toBe('bad_response');
  });

  it.each([
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [400, 'bad_request'],
    [422, 'bad_request'],
    [500, 'upstream'],
    [502, 'upstream'],
    [302, 'bad_response'],
  ])('HTTP %d is %s', (status, kind) => expect(classify(status).kind).toBe(kind));

  it('a 429 whose headers say 0 left is an exhausted quota, with the numbers kept for the caller', () => {
    expect(classify(429, EXHAUSTED, 'Request limit exceeded.')).toEqual({
      kind: 'quota_exhausted',
      error: 'HTTP 429: Request limit exceeded.',
    });
  });

  it('any other 429 means too many at once', () => {
    expect(classify(429, NO_QUOTA, 'Request limit exceeded.').kind).toBe('rate_limited');
    expect(classify(429, FULL).kind).toBe('rate_limited');
  });

  it('error text carries the status and the upstream message, or the status alone', () => {
    expect(classify(403, NO_QUOTA, 'please bind your alibaba cloud account before use').error).toBe(
      'HTTP 403: please bind your alibaba cloud account before use',
    );
    expect(classify(502).error).toBe('HTTP 502');
  });
});
