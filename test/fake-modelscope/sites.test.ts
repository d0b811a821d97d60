// Proves that the fake serves ModelScope's two sites side by side, told apart by the Host header: tokens of one site
// refused on the other, separate catalogues, tiers, prices, accounts and ledgers, and the international site's monthly
// quota headers.
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchRoutedTo } from '../support/routed-fetch';
import { captureSpendRow } from '../support/capture-rows';
import {
  AUTH_FAILED_MESSAGE,
  CATALOGUE_IDS,
  DEMO_KEY,
  DEMO_MAGICUBE,
  FAKE_FLAKY,
  FAKE_HANGUP,
  FAKE_NO_HEADERS,
  MONTHLY_QUOTA_HEADERS,
  POOL_MODELS,
  QUOTA_HEADERS,
  REVOKED_KEY,
} from './behaviours';
import {
  MAGICUBE_VARIANT_DEFAULTS,
  PROVIDER_LIST_DEFAULTS,
  startFakeModelScope,
  type FakeModelScope,
  type FakeModelScopeRuntimeOptions,
} from './server';
import {
  AI_CATALOGUE_IDS,
  AI_DEMO_KEY,
  AI_DISCOUNT_MODEL,
  AI_ONLY_MODEL,
  AMBASSADOR_MODEL,
  MODELSCOPE_HOSTS,
  MONTHLY_LIMIT,
  siteOfHost,
} from './sites';

const AI_API = 'api-inference.modelscope.ai';
const AI_WEB = 'www.modelscope.ai';
const CN_API = 'api-inference.modelscope.cn';
const CN_WEB = 'modelscope.cn';
const OTHER_KEY = 'ms-' + '1234'.repeat(8);
const KIMI = 'moonshotai/Kimi-K2.5'; // lite (0.5) on the international site, standard (1) on the China site
const GLM_51 = 'ZhipuAI/GLM-5.1'; // ultra (2) on both
const CN_ONLY = 'ZhipuAI/GLM-4.7';
const HOUR = 3_600_000;
/** 2026-12-01 09:00 in Beijing. */
const DEC_1_0900 = Date.UTC(2026, 11, 1, 1);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  // Which site a token belongs to outlives reset(), like the options.
  fake.useSiteFor(OTHER_KEY, 'cn');
  clock.now = DEC_1_0900;
});
afterAll(() => fake.close());

/** A request to one of ModelScope's hosts, named the way the Node tests' routed fetch names it. */
function send(host: string, path: string, init: { key?: string | null; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'x-forwarded-host': host, ...init.headers };
  const key = init.key === undefined ? DEMO_KEY : init.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  return fetch(`${fake.url}${path}`, { method: init.body === undefined ? 'GET' : 'POST', headers, body: init.body });
}

const probeBody = (model: string) =>
  JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 1, stream: false, enable_thinking: false });
const probe = (host: string, model: string, key: string | null = DEMO_KEY) => send(host, '/v1/chat/completions', { key, body: probeBody(model) });

async function json(host: string, path: string, key: string | null = DEMO_KEY, headers: Record<string, string> = {}) {
  const res = await send(host, `/openapi/v1/magicubes/${path}`, { key, headers });
  return { status: res.status, body: await res.json() };
}

const balance = async (host: string, key: string) => (await json(host, 'balance', key)).body.data;
const spendRecords = async (host: string, key: string) => (await json(host, 'transactions?type=SPEND_CONFIRM', key)).body.data.records;
const catalogue = async (host: string) => ((await (await send(host, '/v1/models', { key: null })).json()).data as { id: string }[]).map((m) => m.id);
const monthly = (res: Response) => [res.headers.get(MONTHLY_QUOTA_HEADERS.limit), res.headers.get(MONTHLY_QUOTA_HEADERS.remaining)];
const daily = (res: Response) => Object.values(QUOTA_HEADERS).map((name) => res.headers.get(name));

