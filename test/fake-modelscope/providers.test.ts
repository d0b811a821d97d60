// Proves the website's provider list (who serves a model, at what tier and price), keyless, on both sites, and the
// one rule of a model's tier on a day that the list and the credit world's charges share.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DASHSCOPE_ONLY_MODELS,
  DEMO_KEY,
  FAKE_NO_HEADERS,
  MODEL_TIERS,
  MOONSHOT_ONLY_MODEL,
  OTHER_PROVIDERS,
  POOL_MODELS,
  QUOTA_HEADERS,
  REVOKED_KEY,
  TIER_PRICES,
  UNSERVED_MODEL,
  ZHIPU_ONLY_MODEL,
} from './behaviours';
import type { Repricing } from './providers';
import {
  MAGICUBE_VARIANT_DEFAULTS,
  PROVIDER_LIST_DEFAULTS,
  startFakeModelScope,
  type FakeModelScope,
  type FakeModelScopeRuntimeOptions,
} from './server';
import { AI_DEMO_KEY, AI_DISCOUNT_MODEL, AMBASSADOR_MODEL } from './sites';

const CN_WEB = 'www.modelscope.cn';
const CN_API = 'api-inference.modelscope.cn';
const AI_WEB = 'www.modelscope.ai';
const AI_API = 'api-inference.modelscope.ai';
const LIST_PATH = '/api/v1/inference/list_model_providers';
const KIMI = 'moonshotai/Kimi-K2.5'; // standard on the China site, lite on the international one
const GLM_52 = 'ZhipuAI/GLM-5.2'; // ultra, ModelScope alone
const QWEN_35 = 'Qwen/Qwen3.5-397B-A17B'; // ultra, and DashScope too
const V4_PRO = 'deepseek-ai/DeepSeek-V4-Pro'; // ultra, and DashScope too
const GLM_47 = 'ZhipuAI/GLM-4.7'; // DashScope alone
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOGO = expect.stringMatching(/^https:\/\//);
/** 2026-12-01 09:00 in Beijing. */
const DEC_1_0900 = Date.UTC(2026, 11, 1, 1);
/** 2026-12-01 23:59 in Beijing: a minute before the next Beijing day. */
const DEC_1_2359 = Date.UTC(2026, 11, 1, 15, 59);

const clock = { now: DEC_1_0900 };
const START: FakeModelScopeRuntimeOptions = { world: 'credits', now: () => clock.now };
const DEFAULTS: FakeModelScopeRuntimeOptions = { ...START, aiWorld: undefined, ...MAGICUBE_VARIANT_DEFAULTS, ...PROVIDER_LIST_DEFAULTS };

let fake: FakeModelScope;
beforeAll(async () => {
  fake = await startFakeModelScope(START);
});
afterEach(() => {
  fake.setOptions(DEFAULTS);
  fake.reset();
  clock.now = DEC_1_0900;
});
afterAll(() => fake.close());

/** A request to one of ModelScope's hosts, named as the Node tests' routed fetch names it. */
function send(host: string, path: string, init: { key?: string; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'x-forwarded-host': host, ...init.headers };
  if (init.key !== undefined) headers.authorization = `Bearer ${init.key}`;
  return fetch(`${fake.url}${path}`, { method: init.body === undefined ? 'GET' : 'POST', headers, body: init.body });
}

/** The list's answer for one id (no key, as the extension asks it). */
async function providers(model: string | null, host = CN_WEB, headers: Record<string, string> = {}) {
  const query = model === null ? '' : `?ModelId=${encodeURIComponent(model)}`;
  const res = await send(host, `${LIST_PATH}${query}`, { headers });
  return { status: res.status, body: await res.json() };
}

const listed = async (model: string, host = CN_WEB) => (await providers(model, host)).body.Data;

const probeBody = (model: string) =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 1, stream: false, enable_thinking: false });
const probe = (model: string, host = CN_API, key = DEMO_KEY) => send(host, '/v1/chat/completions', { key, body: probeBody(model) });
const spendRecords = async (host = CN_WEB, key = DEMO_KEY) =>
  (await (await send(host, '/openapi/v1/magicubes/transactions?type=SPEND_CONFIRM', { key })).json()).data.records;

const modelScope = (costTier: string, price: number) => ({
  Name: 'ModelScope',
  ChineseName: '魔搭社区',
  CostTier: costTier,
  EstimatedMagicGrainCost: price,
  Hosted: true,
  Logo: LOGO,
});
const DASHSCOPE = { Name: 'DashScope', ChineseName: '阿里云百炼', Hosted: false, Logo: LOGO };

