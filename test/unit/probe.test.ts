import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeModel } from '@src/modelscope/probe';
import {
  DEMO_KEY,
  FAKE_BAD_REQUEST,
  FAKE_BUSY,
  FAKE_ECHO_KEY,
  FAKE_EXHAUSTED,
  FAKE_FORBIDDEN,
  FAKE_GARBAGE_HEADERS,
  FAKE_HANGUP,
  FAKE_HTML_502,
  FAKE_HUGE_ERROR,
  FAKE_NO_HEADERS,
  FAKE_NOT_JSON,
  FAKE_PARTIAL_HEADERS,
  FAKE_RESET,
  FAKE_SLOW,
  REVOKED_KEY,
  UNBOUND_KEY,
} from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { fetchRoutedTo } from '../support/routed-fetch';

let fake: FakeModelScope;
let fetchFn: typeof fetch;
beforeAll(async () => {
  fake = await startFakeModelScope({ slowMs: 1500 });
  fetchFn = fetchRoutedTo(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const probe = (model: string, key = DEMO_KEY, timeoutMs = 5000) => probeModel(model, key, { site: 'cn', timeoutMs, fetchFn });

describe('probeModel against the fake ModelScope', () => {
  it('sends the one known probe request with the key as a Bearer token and reads the four headers', async () => {
    const outcome = await probe('ZhipuAI/GLM-4.7');
    expect(outcome).toMatchObject({
      request_limit: 2000,
      request_remaining: 1999,
      model_request_limit: 500,
      model_request_remaining: 499,
      error_kind: null,
      error: null,
      status: 200,
    });
    expect(outcome.latency_ms).toBeGreaterThanOrEqual(0);
    const [sent] = fake.probes();
    expect(sent?.authorization).toBe(`Bearer ${DEMO_KEY}`);
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      model: 'ZhipuAI/GLM-4.7',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 1,
      stream: false,
      enable_thinking: false,
    });
  });

  it('passes the thinking-model check (enable_thinking: false)', async () => {
    expect((await probe('Qwen/Qwen3-Coder-480B-A35B-Instruct')).error_kind).toBeNull();
  });

  it('reports a 2xx without quota headers as no_quota_headers with null numbers, never 0', async () => {
    expect(await probe(FAKE_NO_HEADERS)).toMatchObject({
      request_limit: null,
      request_remaining: null,
      model_request_limit: null,
      model_request_remaining: null,
      error_kind: 'no_quota_headers',
      error: 'ModelScope reported no quota for this model',
      status: 200,
    });
  });

  it('turns garbage headers into nulls and says the answer was unreadable', async () => {
    expect(await probe(FAKE_GARBAGE_HEADERS)).toMatchObject({
      request_limit: null,
      request_remaining: null,
      model_request_limit: null,
      model_request_remaining: null,
      error_kind: 'bad_response',
    });
  });

  it('keeps the headers that were sent when others are missing', async () => {
    expect(await probe(FAKE_PARTIAL_HEADERS)).toMatchObject({
      request_limit: null,
      model_request_limit: 300,
      model_request_remaining: 299,
      error_kind: null,
    });
  });

  it('ignores a 2xx body that is not JSON: the headers are the answer', async () => {
    expect(await probe(FAKE_NOT_JSON)).toMatchObject({ model_request_limit: 300, error_kind: null });
  });

  it('ignores a 2xx body that breaks off mid-way', async () => {
    expect((await probe(FAKE_RESET)).error_kind).toBeNull();
  });

  it.each([
    ['a refused key', 'ZhipuAI/GLM-4.7', REVOKED_KEY, 'auth', 401, 'HTTP 401: Authentication failed, please make sure that a valid ModelScope token is supplied.'],
    ['an unbound account', 'ZhipuAI/GLM-4.7', UNBOUND_KEY, 'forbidden', 403, 'HTTP 403: please bind your alibaba cloud account before use'],
    ['a forbidden model', FAKE_FORBIDDEN, DEMO_KEY, 'forbidden', 403, 'HTTP 403: please bind your alibaba cloud account before use'],
    ['an unknown model', 'nobody/no-such-model', DEMO_KEY, 'not_found', 404, 'HTTP 404: Model not found: nobody/no-such-model'],
    ['a 400 with no body', FAKE_BAD_REQUEST, DEMO_KEY, 'bad_request', 400, 'HTTP 400'],
    ['a too-many-at-once 429', FAKE_BUSY, DEMO_KEY, 'rate_limited', 429, 'HTTP 429: Request limit exceeded.'],
    ['an HTML gateway page', FAKE_HTML_502, DEMO_KEY, 'upstream', 502, 'HTTP 502'],
  ])('classifies %s', async (_, model, key, kind, status, error) => {
    expect(await probe(model, key)).toMatchObject({ error_kind: kind, status, error });
  });

  it('keeps the numbers of an exhausted quota', async () => {
    expect(await probe(FAKE_EXHAUSTED)).toMatchObject({
      error_kind: 'quota_exhausted',
      status: 429,
      request_remaining: 1500,
      model_request_limit: 100,
      model_request_remaining: 0,
      error: 'HTTP 429: Request limit exceeded.',
    });
  });

  it('never puts the key into error text, even when ModelScope echoes it', async () => {
    const outcome = await probe(FAKE_ECHO_KEY);
    expect(outcome.error_kind).toBe('bad_request');
    expect(outcome.error).toContain('ms-***');
    expect(outcome.error).not.toContain(DEMO_KEY);
  });

  it('bounds a huge error body', async () => {
    const outcome = await probe(FAKE_HUGE_ERROR);
    expect(outcome.error_kind).toBe('upstream');
    expect(outcome.error?.length).toBeLessThan(400);
  });

  it('gives up at the timeout', async () => {
    const outcome = await probe(FAKE_SLOW, DEMO_KEY, 200);
    expect(outcome).toMatchObject({ error_kind: 'timeout', status: null, model_request_remaining: null });
    expect(outcome.latency_ms).toBeGreaterThanOrEqual(190);
    expect(outcome.latency_ms).toBeLessThan(1000);
  });

  it('reports a dropped connection as a network error', async () => {
    expect(await probe(FAKE_HANGUP)).toMatchObject({ error_kind: 'network', status: null });
  });

  it('reports an unreachable host as a network error', async () => {
    const unreachable: typeof fetch = () => fetch('http://127.0.0.1:9/');
    const outcome = await probeModel('ZhipuAI/GLM-4.7', DEMO_KEY, { site: 'cn', timeoutMs: 2000, fetchFn: unreachable });
    expect(outcome.error_kind).toBe('network');
  });
});