describe('hosts', () => {
  it.each([
    ['api-inference.modelscope.cn', 'cn'],
    ['modelscope.cn', 'cn'],
    ['www.modelscope.cn', 'cn'],
    ['api-inference.modelscope.ai', 'ai'],
    ['modelscope.ai', 'ai'],
    ['www.modelscope.ai', 'ai'],
    ['WWW.ModelScope.AI:443', 'ai'],
    ['modelscope.cn:443', 'cn'],
    ['127.0.0.1:8443', null],
    ['modelscope.ai.example.com', null],
    ['api-inference.modelscope.com', null],
  ] as const)('%s is %s', (host, site) => {
    expect(siteOfHost(host)).toBe(site);
  });

  it('lists the six hosts, the China site’s API-Inference first', () => {
    expect(MODELSCOPE_HOSTS).toEqual([
      'api-inference.modelscope.cn',
      'modelscope.cn',
      'www.modelscope.cn',
      'api-inference.modelscope.ai',
      'modelscope.ai',
      'www.modelscope.ai',
    ]);
  });

  it('routes by the Host header itself, as a browser sends it', async () => {
    const status = (host: string, key: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(`${fake.url}/v1/chat/completions`, { method: 'POST', headers: { host, authorization: `Bearer ${key}` } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end(probeBody(KIMI));
      });
    expect(await status(AI_API, AI_DEMO_KEY)).toBe(200);
    expect(await status(AI_API, DEMO_KEY)).toBe(401);
    expect(await status(CN_API, AI_DEMO_KEY)).toBe(401);
    expect(fake.requests.map((r) => [r.host, r.site])).toEqual([
      [AI_API, 'ai'],
      [AI_API, 'ai'],
      [CN_API, 'cn'],
    ]);
  });

  it('the tests’ routed fetch delivers the international site’s production URLs to it', async () => {
    const routed = fetchRoutedTo(fake);
    const models = await routed('https://api-inference.modelscope.ai/v1/models');
    expect(((await models.json()).data as { id: string }[]).map((m) => m.id)).toEqual(AI_CATALOGUE_IDS);
    const res = await routed('https://www.modelscope.ai/openapi/v1/magicubes/balance', { headers: { authorization: `Bearer ${AI_DEMO_KEY}` } });
    expect((await res.json()).data.available_balance).toBe(250);
    await routed('https://modelscope.ai/openapi/v1/magicubes/spend/rates', { headers: { authorization: `Bearer ${AI_DEMO_KEY}` } });
    expect(fake.requests.map((r) => [r.host, r.site, r.path])).toEqual([
      [AI_API, 'ai', '/v1/models'],
      [AI_WEB, 'ai', '/openapi/v1/magicubes/balance'],
      ['modelscope.ai', 'ai', '/openapi/v1/magicubes/spend/rates'],
    ]);
    await expect(routed('https://modelscope.com/v1/models')).rejects.toThrow(/refused a request to https:\/\/modelscope.com/);
  });
});

describe('a token belongs to one site', () => {
  it('a China token is refused on the international site’s hosts with the real 401 bodies, and charged nothing', async () => {
    const chat = await probe(AI_API, KIMI);
    expect(chat.status).toBe(401);
    expect(daily(chat)).toEqual([null, null, null, null]);
    const body = await chat.json();
    expect(body.error.message).toBe(AUTH_FAILED_MESSAGE);
    expect(body.error.request_id).toMatch(UUID);
    for (const path of ['balance', 'transactions?type=SPEND_CONFIRM', 'transactions?type=EARN', 'spend/rates', 'earn/rules']) {
      expect(await json(AI_WEB, path)).toEqual({
        status: 401,
        body: { success: false, code: 'InvalidToken', message: 'Invalid token', request_id: expect.stringMatching(UUID) },
      });
    }
    expect(fake.creditBalance(DEMO_KEY).available).toBe(250);
    expect(await spendRecords(CN_WEB, DEMO_KEY)).toEqual([]);
  });

  it('an international token is refused on the China site’s hosts, and works on its own', async () => {
    expect((await probe(CN_API, KIMI, AI_DEMO_KEY)).status).toBe(401);
    expect((await json(CN_WEB, 'balance', AI_DEMO_KEY)).body.code).toBe('InvalidToken');
    expect((await json('www.modelscope.cn', 'balance', AI_DEMO_KEY)).status).toBe(401);
    expect((await probe(AI_API, KIMI, AI_DEMO_KEY)).status).toBe(200);
    expect((await json(AI_WEB, 'balance', AI_DEMO_KEY)).status).toBe(200);
    expect(fake.siteOf(AI_DEMO_KEY)).toBe('ai');
    expect(fake.siteOf(DEMO_KEY)).toBe('cn');
  });

  it('a request to the fake’s own address is the China site’s', async () => {
    const res = await fetch(`${fake.url}/openapi/v1/magicubes/balance`, { headers: { authorization: `Bearer ${AI_DEMO_KEY}` } });
    expect(res.status).toBe(401);
    expect(fake.requests[0]).toMatchObject({ host: `127.0.0.1:${fake.port}`, site: 'cn' });
  });

  it('useSiteFor makes any token the international site’s, and it stays so across reset', async () => {
    fake.useSiteFor(OTHER_KEY, 'ai');
    expect((await probe(AI_API, GLM_51, OTHER_KEY)).status).toBe(200);
    expect((await probe(CN_API, GLM_51, OTHER_KEY)).status).toBe(401);
    fake.reset();
    expect(fake.siteOf(OTHER_KEY)).toBe('ai');
    expect((await balance(AI_WEB, OTHER_KEY)).available_balance).toBe(250);
    fake.reset();
    fake.useSiteFor(OTHER_KEY, 'cn');
    expect((await probe(AI_API, GLM_51, OTHER_KEY)).status).toBe(401);
    expect((await probe(CN_API, GLM_51, OTHER_KEY)).status).toBe(200);
  });

  it('useSiteFor refuses a token already used on the other site', async () => {
    await probe(CN_API, KIMI, OTHER_KEY);
    expect(() => fake.useSiteFor(OTHER_KEY, 'ai')).toThrow(/already used on the cn site/);
    expect(fake.siteOf(OTHER_KEY)).toBe('cn');
    fake.reset();
    fake.useSiteFor(OTHER_KEY, 'ai');
    expect(fake.siteOf(OTHER_KEY)).toBe('ai');
  });

  it('a revoked token is refused on both sites', async () => {
    expect((await probe(AI_API, KIMI, REVOKED_KEY)).status).toBe(401);
    expect((await probe(CN_API, KIMI, REVOKED_KEY)).status).toBe(401);
  });

  it('records every request with its host and site, refused ones too', async () => {
    await probe(AI_API, KIMI);
    await json(AI_WEB, 'balance', AI_DEMO_KEY);
    await probe(CN_API, KIMI);
    await json(CN_WEB, 'balance');
    expect(fake.requestsTo('ai').map((r) => [r.host, r.path, r.authorization])).toEqual([
      [AI_API, '/v1/chat/completions', `Bearer ${DEMO_KEY}`],
      [AI_WEB, '/openapi/v1/magicubes/balance', `Bearer ${AI_DEMO_KEY}`],
    ]);
    expect(fake.requestsTo('cn').map((r) => r.host)).toEqual([CN_API, CN_WEB]);
    expect(fake.requests.map((r) => r.site)).toEqual(['ai', 'ai', 'cn', 'cn']);
  });
});

describe('the international site’s catalogue', () => {
  it('lists its own models: a monthly one, some the China site has too, and its own', async () => {
    const ids = await catalogue(AI_API);
    expect(ids).toEqual(AI_CATALOGUE_IDS);
    expect(ids).toEqual(expect.arrayContaining([AMBASSADOR_MODEL, AI_ONLY_MODEL, AI_DISCOUNT_MODEL, KIMI, GLM_51, FAKE_NO_HEADERS]));
    expect(ids.filter((id) => CATALOGUE_IDS.includes(id) && !id.startsWith('fake/'))).toEqual([
      'deepseek-ai/DeepSeek-V4-Flash',
      KIMI,
      'Qwen/Qwen3-Coder-480B-A35B-Instruct',
      GLM_51,
    ]);
    for (const id of [CN_ONLY, 'deepseek-ai/DeepSeek-V4-Pro', POOL_MODELS[0]!, FAKE_HANGUP]) expect(ids).not.toContain(id);
  });

  it('the China site’s catalogue is unchanged, without the international site’s own models', async () => {
    const ids = await catalogue(CN_API);
    expect(ids).toEqual(CATALOGUE_IDS);
    for (const id of [AMBASSADOR_MODEL, AI_ONLY_MODEL, AI_DISCOUNT_MODEL]) expect(ids).not.toContain(id);
  });

  it('each site answers 404 for a model only the other serves', async () => {
    const cnOnly = await probe(AI_API, CN_ONLY, AI_DEMO_KEY);
    expect(cnOnly.status).toBe(404);
    expect((await cnOnly.json()).error.message).toBe(`Model not found: ${CN_ONLY}`);
    expect((await probe(CN_API, AI_ONLY_MODEL)).status).toBe(404);
    expect((await probe(CN_API, AMBASSADOR_MODEL)).status).toBe(404);
    expect((await probe(AI_API, AI_ONLY_MODEL, AI_DEMO_KEY)).status).toBe(200);
  });

  it('serves the fault models too, with their own first-call counters', async () => {
    expect((await probe(AI_API, FAKE_FLAKY, AI_DEMO_KEY)).status).toBe(503);
    expect((await probe(AI_API, FAKE_FLAKY, AI_DEMO_KEY)).status).toBe(200);
    expect((await probe(CN_API, FAKE_FLAKY)).status).toBe(503);
  });
});

describe('the international site’s credit world (its default)', () => {
  it('lists its four tier prices, and a rate of another scene', async () => {
    expect((await json(AI_WEB, 'spend/rates', AI_DEMO_KEY)).body.data.rates).toEqual([
      { scene: 'api_inference', model_tier: 'discount', unit: 'request', unit_price: 0.2, min_charge: 0.2 },
      { scene: 'api_inference', model_tier: 'lite', unit: 'request', unit_price: 0.5, min_charge: 0.5 },
      { scene: 'api_inference', model_tier: 'standard', unit: 'request', unit_price: 1, min_charge: 1 },
      { scene: 'api_inference', model_tier: 'ultra', unit: 'request', unit_price: 2, min_charge: 2 },
      { scene: 'notebook', model_tier: 'GPU', unit: 'hour', unit_price: 6, min_charge: 6 },
    ]);
    expect((await json(CN_WEB, 'spend/rates')).body.data.rates.map((rate: { model_tier: string }) => rate.model_tier)).toEqual(['lite', 'standard', 'ultra', 'GPU']);
  });

  it('pays its models in credits by its own tiers, without quota headers, even where the China site is in the quota world', async () => {
    fake.setOptions({ world: 'quota' });
    const res = await probe(AI_API, KIMI, AI_DEMO_KEY);
    expect(res.status).toBe(200);
    expect(daily(res)).toEqual([null, null, null, null]);
    await probe(AI_API, AI_DISCOUNT_MODEL, AI_DEMO_KEY);
    expect(await balance(AI_WEB, AI_DEMO_KEY)).toEqual({ total_balance: 249.3, available_balance: 249.3, frozen_amount: 0 });
    expect(fake.creditBalance(AI_DEMO_KEY).available).toBe(249.3);
    expect(daily(await probe(CN_API, KIMI))).toEqual(['2000', '1999', '500', '499']);
    expect(await balance(CN_WEB, DEMO_KEY)).toEqual(DEMO_MAGICUBE);
  });

  it('one model, two prices: Kimi-K2.5 costs 0.5 there and 1 here', async () => {
    await probe(AI_API, KIMI, AI_DEMO_KEY);
    await probe(CN_API, KIMI);
    expect((await balance(AI_WEB, AI_DEMO_KEY)).available_balance).toBe(249.5);
    expect((await balance(CN_WEB, DEMO_KEY)).available_balance).toBe(249);
  });

  it('keeps a spend ledger per site, aggregated per (Beijing day, tier), in each site’s own tier names', async () => {
    await probe(AI_API, KIMI, AI_DEMO_KEY);
    await probe(AI_API, 'deepseek-ai/DeepSeek-V4-Flash', AI_DEMO_KEY);
    clock.now += 60_000;
    await probe(AI_API, GLM_51, AI_DEMO_KEY);
    await probe(CN_API, GLM_51);
    clock.now += 15 * HOUR;
    await probe(AI_API, AI_DISCOUNT_MODEL, AI_DEMO_KEY);
    expect(await spendRecords(AI_WEB, AI_DEMO_KEY)).toEqual([
      captureSpendRow('2026-12-02', 'discount', 0.2, 1),
      captureSpendRow('2026-12-01', 'ultra', 2, 1),
      captureSpendRow('2026-12-01', 'lite', 1, 2),
    ]);
    expect(await spendRecords(CN_WEB, DEMO_KEY)).toEqual([captureSpendRow('2026-12-01', 'ultra', 2, 1)]);
  });

  it('the helpers act on the key’s own site, in its own tiers', async () => {
    expect(fake.spendElsewhere(AI_DEMO_KEY, 'ultra', 2)).toBe(2);
    fake.seedSpend(AI_DEMO_KEY, { at: DEC_1_0900 - 24 * HOUR, tier: 'discount', calls: 5 });
    fake.grant(AI_DEMO_KEY, 'purchase', 10);
    expect((await balance(AI_WEB, AI_DEMO_KEY)).available_balance).toBe(256);
    expect(await spendRecords(AI_WEB, AI_DEMO_KEY)).toEqual([captureSpendRow('2026-12-01', 'ultra', 4, 2), captureSpendRow('2026-11-30', 'discount', 1, 5)]);
    expect((await balance(CN_WEB, DEMO_KEY)).available_balance).toBe(250);
    expect(() => fake.seedSpend(DEMO_KEY, { at: DEC_1_0900, tier: 'discount', calls: 1 })).toThrow(/cn site has no tier discount/);
  });

  it('issues the daily grants there too, with the capture’s rules and words', async () => {
    const rules = (await json(AI_WEB, 'earn/rules', AI_DEMO_KEY)).body.data;
    expect(rules).toHaveLength(28);
    expect(rules.slice(0, 2).map((rule: { rule_key: string; title: string; today_used: number }) => [rule.rule_key, rule.title, rule.today_used])).toEqual([
      ['daily_active', '注册并登录', 1],
      ['aliyun_bindlogin', '绑定阿里云账号', 1],
    ]);
  });

  it('keeps its English tier keys when the China site writes the Chinese names', async () => {
    fake.setOptions({ tierSpelling: 'chinese' });
    await probe(AI_API, KIMI, AI_DEMO_KEY);
    await probe(CN_API, KIMI);
    expect((await spendRecords(AI_WEB, AI_DEMO_KEY))[0].model_tier).toBe('lite');
    expect((await spendRecords(CN_WEB, DEMO_KEY))[0].model_tier).toBe('主流');
    expect((await json(AI_WEB, 'spend/rates', AI_DEMO_KEY)).body.data.rates[0].model_tier).toBe('discount');
  });

  it('ledgerWithheld withholds its ledger and rules too', async () => {
    fake.setOptions({ ledgerWithheld: true });
    await probe(AI_API, KIMI, AI_DEMO_KEY);
    expect((await json(AI_WEB, 'transactions', AI_DEMO_KEY)).body.data).toEqual({});
    expect((await json(AI_WEB, 'earn/rules', AI_DEMO_KEY)).body).not.toHaveProperty('data');
    expect((await balance(AI_WEB, AI_DEMO_KEY)).available_balance).toBe(249.5);
  });

  it('aiWorld: quota gives its models the four daily headers, counted apart from the China site’s', async () => {
    fake.setOptions({ aiWorld: 'quota', world: 'quota' });
    await probe(CN_API, KIMI);
    const res = await probe(AI_API, KIMI, AI_DEMO_KEY);
    expect(daily(res)).toEqual(['2000', '1999', '500', '499']);
    expect(await balance(AI_WEB, AI_DEMO_KEY)).toEqual(DEMO_MAGICUBE);
    fake.setModelRemaining(AI_DEMO_KEY, AI_ONLY_MODEL, 0);
    expect((await probe(AI_API, AI_ONLY_MODEL, AI_DEMO_KEY)).status).toBe(429);
    expect(() => fake.setModelRemaining(DEMO_KEY, AI_ONLY_MODEL, 3)).toThrow(/does not count calls for .* on the cn site/);
  });
});

describe('the monthly quota of Qwen-Ambassador models', () => {
  it.each(['credits', 'quota'] as const)('sends only the two monthly headers, counting down per call, never paid (%s world)', async (aiWorld) => {
    fake.setOptions({ aiWorld });
    const first = await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY);
    expect(first.status).toBe(200);
    expect((await first.json()).model).toBe(AMBASSADOR_MODEL);
    expect(monthly(first)).toEqual([String(MONTHLY_LIMIT), '5499']);
    expect(daily(first)).toEqual([null, null, null, null]);
    expect(monthly(await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY))).toEqual(['5500', '5498']);
    expect((await balance(AI_WEB, AI_DEMO_KEY)).available_balance).toBe(aiWorld === 'credits' ? 250 : DEMO_MAGICUBE.available_balance);
    expect(await spendRecords(AI_WEB, AI_DEMO_KEY)).toEqual([]);
    expect(monthly(await probe(AI_API, KIMI, AI_DEMO_KEY))).toEqual([null, null]);
  });

  it('counts per token, and answers 429 with 0 left once the month is used up', async () => {
    fake.useSiteFor(OTHER_KEY, 'ai');
    fake.setModelMonthRemaining(AI_DEMO_KEY, AMBASSADOR_MODEL, 1);
    expect(monthly(await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY))).toEqual(['5500', '0']);
    for (let i = 0; i < 2; i++) {
      const refused = await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY);
      expect(refused.status).toBe(429);
      expect(monthly(refused)).toEqual(['5500', '0']);
      expect((await refused.json()).errors.message).toBe('Request limit exceeded.');
    }
    expect(monthly(await probe(AI_API, AMBASSADOR_MODEL, OTHER_KEY))).toEqual(['5500', '5499']);
    fake.reset();
    expect(monthly(await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY))).toEqual(['5500', '5499']);
  });

  it('starts again at the limit on a new Beijing month', async () => {
    clock.now = Date.UTC(2026, 10, 30, 15, 59); // 2026-11-30 23:59 in Beijing
    fake.setModelMonthRemaining(AI_DEMO_KEY, AMBASSADOR_MODEL, 7);
    expect(monthly(await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY))).toEqual(['5500', '6']);
    clock.now += 60_000;
    expect(monthly(await probe(AI_API, AMBASSADOR_MODEL, AI_DEMO_KEY))).toEqual(['5500', '5499']);
  });

  it('is refused to a China token, and the helper refuses models not counted by the month', async () => {
    expect((await probe(AI_API, AMBASSADOR_MODEL)).status).toBe(401);
    expect(() => fake.setModelMonthRemaining(AI_DEMO_KEY, KIMI, 3)).toThrow(/does not count monthly calls/);
    expect(() => fake.setModelMonthRemaining(DEMO_KEY, AMBASSADOR_MODEL, 3)).toThrow(/on the cn site/);
    expect(() => fake.setModelMonthRemaining(AI_DEMO_KEY, AMBASSADOR_MODEL, -1)).toThrow(/whole number/);
  });
});

it('reset() clears both sites’ accounts', async () => {
  await probe(AI_API, GLM_51, AI_DEMO_KEY);
  await probe(CN_API, GLM_51);
  fake.reset();
  for (const [host, key] of [[AI_WEB, AI_DEMO_KEY], [CN_WEB, DEMO_KEY]] as const) {
    expect((await balance(host, key)).available_balance).toBe(250);
    expect(await spendRecords(host, key)).toEqual([]);
  }
  expect(fake.requestsTo('ai')).toHaveLength(2);
});