describe('the China site’s provider list', () => {
  it('answers a model ModelScope serves with its tier and price, in the shape seen on the real site', async () => {
    expect(await providers(GLM_52)).toEqual({
      status: 200,
      body: {
        Code: 200,
        Success: true,
        Data: { TotalCount: 1, Providers: [modelScope('ultra', 2)] },
        Message: 'success',
        RequestId: expect.stringMatching(UUID),
      },
    });
  });

  it.each([
    ['Qwen/Qwen3.5-397B-A17B', 'ultra', 2],
    ['deepseek-ai/DeepSeek-V4-Flash-0731', 'ultra', 2],
    ['ZhipuAI/GLM-5.2', 'ultra', 2],
    ['Qwen/Qwen3-Coder-30B-A3B-Instruct', 'standard', 1],
    ['stepfun-ai/Step-3.7-Flash', 'standard', 1],
    ['MiniMax/MiniMax-M3', 'lite', 0.5],
    ['deepseek-ai/DeepSeek-V4-Pro', 'ultra', 2],
    ['deepseek-ai/DeepSeek-V4-Flash', 'lite', 0.5],
    ['moonshotai/Kimi-K2.5', 'standard', 1],
    [POOL_MODELS[0]!, 'lite', 0.5],
    [POOL_MODELS[1]!, 'standard', 1],
    [POOL_MODELS[2]!, 'ultra', 2],
  ])('%s: ModelScope serves it first in the list, %s at %s credits a call', async (model, tier, price) => {
    expect((await listed(model)).Providers[0]).toEqual(modelScope(tier, price));
  });

  it('gives every model the fake charges a ModelScope entry whose price is its tier’s', async () => {
    for (const model of Object.keys(MODEL_TIERS)) {
      const [entry] = (await listed(model)).Providers;
      expect(entry).toMatchObject({ Name: 'ModelScope', CostTier: MODEL_TIERS[model], EstimatedMagicGrainCost: TIER_PRICES[MODEL_TIERS[model]!] });
    }
  });

  it.each([QWEN_35, 'Qwen/Qwen3-Coder-30B-A3B-Instruct', V4_PRO])('%s has several providers; only ModelScope carries a price', async (model) => {
    const data = await listed(model);
    expect(data.TotalCount).toBe(2);
    expect(data.Providers).toEqual([modelScope(expect.any(String), expect.any(Number)), DASHSCOPE]);
    expect(data.Providers[1]).not.toHaveProperty('EstimatedMagicGrainCost');
    expect(data.Providers[1]).not.toHaveProperty('CostTier');
  });

  it.each(DASHSCOPE_ONLY_MODELS)('%s is served by DashScope alone: no ModelScope entry, no price', async (model) => {
    expect(await listed(model)).toEqual({ TotalCount: 1, Providers: [DASHSCOPE] });
  });

  it('models on the site but not in the API-Inference catalogue are served by their makers alone', async () => {
    expect(await listed(ZHIPU_ONLY_MODEL)).toEqual({ TotalCount: 1, Providers: [{ Name: 'ZhipuAI', ChineseName: '智谱AI', Hosted: false, Logo: LOGO }] });
    expect(await listed(MOONSHOT_ONLY_MODEL)).toEqual({ TotalCount: 1, Providers: [{ Name: 'Moonshot', ChineseName: '月之暗面', Hosted: false, Logo: LOGO }] });
    const catalogue = (await (await send(CN_API, '/v1/models')).json()).data.map((m: { id: string }) => m.id);
    expect(catalogue).not.toContain(ZHIPU_ONLY_MODEL);
    expect(catalogue).not.toContain(MOONSHOT_ONLY_MODEL);
  });

  it('a model nobody serves has "Providers": null and TotalCount 0', async () => {
    expect((await providers(UNSERVED_MODEL)).body).toMatchObject({ Code: 200, Success: true, Data: { TotalCount: 0, Providers: null } });
  });

  it.each(['no/such-model', FAKE_NO_HEADERS, 'zhipuai/glm-5.2', AI_DISCOUNT_MODEL, '__proto__', 'constructor'])(
    'an id it does not know (%s) answers HTTP 500',
    async (model) => {
      expect(await providers(model)).toEqual({
        status: 500,
        body: { Code: 500, Success: false, Message: expect.any(String), RequestId: expect.stringMatching(UUID) },
      });
    },
  );

  it.each([
    ['missing', null],
    ['blank', '  '],
  ])('a %s ModelId answers 400', async (_, model) => {
    expect(await providers(model)).toEqual({
      status: 400,
      body: { Code: 400, Success: false, Message: expect.any(String), RequestId: expect.stringMatching(UUID) },
    });
  });

  it('is keyless: no token, a revoked one, the other site’s and cookies all get the same answer, and nothing is spent', async () => {
    const expected = { TotalCount: 2, Providers: [modelScope('ultra', 2), DASHSCOPE] };
    expect(await listed(V4_PRO)).toEqual(expected);
    const requestVariants: Record<string, string>[] = [{ authorization: `Bearer ${REVOKED_KEY}` }, { authorization: `Bearer ${AI_DEMO_KEY}` }, { cookie: 'm_session_id=x' }];
    for (const headers of requestVariants) {
      expect((await providers(V4_PRO, CN_WEB, headers)).body.Data).toEqual(expected);
    }
    expect(fake.creditBalance(DEMO_KEY).available).toBe(250);
  });

  it('answers on the website’s hosts (and the fake’s own address), not on API-Inference’s', async () => {
    for (const host of ['modelscope.cn', 'www.modelscope.cn', 'WWW.ModelScope.CN:443']) expect((await providers(GLM_52, host)).status).toBe(200);
    expect((await fetch(`${fake.url}${LIST_PATH}?ModelId=${GLM_52}`)).status).toBe(200);
    expect(await providers(GLM_52, CN_API)).toEqual({ status: 404, body: { error: { message: 'Not found' } } });
  });

  it('tierSpelling chinese writes the website’s names as CostTier, with the same prices', async () => {
    fake.setOptions({ tierSpelling: 'chinese' });
    expect((await listed('MiniMax/MiniMax-M3')).Providers[0]).toEqual(modelScope('轻量', 0.5));
    expect((await listed('stepfun-ai/Step-3.7-Flash')).Providers[0]).toEqual(modelScope('主流', 1));
    expect((await listed(GLM_52)).Providers[0]).toEqual(modelScope('旗舰', 2));
  });

  it('the table holds every model it knows, and nothing more', () => {
    expect(Object.keys(OTHER_PROVIDERS).sort()).toEqual(
      [...Object.keys(MODEL_TIERS), ...DASHSCOPE_ONLY_MODELS, ZHIPU_ONLY_MODEL, MOONSHOT_ONLY_MODEL, UNSERVED_MODEL].sort(),
    );
  });
});

