// Proves every behaviour of the fake ModelScope over real HTTP(S) requests.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_LIMIT,
  AUTH_FAILED_MESSAGE,
  CATALOGUE_CREATED,
  CATALOGUE_IDS,
  DEMO_KEY,
  DEMO_MAGICUBE,
  FAKE_BAD_REQUEST,
  FAKE_BUSY,
  FAKE_BUSY_ONCE,
  FAKE_ECHO_KEY,
  FAKE_EXHAUSTED,
  FAKE_FLAKY,
  FAKE_FORBIDDEN,
  FAKE_GARBAGE_HEADERS,
  FAKE_HANGUP,
  FAKE_HTML_502,
  FAKE_HUGE_ERROR,
  FAKE_MODELS,
  POOL_MODELS,
  FAKE_NO_HEADERS,
  FAKE_NOT_JSON,
  FAKE_PARTIAL_HEADERS,
  FAKE_RESET,
  FAKE_SLOW,
  HUGE_ERROR_LENGTH,
  LIMIT_EXCEEDED_MESSAGE,
  MAGICUBE_LIMITED_KEY,
  QUOTA_HEADERS,
  REAL_MODELS,
  REVOKED_KEY,
  SERVED_MODELS,
  THINKING_MESSAGE,
  UNBOUND_KEY,
  UNBOUND_MESSAGE,
} from './behaviours';
import { CERT_NAMES, fakeCertificate } from './certificate';
import { startFakeModelScope, type FakeModelScope } from './server';

const OTHER_KEY = 'ms-' + '1234'.repeat(8);
const QWEN = 'Qwen/Qwen3-Coder-480B-A35B-Instruct';
const GLM = 'ZhipuAI/GLM-4.7';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const probeBody = (model: string) =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 1, stream: false, enable_thinking: false });

function post(fake: FakeModelScope, body: string, key: string | null = DEMO_KEY, signal?: AbortSignal) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  return fetch(`${fake.url}/v1/chat/completions`, { method: 'POST', headers, body, signal });
}

const probe = (fake: FakeModelScope, model: string, key: string | null = DEMO_KEY) => post(fake, probeBody(model), key);

function quota(res: Response) {
  return {
    accountLimit: res.headers.get(QUOTA_HEADERS.accountLimit),
    accountRemaining: res.headers.get(QUOTA_HEADERS.accountRemaining),
    modelLimit: res.headers.get(QUOTA_HEADERS.modelLimit),
    modelRemaining: res.headers.get(QUOTA_HEADERS.modelRemaining),
  };
}

const NO_QUOTA = { accountLimit: null, accountRemaining: null, modelLimit: null, modelRemaining: null };

function magicube(fake: FakeModelScope, key: string | null) {
  const headers: Record<string, string> = key === null ? {} : { authorization: `Bearer ${key}` };
  return fetch(`${fake.url}/openapi/v1/magicubes/balance`, { headers });
}

async function expectLimitExceeded(res: Response) {
  expect(res.status).toBe(429);
  const body = await res.json();
  expect(body.errors.message).toBe(LIMIT_EXCEEDED_MESSAGE);
  expect(body.errors.request_id).toMatch(UUID);
}

async function expectCompletion(res: Response, model: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  const body = await res.json();
  expect(body).toMatchObject({
    object: 'chat.completion',
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: 'H' }, finish_reason: 'length' }],
    usage: { completion_tokens: 1 },
  });
  expect(body.id).toEqual(expect.any(String));
}

