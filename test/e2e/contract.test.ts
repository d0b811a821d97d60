import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BalanceReplySchema, CreditsReplySchema, HealthReplySchema, MagicubeReplySchema, ModelsReplySchema } from '@src/contract';
import {
  DEMO_KEY,
  DEMO_MAGICUBE,
  FAKE_BAD_REQUEST,
  FAKE_BUSY,
  FAKE_ECHO_KEY,
  FAKE_EXHAUSTED,
  FAKE_FORBIDDEN,
  FAKE_GARBAGE_HEADERS,
  FAKE_HANGUP,
  FAKE_HTML_502,
  FAKE_NO_HEADERS,
  FAKE_NOT_JSON,
  FAKE_SLOW,
  POOL_MODELS,
  REVOKED_KEY,
} from '../fake-modelscope/behaviours';
import { seededKey } from '../support/seeds';
import { launchExtension, type ExtensionSession } from './harness';

const GLM = 'ZhipuAI/GLM-4.7';
let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(() => session?.close());
beforeEach(() => session.fake.reset());

describe('the contract in real Chromium, from our own pages and from another extension', () => {
  it('answers health with the manifest version', async () => {
    const expected = { status: 'healthy', service: 'ModelScope Balance Query', version: '0.1.0' };
    expect(HealthReplySchema.parse(await session.send({ type: 'health' }))).toEqual(expected);
    expect(HealthReplySchema.parse(await session.sendExternal({ type: 'health' }))).toEqual(expected);
  });

  it('checks models over HTTPS at the production URL and reads every quota header', async () => {
    const reply = BalanceReplySchema.parse(await session.sendExternal({ type: 'balance', api_key: DEMO_KEY, models: [GLM] }));
    expect(reply).toMatchObject({
      success: true,
      message: 'Checked 1 model: 1 ok, 0 failed',
      data: [{ model: GLM, request_limit: 2000, request_remaining: 1999, model_request_limit: 500, model_request_remaining: 499, error: null, status: 200, cached: false }],
    });
    expect(session.fake.probes()).toHaveLength(1);
    expect(session.fake.probes()[0]).toMatchObject({ host: 'api-inference.modelscope.cn', authorization: `Bearer ${DEMO_KEY}` });
  });

  it.each(['send', 'sendExternal'] as const)('classifies every upstream behaviour per model, in one batch (%s)', async (sender) => {
    const models = [GLM, FAKE_NO_HEADERS, FAKE_GARBAGE_HEADERS, FAKE_EXHAUSTED, FAKE_BUSY, FAKE_BAD_REQUEST, FAKE_FORBIDDEN, FAKE_HTML_502, FAKE_NOT_JSON, FAKE_ECHO_KEY, FAKE_HANGUP, 'nobody/missing'];
    const reply = BalanceReplySchema.parse(await session[sender]({ type: 'balance', api_key: DEMO_KEY, models, force: true }));
    const outcome = Object.fromEntries(reply.data.map((item) => [item.model, [item.error_kind, item.status, item.model_request_remaining]]));
    expect(outcome).toEqual({
      [GLM]: [null, 200, 499],
      [FAKE_NO_HEADERS]: ['no_quota_headers', 200, null],
      [FAKE_GARBAGE_HEADERS]: ['bad_response', 200, null],
      [FAKE_EXHAUSTED]: ['quota_exhausted', 429, 0],
      [FAKE_BUSY]: ['rate_limited', 429, null],
      [FAKE_BAD_REQUEST]: ['bad_request', 400, null],
      [FAKE_FORBIDDEN]: ['forbidden', 403, null],
      [FAKE_HTML_502]: ['upstream', 502, null],
      [FAKE_NOT_JSON]: [null, 200, 299],
      [FAKE_ECHO_KEY]: ['bad_request', 400, null],
      [FAKE_HANGUP]: ['network', null, null],
      'nobody/missing': ['not_found', 404, null],
    });
    expect(JSON.stringify(reply)).not.toContain(DEMO_KEY);
    // Retried twice each: too-many-at-once and the 502. Nothing that a retry cannot change.
    const counts = Object.fromEntries(models.map((model) => [model, session.fake.probes(model).length]));
    const { [FAKE_HANGUP]: hangups, ...others } = counts;
    expect(others).toEqual({ ...Object.fromEntries(models.map((model) => [model, 1])), [FAKE_BUSY]: 3, [FAKE_HTML_502]: 3, [FAKE_HANGUP]: undefined });
    // Three tries by the extension; Chromium itself resends a request whose reused connection closed unanswered.
    expect(hangups).toBeGreaterThanOrEqual(3);
  });

  it('gives up on a slow model at the timeout setting', async () => {
    session.fake.setOptions({ slowMs: 8000 });
    await session.send({ type: 'health' });
    const page = await session.openPage('options');
    await page.evaluate(() => chrome.storage.local.set({ checkSettings: { concurrency: 10, timeoutSeconds: 1, cacheSeconds: 60, probeEveryModel: false } }));
    const reply = BalanceReplySchema.parse(await session.send({ type: 'balance', api_key: DEMO_KEY, models: [FAKE_SLOW] }));
    expect(reply.data[0]).toMatchObject({ error_kind: 'timeout', status: null });
    expect(session.fake.probes(FAKE_SLOW)).toHaveLength(3);
    await page.evaluate(() => chrome.storage.local.remove('checkSettings'));
    await page.close();
  });

  it.each(['send', 'sendExternal'] as const)('refuses every invalid request without spending a call (%s)', async (sender) => {
    for (const message of [null, 'balance', {}, { type: 'nope' }, { type: 'balance', models: [], api_key: DEMO_KEY }, { type: 'balance', models: [' '], api_key: DEMO_KEY }, { type: 'balance', models: [GLM], api_key: ' ' }, { type: 'balance', models: [GLM] }]) {
      const reply = BalanceReplySchema.parse(await session[sender](message));
      expect(reply).toMatchObject({ success: false, data: [], error: { code: 'invalid_request' } });
    }
    expect(session.fake.requests).toHaveLength(0);
  });

  it('never lets another extension use the saved key', async () => {
    const page = await session.openPage('options');
    await page.evaluate((seed) => chrome.storage.local.set(seed), seededKey(DEMO_KEY));
    const mine = BalanceReplySchema.parse(await session.send({ type: 'balance', models: [GLM], force: true }));
    expect(mine.success).toBe(true);
    // The page that carries our messages is the popup, which reads the free account picture once a key is saved (the
    // balance among its five reads; our check also read the free spend ledger around GLM's call, to learn its price).
    await expect.poll(() => session.fake.requests.filter((request) => request.path.includes('magicubes/balance')).length).toBe(1);
    // The picture's five reads go out together but arrive one by one: wait until they all have, and nothing more comes.
    const onlyThePicture = ['magicubes/earn/rules', 'magicubes/spend/rates', 'type=EARN'];
    await expect.poll(() => onlyThePicture.every((part) => session.fake.requests.some((request) => request.path.includes(part)))).toBe(true);
    let seen = -1;
    await expect
      .poll(async () => {
        const settled = session.fake.requests.length === seen;
        seen = session.fake.requests.length;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return settled && session.fake.requests.length === seen;
      })
      .toBe(true);
    const requestsBefore = session.fake.requests.length;
    const theirs = BalanceReplySchema.parse(await session.sendExternal({ type: 'balance', models: [GLM] }));
    expect(theirs).toMatchObject({ success: false, error: { field: 'api_key' } });
    expect(MagicubeReplySchema.parse(await session.sendExternal({ type: 'magicube' }))).toMatchObject({ success: false, data: null });
    expect(session.fake.requests.slice(requestsBefore)).toEqual([]);
    expect(session.fake.probes()).toHaveLength(1);
    await page.evaluate(() => chrome.storage.local.remove('keyring'));
    await page.close();
  });

  it('reads the Magicube balance and the catalogue for free', async () => {
    expect(MagicubeReplySchema.parse(await session.sendExternal({ type: 'magicube', api_key: DEMO_KEY }))).toMatchObject({ success: true, data: DEMO_MAGICUBE });
    expect(MagicubeReplySchema.parse(await session.send({ type: 'magicube', api_key: REVOKED_KEY }))).toMatchObject({ success: false, error: { code: 'auth' } });
    const models = ModelsReplySchema.parse(await session.send({ type: 'models' }));
    expect(models.data).toContain(GLM);
    expect(session.fake.probes()).toHaveLength(0);
  });

  it('tells another extension each model’s offer with no key at all: no account read, no key sent, no call', async () => {
    const reply = CreditsReplySchema.parse(await session.sendExternal({ type: 'credits', models: ['deepseek-ai/DeepSeek-V4-Pro', GLM, 'nobody/such-model'] }));
    // The unknown id got ModelScope's 500, which may also mean it is down: not every offer was read.
    expect(reply).toMatchObject({ success: false, message: 'Read the provider list for 2 of 3 models; no key was given, so no account was read' });
    expect(reply.data?.offers).toMatchObject([
      { model: 'deepseek-ai/DeepSeek-V4-Pro', served: true, price: 2, tier: 'ultra', providers: ['DashScope'], status: 'ok' },
      { model: GLM, served: false, price: null, tier: null, providers: ['DashScope'], status: 'ok' },
      { model: 'nobody/such-model', served: null, price: null, status: 'no_such_model', read_at: null },
    ]);
    expect(reply.data?.balance).toBeNull();
    expect(reply.data?.sources.balance).toEqual({ status: 'not_read', read_at: null, dropped: 0 });
    expect(session.fake.requests.map((request) => request.path.split('?')[0])).toEqual(Array(3).fill('/api/v1/inference/list_model_providers'));
    expect(session.fake.requests.every((request) => request.authorization === null)).toBe(true);
    expect(session.fake.probes()).toHaveLength(0);
  });

  it('runs balance’s models at once from our own page too, with no price learning in the way', async () => {
    const page = await session.openPage('options');
    await page.evaluate((seed) => chrome.storage.local.set(seed), seededKey(DEMO_KEY));
    session.fake.setOptions({ latencyMs: 400 });
    const eight = POOL_MODELS.slice(10, 18);
    const reply = BalanceReplySchema.parse(await page.evaluate((models) => chrome.runtime.sendMessage({ type: 'balance', models, force: true }), eight));
    session.fake.setOptions({ latencyMs: 0 });
    expect(reply).toMatchObject({ success: true, message: 'Checked 8 models: 8 ok, 0 failed' });
    // Sent together, not one after another as the learning lane did: as many in flight as Chromium lets an extension
    // have on one HTTP/1.1 host (6), the rest as soon as those answer.
    expect(session.fake.inFlightPeak).toBeGreaterThanOrEqual(6);
    expect(eight.map((model) => session.fake.probes(model).length)).toEqual(Array(8).fill(1));
    await page.evaluate(() => chrome.storage.local.remove('keyring'));
    await page.close();
  });
});