describe('what the list says decides what the credit world serves', () => {
  it.each(DASHSCOPE_ONLY_MODELS)('%s answers 404 in the credit world, charging nothing, and with its quota headers in the quota world', async (model) => {
    const refused = await probe(model);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error).toEqual({ message: `Model not found: ${model}`, request_id: expect.stringMatching(UUID) });
    expect(fake.creditBalance(DEMO_KEY).available).toBe(250);
    expect(await spendRecords()).toEqual([]);
    fake.setOptions({ world: 'quota' });
    const counted = await probe(model);
    expect(counted.status).toBe(200);
    expect(counted.headers.get(QUOTA_HEADERS.modelRemaining)).toBe('499');
  });
});

describe('repricings: a tier with a date', () => {
  it('changes the list’s price and the ledger’s charge together, from the Beijing day named', async () => {
    fake.setOptions({ repricings: [{ model: GLM_52, fromDay: '2026-12-02', tier: 'lite' }] });
    clock.now = DEC_1_2359;
    expect((await listed(GLM_52)).Providers).toEqual([modelScope('ultra', 2)]);
    expect((await probe(GLM_52)).status).toBe(200);
    clock.now += 60_000; // 2026-12-02 00:00 in Beijing
    expect((await listed(GLM_52)).Providers).toEqual([modelScope('lite', 0.5)]);
    expect((await probe(GLM_52)).status).toBe(200);
    const [today, yesterday] = await spendRecords();
    expect(today).toMatchObject({ gmt_created: '2026-12-02', model_tier: 'lite', total_amount: 0.5, count: 1 });
    expect(yesterday).toMatchObject({ gmt_created: '2026-12-01', model_tier: 'ultra', total_amount: 2, count: 1 });
    expect(fake.creditBalance(DEMO_KEY).available).toBe(247.5 + 250);
  });

  it('the latest repricing in force wins, and one not yet in force changes nothing', async () => {
    const repricings: Repricing[] = [
      { model: KIMI, fromDay: '2026-11-01', tier: 'ultra' },
      { model: KIMI, fromDay: '2026-11-20', tier: 'lite' },
      { model: KIMI, fromDay: '2026-12-25', tier: null },
    ];
    fake.setOptions({ repricings });
    expect((await listed(KIMI)).Providers).toEqual([modelScope('lite', 0.5)]);
    await probe(KIMI);
    expect(fake.creditBalance(DEMO_KEY).available).toBe(249.5);
  });

  it('a model ModelScope stops serving leaves the list, and answers 404 in the credit world only', async () => {
    fake.setOptions({
      repricings: [
        { model: V4_PRO, fromDay: '2026-12-01', tier: null },
        { model: 'stepfun-ai/Step-3.7-Flash', fromDay: '2026-12-01', tier: null },
      ],
    });
    expect(await listed(V4_PRO)).toEqual({ TotalCount: 1, Providers: [DASHSCOPE] });
    expect(await listed('stepfun-ai/Step-3.7-Flash')).toEqual({ TotalCount: 0, Providers: null });
    const refused = await probe(V4_PRO);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toBe(`Model not found: ${V4_PRO}`);
    expect(fake.creditBalance(DEMO_KEY).available).toBe(250);
    fake.setOptions({ world: 'quota' });
    const counted = await probe(V4_PRO);
    expect(counted.status).toBe(200);
    expect(counted.headers.get(QUOTA_HEADERS.modelRemaining)).toBe('99');
  });

  it('a tier given to a model only DashScope served makes ModelScope serve and charge it', async () => {
    fake.setOptions({ repricings: [{ model: GLM_47, fromDay: '2026-12-01', tier: 'lite' }] });
    expect(await listed(GLM_47)).toEqual({ TotalCount: 2, Providers: [modelScope('lite', 0.5), DASHSCOPE] });
    expect((await probe(GLM_47)).status).toBe(200);
    expect(fake.creditBalance(DEMO_KEY).available).toBe(249.5);
  });

  it('happens on both sites that know the model unless one is named', async () => {
    fake.setOptions({ aiProviderList: true, repricings: [{ model: KIMI, fromDay: '2026-12-01', tier: 'ultra', site: 'ai' }] });
    expect((await listed(KIMI, AI_WEB)).Providers[0]).toMatchObject({ CostTier: 'ultra' });
    expect((await listed(KIMI, CN_WEB)).Providers[0]).toMatchObject({ CostTier: 'standard' });
    fake.setOptions({ repricings: [{ model: KIMI, fromDay: '2026-12-01', tier: 'ultra' }] });
    expect((await listed(KIMI, CN_WEB)).Providers[0]).toMatchObject({ CostTier: 'ultra' });
  });

  it('refuses a day not written YYYY-MM-DD', () => {
    expect(() => fake.setOptions({ repricings: [{ model: KIMI, fromDay: '2026-12-1', tier: 'lite' }] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('the international site', () => {
  it('has no provider list by default: 404 Not found', async () => {
    for (const host of [AI_WEB, 'modelscope.ai']) expect(await providers(KIMI, host)).toEqual({ status: 404, body: { error: { message: 'Not found' } } });
  });

  it('aiProviderList: answers for its own models, in its own tiers and prices, and 500 for the rest', async () => {
    fake.setOptions({ aiProviderList: true, tierSpelling: 'chinese' });
    expect(await listed(KIMI, AI_WEB)).toEqual({ TotalCount: 1, Providers: [modelScope('lite', 0.5)] });
    expect((await listed(AI_DISCOUNT_MODEL, AI_WEB)).Providers).toEqual([modelScope('discount', 0.2)]);
    expect(await listed(AMBASSADOR_MODEL, AI_WEB)).toEqual({ TotalCount: 1, Providers: [{ Name: 'ModelScope', ChineseName: '魔搭社区', Hosted: true, Logo: LOGO }] });
    for (const model of [GLM_47, 'no/such-model']) expect((await providers(model, AI_WEB)).status).toBe(500);
    expect((await providers(KIMI, AI_API)).status).toBe(404);
  });

  it('a model it stops serving answers 404 in its credit world, list or no list', async () => {
    fake.setOptions({ repricings: [{ model: KIMI, fromDay: '2026-12-01', tier: null, site: 'ai' }] });
    expect((await probe(KIMI, AI_API, AI_DEMO_KEY)).status).toBe(404);
    expect(fake.creditBalance(AI_DEMO_KEY).available).toBe(250);
    expect((await probe(AMBASSADOR_MODEL, AI_API, AI_DEMO_KEY)).status).toBe(200);
  });
});

describe('an outage', () => {
  it('providerListDown: both sites answer 502 with the nginx gateway page', async () => {
    fake.setOptions({ providerListDown: true });
    for (const host of [CN_WEB, 'modelscope.cn', AI_WEB]) {
      const res = await send(host, `${LIST_PATH}?ModelId=${GLM_52}`);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(await res.text()).toContain('<title>502 Bad Gateway</title>');
    }
  });
});

it('records the list’s requests, without a model, and probes() leaves them out', async () => {
  await providers(GLM_52);
  await providers(KIMI, AI_WEB);
  await probe(GLM_52);
  expect(fake.requests.map((r) => [r.method, r.host, r.site, r.path, r.model, r.authorization])).toEqual([
    ['GET', CN_WEB, 'cn', `${LIST_PATH}?ModelId=${encodeURIComponent(GLM_52)}`, null, null],
    ['GET', AI_WEB, 'ai', `${LIST_PATH}?ModelId=${encodeURIComponent(KIMI)}`, null, null],
    ['POST', CN_API, 'cn', '/v1/chat/completions', GLM_52, `Bearer ${DEMO_KEY}`],
  ]);
  expect(fake.probes().map((r) => r.model)).toEqual([GLM_52]);
});