describe('fake ModelScope over HTTP', () => {
  let fake: FakeModelScope;
  beforeAll(async () => {
    fake = await startFakeModelScope({ slowMs: 150 });
  });
  afterEach(() => {
    fake.setOptions({ latencyMs: 0, jitterMs: 0, transientFailureRate: 0, maxInFlight: undefined, slowMs: 150 });
    fake.reset();
  });
  afterAll(() => fake.close());

  it('listens on 127.0.0.1 on a random port', () => {
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}`);
    expect(fake.port).toBeGreaterThan(0);
    expect(fake.spkiHash).toBeNull();
  });

  describe('real models', () => {
    it.each([...REAL_MODELS, ...SERVED_MODELS].map((m) => [m.id, m.modelLimit] as const))(
      '%s answers 200 with all four headers counting this call (limit %i)',
      async (model, limit) => {
        const res = await probe(fake, model);
        expect(quota(res)).toEqual({
          accountLimit: String(ACCOUNT_LIMIT),
          accountRemaining: String(ACCOUNT_LIMIT - 1),
          modelLimit: String(limit),
          modelRemaining: String(limit - 1),
        });
        await expectCompletion(res, model);
      },
    );

    it('counts per key and model, with the account count shared across models', async () => {
      await probe(fake, GLM);
      await probe(fake, GLM);
      const third = await probe(fake, 'ZhipuAI/GLM-5.1');
      expect(quota(third)).toEqual({ accountLimit: '2000', accountRemaining: '1997', modelLimit: '200', modelRemaining: '199' });
      const again = await probe(fake, GLM);
      expect(quota(again).modelRemaining).toBe('497');
      const otherKey = await probe(fake, GLM, OTHER_KEY);
      expect(quota(otherKey)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '500', modelRemaining: '499' });
    });

    it('answers 429 with remaining 0 once the model is used up, without spending more', async () => {
      fake.setModelRemaining(DEMO_KEY, GLM, 1);
      const last = await probe(fake, GLM);
      expect(last.status).toBe(200);
      expect(quota(last)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '500', modelRemaining: '0' });
      for (let i = 0; i < 2; i++) {
        const refused = await probe(fake, GLM);
        expect(quota(refused)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '500', modelRemaining: '0' });
        await expectLimitExceeded(refused);
      }
      expect((await probe(fake, GLM, OTHER_KEY)).status).toBe(200);
    });

    it('answers 429 with account remaining 0 once the account is used up', async () => {
      fake.setAccountRemaining(DEMO_KEY, 0);
      const refused = await probe(fake, 'moonshotai/Kimi-K2.5');
      expect(quota(refused)).toEqual({ accountLimit: '2000', accountRemaining: '0', modelLimit: '500', modelRemaining: '500' });
      await expectLimitExceeded(refused);
    });

    it('refuses to set counters for models it does not count, or to impossible values', () => {
      expect(() => fake.setModelRemaining(DEMO_KEY, FAKE_NO_HEADERS, 3)).toThrow(/does not count/);
      expect(() => fake.setModelRemaining(DEMO_KEY, GLM, -1)).toThrow(/whole number/);
      expect(() => fake.setAccountRemaining(DEMO_KEY, 1.5)).toThrow(/whole number/);
    });

    it('requires enable_thinking:false for Qwen3 models only', async () => {
      for (const extra of [{}, { enable_thinking: true }]) {
        const body = JSON.stringify({ model: QWEN, messages: [{ role: 'user', content: 'hi' }], max_tokens: 1, ...extra });
        const res = await post(fake, body);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: { message: THINKING_MESSAGE } });
      }
      const glm = await post(fake, JSON.stringify({ model: GLM, messages: [], max_tokens: 1 }));
      expect(glm.status).toBe(200);
      expect(quota(await probe(fake, QWEN)).modelRemaining).toBe('499');
    });
  });

  describe('keys', () => {
    const revokedLike: [string, string | null][] = [
      ['revoked', REVOKED_KEY],
      ['missing', null],
      ['malformed', 'sk-0123456789abcdef0123456789abcdef'],
      ['upper-case hex', 'ms-' + 'ABCD'.repeat(8)],
    ];

    it.each(revokedLike)('a %s key gets 401 with the auth message and no quota headers', async (_, key) => {
      const res = await probe(fake, GLM, key);
      expect(res.status).toBe(401);
      expect(quota(res)).toEqual(NO_QUOTA);
      const body = await res.json();
      expect(body.error.message).toBe(AUTH_FAILED_MESSAGE);
      expect(body.error.request_id).toMatch(UUID);
    });

    it('rejects a non-Bearer Authorization header', async () => {
      const res = await fetch(`${fake.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Basic ${DEMO_KEY}` },
        body: probeBody(GLM),
      });
      expect(res.status).toBe(401);
    });

    it('checks the key before the model', async () => {
      expect((await probe(fake, 'no/such-model', REVOKED_KEY)).status).toBe(401);
    });

    it('an unbound key gets 403 on chat completions', async () => {
      const res = await probe(fake, GLM, UNBOUND_KEY);
      expect(res.status).toBe(403);
      expect(quota(res)).toEqual(NO_QUOTA);
      const body = await res.json();
      expect(body.error.message).toBe(UNBOUND_MESSAGE);
      expect(body.error.request_id).toMatch(UUID);
    });

    it('the Magicube-limited key still probes normally', async () => {
      expect((await probe(fake, GLM, MAGICUBE_LIMITED_KEY)).status).toBe(200);
    });
  });

  describe('malformed probes', () => {
    it.each([
      ['not JSON', '{model:'],
      ['no model', JSON.stringify({ messages: [] })],
      ['a numeric model', JSON.stringify({ model: 7 })],
      ['a JSON string', JSON.stringify(GLM)],
    ])('a body that is %s gets 400 with no body', async (_, body) => {
      const res = await post(fake, body);
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('');
    });

    it('an unknown model gets 404 naming it', async () => {
      const res = await probe(fake, 'Qwen/Retired-Model');
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.error.message).toBe('Model not found: Qwen/Retired-Model');
      expect(body.error.request_id).toMatch(UUID);
    });

    it('model ids are case-sensitive', async () => {
      expect((await probe(fake, GLM.toLowerCase())).status).toBe(404);
    });
  });

  describe('special models', () => {
    it('lists every special model with a description', () => {
      expect(FAKE_MODELS).toHaveLength(16);
      for (const m of FAKE_MODELS) {
        expect(m.id).toMatch(/^fake\//);
        expect(m.description.length).toBeGreaterThan(10);
      }
    });

    it('fake/no-headers: 200 and none of the four headers', async () => {
      const res = await probe(fake, FAKE_NO_HEADERS);
      expect(quota(res)).toEqual(NO_QUOTA);
      await expectCompletion(res, FAKE_NO_HEADERS);
    });

    it('fake/garbage-headers: 200 with unusable header values', async () => {
      const res = await probe(fake, FAKE_GARBAGE_HEADERS);
      expect(quota(res)).toEqual({ accountLimit: '', accountRemaining: 'abc', modelLimit: '-5', modelRemaining: '12.5' });
      await expectCompletion(res, FAKE_GARBAGE_HEADERS);
    });

    it('fake/partial-headers: only the model headers, counting down', async () => {
      const first = await probe(fake, FAKE_PARTIAL_HEADERS);
      expect(quota(first)).toEqual({ accountLimit: null, accountRemaining: null, modelLimit: '300', modelRemaining: '299' });
      await expectCompletion(first, FAKE_PARTIAL_HEADERS);
      expect(quota(await probe(fake, FAKE_PARTIAL_HEADERS)).modelRemaining).toBe('298');
    });

    it('fake/exhausted: 429 with the account left and the model at 0', async () => {
      const res = await probe(fake, FAKE_EXHAUSTED);
      expect(quota(res)).toEqual({ accountLimit: '2000', accountRemaining: '1500', modelLimit: '100', modelRemaining: '0' });
      await expectLimitExceeded(res);
    });

    it('fake/busy: 429 without quota headers, every time', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await probe(fake, FAKE_BUSY);
        expect(quota(res)).toEqual(NO_QUOTA);
        await expectLimitExceeded(res);
      }
    });

    it('fake/busy-once: busy on the first call per key since reset, then a normal model', async () => {
      const first = await probe(fake, FAKE_BUSY_ONCE);
      expect(quota(first)).toEqual(NO_QUOTA);
      await expectLimitExceeded(first);
      const second = await probe(fake, FAKE_BUSY_ONCE);
      expect(quota(second)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '400', modelRemaining: '399' });
      await expectCompletion(second, FAKE_BUSY_ONCE);
      expect((await probe(fake, FAKE_BUSY_ONCE, OTHER_KEY)).status).toBe(429);
      fake.reset();
      expect((await probe(fake, FAKE_BUSY_ONCE)).status).toBe(429);
    });

    it('fake/bad-request: 400 with an empty body', async () => {
      const res = await probe(fake, FAKE_BAD_REQUEST);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-length')).toBe('0');
      expect(await res.text()).toBe('');
    });

    it('fake/forbidden: 403 bind message even for a valid key', async () => {
      const res = await probe(fake, FAKE_FORBIDDEN);
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toBe(UNBOUND_MESSAGE);
    });

    it('fake/html-502: an nginx HTML gateway page', async () => {
      const res = await probe(fake, FAKE_HTML_502);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toBe('text/html');
      const page = await res.text();
      expect(page).toMatch(/^<html>\r\n<head><title>502 Bad Gateway<\/title>/);
      expect(page).toContain('<center>nginx</center>');
    });

    it('fake/flaky: 503 HTML on the first call per key, then a normal model', async () => {
      const first = await probe(fake, FAKE_FLAKY);
      expect(first.status).toBe(503);
      expect(first.headers.get('content-type')).toBe('text/html');
      expect(await first.text()).toContain('<title>503 Service Temporarily Unavailable</title>');
      const second = await probe(fake, FAKE_FLAKY);
      expect(quota(second)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '300', modelRemaining: '299' });
      await expectCompletion(second, FAKE_FLAKY);
      expect((await probe(fake, FAKE_FLAKY, OTHER_KEY)).status).toBe(503);
    });

    it('fake/slow: waits slowMs, then answers normally', async () => {
      fake.setOptions({ slowMs: 200 });
      const started = performance.now();
      const res = await probe(fake, FAKE_SLOW);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(quota(res).modelRemaining).toBe('299');
      await expectCompletion(res, FAKE_SLOW);
    });

    it('fake/slow: survives a client abort and does not spend the aborted call', async () => {
      const controller = new AbortController();
      const aborted = post(fake, probeBody(FAKE_SLOW), DEMO_KEY, controller.signal);
      setTimeout(() => controller.abort(), 30);
      await expect(aborted).rejects.toThrow(/abort/i);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = await probe(fake, FAKE_SLOW);
      expect(quota(next).modelRemaining).toBe('299');
    });

    it('fake/reset: sends 200 and the headers, then drops the connection mid-body', async () => {
      const res = await probe(fake, FAKE_RESET);
      expect(res.status).toBe(200);
      expect(quota(res)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '300', modelRemaining: '299' });
      await expect(res.text()).rejects.toThrow();
    });

    it('fake/hangup: drops the connection before answering', async () => {
      await expect(probe(fake, FAKE_HANGUP)).rejects.toThrow(/fetch failed/);
      expect(fake.probes(FAKE_HANGUP)).toHaveLength(1);
    });

    it('fake/not-json: 200 text/plain with the four headers', async () => {
      const res = await probe(fake, FAKE_NOT_JSON);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(quota(res)).toEqual({ accountLimit: '2000', accountRemaining: '1999', modelLimit: '300', modelRemaining: '299' });
      expect(await res.text()).toBe('this is not json');
    });

    it('fake/echo-key: 400 whose message contains the full key sent', async () => {
      const res = await probe(fake, FAKE_ECHO_KEY, OTHER_KEY);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.message).toBe(`invalid token ${OTHER_KEY} for model fake/echo-key`);
      expect(body.error.request_id).toMatch(UUID);
    });

    it('fake/huge-error: 500 JSON with a 100,000-character message', async () => {
      const res = await probe(fake, FAKE_HUGE_ERROR);
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error.message).toHaveLength(HUGE_ERROR_LENGTH);
    });
  });

  describe('GET /v1/models', () => {
    it('lists the catalogue without auth and without spending anything', async () => {
      const res = await fetch(`${fake.url}/v1/models`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.object).toBe('list');
      expect(body.data.map((m: { id: string }) => m.id)).toEqual(CATALOGUE_IDS);
      expect(body.data).toContainEqual({ id: GLM, object: 'model', owned_by: 'ZhipuAI', created: CATALOGUE_CREATED });
      expect(body.data).toContainEqual({ id: FAKE_SLOW, object: 'model', owned_by: 'fake', created: CATALOGUE_CREATED });
      expect(fake.probes()).toHaveLength(0);
      expect(quota(await probe(fake, GLM)).accountRemaining).toBe('1999');
    });

    it('holds every real model, those seen served since, every fake model but fake/hangup, and the pool', () => {
      expect(CATALOGUE_IDS).toEqual([
        ...REAL_MODELS.map((m) => m.id),
        ...SERVED_MODELS.map((m) => m.id),
        ...FAKE_MODELS.map((m) => m.id).filter((id) => id !== FAKE_HANGUP),
        ...POOL_MODELS,
      ]);
    });
  });

  describe('GET /openapi/v1/magicubes/balance', () => {
    it('answers the balance for a valid key (also an unbound one)', async () => {
      for (const key of [DEMO_KEY, UNBOUND_KEY]) {
        const res = await magicube(fake, key);
        expect(res.status).toBe(200);
        const body = await res.json();
        expect(body).toEqual({ success: true, request_id: expect.stringMatching(UUID), data: { ...DEMO_MAGICUBE } });
        expect(body.data.total_balance).toBe(body.data.available_balance + body.data.frozen_amount);
      }
    });

    it.each([
      ['revoked', REVOKED_KEY],
      ['missing', null],
      ['malformed', 'ms-short'],
    ])('a %s key gets 401 InvalidToken', async (_, key) => {
      const res = await magicube(fake, key);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        success: false,
        code: 'InvalidToken',
        message: 'Invalid token',
        request_id: expect.stringMatching(UUID),
      });
    });

    it('the Magicube-limited key gets 429 QuotaLimitExceed', async () => {
      const res = await magicube(fake, MAGICUBE_LIMITED_KEY);
      expect(res.status).toBe(429);
      expect(await res.json()).toEqual({
        success: false,
        code: 'QuotaLimitExceed',
        message: 'quota limit exceeded',
        request_id: expect.stringMatching(UUID),
      });
    });

    it('does not touch call quotas', async () => {
      await magicube(fake, DEMO_KEY);
      await magicube(fake, DEMO_KEY);
      expect(quota(await probe(fake, GLM))).toMatchObject({ accountRemaining: '1999', modelRemaining: '499' });
    });
  });

  describe('other paths', () => {
    it.each([
      ['GET', '/'],
      ['GET', '/v1/chat/completions'],
      ['POST', '/v1/models'],
      ['GET', '/v1/completions'],
    ])('%s %s gets 404 Not found', async (method, path) => {
      const res = await fetch(`${fake.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { message: 'Not found' } });
    });
  });

  describe('recording', () => {
    it('records every request in order, with the Host header', async () => {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(`${fake.url}/v1/chat/completions?x=1`, {
          method: 'POST',
          headers: { host: 'api-inference.modelscope.cn', authorization: `Bearer ${DEMO_KEY}` },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end(probeBody(GLM));
      });
      expect(status).toBe(200);
      const before = Date.now();
      await magicube(fake, DEMO_KEY);
      await fetch(`${fake.url}/v1/models`);

      expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
        ['POST', '/v1/chat/completions?x=1'],
        ['GET', '/openapi/v1/magicubes/balance'],
        ['GET', '/v1/models'],
      ]);
      const [chat, balance] = fake.requests;
      expect(chat).toMatchObject({
        host: 'api-inference.modelscope.cn',
        model: GLM,
        authorization: `Bearer ${DEMO_KEY}`,
        body: probeBody(GLM),
      });
      expect(balance).toMatchObject({ host: `127.0.0.1:${fake.port}`, model: null, body: '' });
      expect(balance!.at).toBeGreaterThanOrEqual(before);
      expect(fake.probes().map((r) => r.model)).toEqual([GLM]);
    });

    it('probes() filters chat completions by model', async () => {
      await probe(fake, GLM);
      await probe(fake, FAKE_BUSY);
      await probe(fake, GLM, null);
      expect(fake.probes()).toHaveLength(3);
      expect(fake.probes(GLM).map((r) => r.authorization)).toEqual([`Bearer ${DEMO_KEY}`, null]);
      expect(fake.probes(FAKE_BUSY)).toHaveLength(1);
    });

    it('reset() clears requests and counters', async () => {
      await probe(fake, GLM);
      fake.reset();
      expect(fake.requests).toHaveLength(0);
      expect(quota(await probe(fake, GLM)).modelRemaining).toBe('499');
    });
  });

  describe('timing and load options', () => {
    it('latencyMs delays chat completions only', async () => {
      fake.setOptions({ latencyMs: 150 });
      let started = performance.now();
      await fetch(`${fake.url}/v1/models`);
      expect(performance.now() - started).toBeLessThan(100);
      started = performance.now();
      expect((await probe(fake, GLM)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('jitterMs adds up to jitterMs more', async () => {
      fake.setOptions({ jitterMs: 60, seed: 7 });
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        await probe(fake, GLM);
        times.push(performance.now() - started);
      }
      expect(Math.max(...times)).toBeLessThan(60 + 40);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(5);
    });

    it('transientFailureRate answers 503 HTML pages, repeatably for a seed', async () => {
      fake.setOptions({ transientFailureRate: 0.5, seed: 42 });
      const run = async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) {
          const res = await probe(fake, GLM);
          if (res.status === 503) expect(await res.text()).toContain('<center>nginx</center>');
          statuses.push(res.status);
        }
        return statuses;
      };
      const first = await run();
      expect(new Set(first)).toEqual(new Set([200, 503]));
      fake.reset();
      expect(await run()).toEqual(first);
      fake.setOptions({ transientFailureRate: 1 });
      expect((await fetch(`${fake.url}/v1/models`)).status).toBe(200);
      expect((await probe(fake, GLM)).status).toBe(503);
    });

    it('maxInFlight refuses extra concurrent calls with a header-less 429', async () => {
      fake.setOptions({ maxInFlight: 2, latencyMs: 150 });
      const responses = await Promise.all([1, 2, 3, 4].map(() => probe(fake, GLM)));
      const ok = responses.filter((r) => r.status === 200);
      const busy = responses.filter((r) => r.status === 429);
      expect(ok).toHaveLength(2);
      expect(busy).toHaveLength(2);
      for (const res of busy) {
        expect(quota(res)).toEqual(NO_QUOTA);
        await expectLimitExceeded(res);
      }
      expect(fake.inFlightPeak).toBe(2);
      expect((await probe(fake, GLM)).status).toBe(200);
    });

    it('inFlightPeak counts concurrent chat completions and resets', async () => {
      fake.setOptions({ latencyMs: 100 });
      await Promise.all([1, 2, 3].map(() => probe(fake, GLM)));
      expect(fake.inFlightPeak).toBe(3);
      await probe(fake, GLM);
      expect(fake.inFlightPeak).toBe(3);
      fake.reset();
      expect(fake.inFlightPeak).toBe(0);
      await probe(fake, GLM);
      expect(fake.inFlightPeak).toBe(1);
    });
  });

  it('close() ends keep-alive and half-answered connections', async () => {
    const other = await startFakeModelScope({ slowMs: 5000 });
    expect((await probe(other, GLM)).status).toBe(200);
    const pending = probe(other, FAKE_SLOW);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe('fake ModelScope over HTTPS', () => {
  let fake: FakeModelScope;
  beforeAll(async () => {
    fake = await startFakeModelScope({ https: true });
  });
  afterAll(() => fake.close());

  interface HttpsReply {
    status: number | undefined;
    headers: Record<string, string | string[] | undefined>;
    body: string;
    peer: X509Certificate;
  }

  /** An https request that trusts only the fake's certificate, checked against `servername` (default: the IP). */
  function send(path: string, options: { servername?: string; key?: string; body?: string } = {}) {
    const { cert } = fakeCertificate();
    const headers = options.key ? { authorization: `Bearer ${options.key}` } : {};
    const method = options.body === undefined ? 'GET' : 'POST';
    return new Promise<HttpsReply>((resolve, reject) => {
      const req = httpsRequest(`${fake.url}${path}`, { method, headers, ca: cert, servername: options.servername, agent: false });
      req.on('response', (res) => {
        const peer = (res.socket as TLSSocket).getPeerX509Certificate();
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          if (peer) resolve({ status: res.statusCode, headers: res.headers, body, peer });
          else reject(new Error('no peer certificate'));
        });
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  it('serves a certificate trusted for 127.0.0.1 and the ModelScope names', async () => {
    expect(fake.url).toBe(`https://127.0.0.1:${fake.port}`);
    const direct = await send('/v1/models');
    expect(direct.status).toBe(200);
    expect(JSON.parse(direct.body).data).toHaveLength(CATALOGUE_IDS.length);
    for (const name of CERT_NAMES) {
      expect((await send('/openapi/v1/magicubes/balance', { servername: name })).status).toBe(401);
    }
    await expect(send('/v1/models', { servername: 'example.com' })).rejects.toThrow(/altnames/);
  });

  it('spkiHash is base64 sha256 of the served public key, as openssl computes it', async () => {
    expect(fake.spkiHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const { peer } = await send('/v1/models');
    const served = createHash('sha256').update(peer.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
    expect(served).toBe(fake.spkiHash);
    const spki = execFileSync('/usr/bin/openssl', ['x509', '-pubkey', '-noout'], { input: fakeCertificate().cert });
    const der = execFileSync('/usr/bin/openssl', ['pkey', '-pubin', '-outform', 'der'], { input: spki });
    expect(createHash('sha256').update(der).digest('base64')).toBe(fake.spkiHash);
  });

  it('reuses the cached certificate', () => {
    const started = performance.now();
    const again = fakeCertificate();
    expect(performance.now() - started).toBeLessThan(200);
    expect(again.spkiHash).toBe(fake.spkiHash);
  });

  it('answers chat completions and Magicube over HTTPS', async () => {
    const chat = await send('/v1/chat/completions', { servername: CERT_NAMES[0], key: DEMO_KEY, body: probeBody(GLM) });
    expect(chat.status).toBe(200);
    expect(chat.headers[QUOTA_HEADERS.modelRemaining]).toBe('499');
    const balance = await send('/openapi/v1/magicubes/balance', { servername: CERT_NAMES[1], key: DEMO_KEY });
    expect(JSON.parse(balance.body).data).toEqual(DEMO_MAGICUBE);
  });
});
