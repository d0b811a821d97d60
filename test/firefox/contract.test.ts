// The message contract in real Firefox, from our own extension page, against the fake at ModelScope's production URLs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BalanceReplySchema, HealthReplySchema, MagicubeReplySchema } from '@src/contract';
import { DEMO_KEY, DEMO_MAGICUBE, FAKE_EXHAUSTED, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { launchFirefox, type FirefoxSession } from './harness';

const GLM = 'ZhipuAI/GLM-4.7';
let session: FirefoxSession;
beforeAll(async () => {
  session = await launchFirefox();
});
afterAll(() => session?.close());
beforeEach(() => session.fake.reset());

describe('the contract in Firefox ESR', () => {
  it('answers health with the manifest version', async () => {
    expect(HealthReplySchema.parse(await session.send({ type: 'health' }))).toEqual({
      status: 'healthy',
      service: 'ModelScope Balance Query',
      version: '0.1.0',
    });
  });

  it('refuses invalid requests without sending anything to ModelScope', async () => {
    for (const message of [null, 'balance', {}, { type: 'nope' }, { type: 'balance', models: [], api_key: DEMO_KEY }, { type: 'balance', models: [GLM], api_key: ' ' }]) {
      const reply = BalanceReplySchema.parse(await session.send(message));
      expect(reply, JSON.stringify(message)).toMatchObject({ success: false, data: [], error: { code: 'invalid_request' } });
    }
    expect(session.modelScopeRequests()).toEqual([]);
  });

  it('probes a model over HTTPS at the production URL and reads every quota header', async () => {
    const reply = BalanceReplySchema.parse(await session.send({ type: 'balance', api_key: DEMO_KEY, models: [GLM], force: true }));
    expect(reply).toMatchObject({
      success: true,
      message: 'Checked 1 model: 1 ok, 0 failed',
      data: [{ model: GLM, request_limit: 2000, request_remaining: 1999, model_request_limit: 500, model_request_remaining: 499, error: null, status: 200, cached: false }],
    });
    const probes = session.fake.probes();
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ method: 'POST', host: 'api-inference.modelscope.cn', authorization: `Bearer ${DEMO_KEY}` });
    expect(JSON.stringify(reply)).not.toContain(DEMO_KEY);
  });

  it('says a refused key is refused, for the balance and for the Magicube balance', async () => {
    const reply = BalanceReplySchema.parse(await session.send({ type: 'balance', api_key: REVOKED_KEY, models: [GLM], force: true }));
    expect(reply.data).toMatchObject([{ model: GLM, error_kind: 'auth', status: 401, model_request_remaining: null }]);
    expect(MagicubeReplySchema.parse(await session.send({ type: 'magicube', api_key: REVOKED_KEY }))).toMatchObject({ success: false, data: null, error: { code: 'auth' } });
    expect(JSON.stringify(reply)).not.toContain(REVOKED_KEY);
  });

  it('reports an exhausted model as exhausted with 0 left, not as an error of ours', async () => {
    const reply = BalanceReplySchema.parse(await session.send({ type: 'balance', api_key: DEMO_KEY, models: [FAKE_EXHAUSTED], force: true }));
    expect(reply.data).toMatchObject([{ model: FAKE_EXHAUSTED, error_kind: 'quota_exhausted', status: 429, model_request_limit: 100, model_request_remaining: 0 }]);
    expect(session.fake.probes(FAKE_EXHAUSTED)).toHaveLength(1);
  });

  it('reads the Magicube balance from modelscope.cn without spending a call', async () => {
    expect(MagicubeReplySchema.parse(await session.send({ type: 'magicube', api_key: DEMO_KEY }))).toMatchObject({ success: true, data: DEMO_MAGICUBE });
    const requests = session.modelScopeRequests();
    expect(requests.map((request) => [request.method, request.host, request.path.split('?')[0]])).toEqual([['GET', 'modelscope.cn', '/openapi/v1/magicubes/balance']]);
    expect(session.fake.probes()).toEqual([]);
  });
});
