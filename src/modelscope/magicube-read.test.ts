import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch, textResponse, type StubAnswer } from '@test/support/stub-fetch';
import { magicubeSpendRatesUrl } from './endpoints';
import { readMagicubeData } from './magicube-read';

const KEY = `ms-${'ab12'.repeat(8)}`;

function read(answer: StubAnswer, timeoutMs = 1000) {
  const stub = stubFetch(() => answer);
  return { outcome: readMagicubeData(magicubeSpendRatesUrl('cn'), KEY, { timeoutMs, fetchFn: stub.fetchFn }), stub };
}

describe('readMagicubeData', () => {
  it('gives the data of a successful answer, having sent the Bearer token alone and no cookies', async () => {
    const { outcome, stub } = read(jsonResponse(200, { success: true, data: { rates: [] } }));
    expect(await outcome).toEqual({ ok: true, status: 200, data: { rates: [] } });
    const [sent] = stub.requests;
    expect(sent?.method).toBe('GET');
    expect(sent?.credentials).toBe('omit');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    // A real capture got every source with the Bearer token alone: the key goes nowhere else in the request.
    expect([...sent!.headers.keys()]).toEqual(['authorization']);
  });

  it.each([
    ['401 InvalidToken', jsonResponse(401, { success: false, code: 'InvalidToken', message: 'Invalid token' }), 401, 'InvalidToken'],
    ['403 without a body', new Response(null, { status: 403 }), 403, null],
    ['403 with a permission code', jsonResponse(403, { success: false, code: 'PermissionDenied' }), 403, 'PermissionDenied'],
    ['200 success:false with an auth code', jsonResponse(200, { success: false, code: 'InvalidToken' }), 200, 'InvalidToken'],
    ['200 success:false with a login code', jsonResponse(200, { success: false, code: 'NeedLogin' }), 200, 'NeedLogin'],
  ])('calls %s refused', async (_, response, status, detail) => {
    expect(await read(response).outcome).toEqual({ ok: false, reason: 'refused', status, detail });
  });

  it.each([
    ['a 200 with nothing in it', jsonResponse(200, {}), null],
    ['success:true without data', jsonResponse(200, { success: true, request_id: 'r' }), null],
    ['success:true with data null', jsonResponse(200, { success: true, data: null }), null],
    ['success:true with an empty data object', jsonResponse(200, { success: true, data: {} }), null],
  ])('calls %s not returned, never empty data', async (_, response, detail) => {
    expect(await read(response).outcome).toEqual({ ok: false, reason: 'not_returned', status: 200, detail });
  });

  it.each([
    ['429 QuotaLimitExceed', jsonResponse(429, { success: false, code: 'QuotaLimitExceed', message: 'quota limit exceeded' }), 429, 'QuotaLimitExceed'],
    // A page over 100 rows is refused so: a paging limit, not the key.
    ['403 QuotaLimitExceed', jsonResponse(403, { success: false, code: 'QuotaLimitExceed', message: 'page_size too large' }), 403, 'QuotaLimitExceed'],
    ['a 502 HTML gateway page', textResponse(502, '<html><title>502 Bad Gateway</title></html>'), 502, null],
    ['200 success:false with another code', jsonResponse(200, { success: false, code: 'SystemBusy' }), 200, 'SystemBusy'],
  ])('calls %s an upstream error', async (_, response, status, detail) => {
    expect(await read(response).outcome).toEqual({ ok: false, reason: 'upstream_error', status, detail });
  });

  it.each([
    ['an HTML page', textResponse(200, '<html>login</html>')],
    ['a JSON array', jsonResponse(200, [1, 2])],
    ['a success flag that is not a boolean', jsonResponse(200, { success: 'true', data: { rates: [] } })],
    ['an empty body', new Response('', { status: 200 })],
  ])('calls a 200 with %s unreadable', async (_, response) => {
    expect(await read(response).outcome).toEqual({ ok: false, reason: 'unreadable', status: 200, detail: null });
  });

  it('calls a network error or a missed deadline unreachable', async () => {
    expect(await read('network-error').outcome).toEqual({ ok: false, reason: 'unreachable', status: null, detail: 'network' });
    expect(await read('hang', 20).outcome).toEqual({ ok: false, reason: 'unreachable', status: null, detail: 'timeout' });
  });

  it('never repeats the key, nor a code that is not a short identifier', async () => {
    for (const code of [KEY, `Bad${KEY}`, 'has spaces in it', 'x'.repeat(61), 42]) {
      const outcome = await read(jsonResponse(401, { success: false, code, message: `bad token ${KEY}` })).outcome;
      expect(outcome).toEqual({ ok: false, reason: 'refused', status: 401, detail: null });
      expect(JSON.stringify(outcome)).not.toContain(KEY);
    }
  });
});
