// Proves the fake's credit world and its Magicube endpoints over real HTTP requests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDIT_WORLD_HEADER_MODELS,
  DEMO_KEY,
  DEMO_MAGICUBE,
  FAKE_NO_HEADERS,
  INSUFFICIENT_CREDITS_MESSAGE,
  MAGICUBE_LIMITED_KEY,
  MODEL_TIERS,
  POOL_MODELS,
  QUOTA_HEADERS,
  REAL_MODELS,
  REVOKED_KEY,
  UNBOUND_KEY,
} from './behaviours';
import { MAGICUBE_VARIANT_DEFAULTS, startFakeModelScope, type FakeModelScope, type FakeModelScopeRuntimeOptions } from './server';

const OTHER_KEY = 'ms-' + '1234'.repeat(8);
const LIGHT = 'ZhipuAI/GLM-4.7';
const MAIN = 'moonshotai/Kimi-K2.5';
const FLAGSHIP = 'deepseek-ai/DeepSeek-V4-Pro';
const HOUR = 3_600_000;
/** 2026-12-01 09:00 in Beijing. */
const DEC_1_0900 = Date.UTC(2026, 11, 1, 1);
const UUID = /^[0-9a-f-]{36}$/;

const clock = { now: DEC_1_0900 };
const advance = (ms: number) => (clock.now += ms);

const DEFAULTS: FakeModelScopeRuntimeOptions = {
  world: 'credits',
  now: () => clock.now,
  latencyMs: 0,
  transientFailureRate: 0,
  ...MAGICUBE_VARIANT_DEFAULTS,
  dailyGrants: undefined,
};

let fake: FakeModelScope;
beforeAll(async () => {
  fake = await startFakeModelScope({ world: 'credits', now: () => clock.now });
});
afterEach(() => {
  fake.setOptions(DEFAULTS);
  fake.reset();
  clock.now = DEC_1_0900;
});
afterAll(() => fake.close());

function probe(model: string, key = DEMO_KEY, signal?: AbortSignal) {
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 1, stream: false, enable_thinking: false });
  return fetch(`${fake.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
    signal,
  });
}

function magicube(path: string, key: string = DEMO_KEY, extraHeaders = true) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (extraHeaders) Object.assign(headers, { 'openapi-token': key, 'x-modelfun-token': key });
  return fetch(`${fake.url}/openapi/v1/magicubes/${path}`, { headers });
}

async function json(path: string, key: string = DEMO_KEY, extraHeaders = true) {
  const res = await magicube(path, key, extraHeaders);
  return { status: res.status, body: await res.json() };
}

const balance = async (key = DEMO_KEY) => (await json('balance', key)).body.data;
const spendRecords = async (key = DEMO_KEY, query = '') => (await json(`transactions?type=SPEND_CONFIRM${query}`, key)).body.data.records;
const grantRecords = async (key = DEMO_KEY) => (await json('transactions?type=EARN&page=1&page_size=100', key)).body.data.records;

describe('the credit world: calls paid in Magicube credits', () => {
  it('gives every paid model a tier, a few of each, with the pool spread over all three', () => {
    const tiers = Object.values(MODEL_TIERS);
    for (const tier of ['lightweight', 'mainstream', 'flagship'] as const) expect(tiers.filter((t) => t === tier).length).toBeGreaterThan(3);
    for (const model of [...REAL_MODELS.map((m) => m.id), ...POOL_MODELS]) expect(MODEL_TIERS[model]).toBeDefined();
  });

  it('real models answer 200 without any quota header; a few models still send them', async () => {
    for (const model of [LIGHT, MAIN, FLAGSHIP]) {
      const res = await probe(model);
      expect(res.status).toBe(200);
      expect(Object.values(QUOTA_HEADERS).map((name) => res.headers.get(name))).toEqual([null, null, null, null]);
    }
    const withHeaders = await probe(CREDIT_WORLD_HEADER_MODELS[0]!);
    expect(withHeaders.headers.get(QUOTA_HEADERS.modelRemaining)).toBe('499');
  });

  it('starts an account with the two daily grants and debits each call by its tier’s price', async () => {
    expect(await balance()).toEqual({ total_balance: 250, available_balance: 250, frozen_amount: 0 });
    await probe(LIGHT);
    await probe(FLAGSHIP);
    await probe(CREDIT_WORLD_HEADER_MODELS[1]!);
    expect(await balance()).toEqual({ total_balance: 246.5, available_balance: 246.5, frozen_amount: 0 });
    expect(fake.creditBalance(DEMO_KEY).available).toBe(246.5);
    expect((await balance(OTHER_KEY)).available_balance).toBe(250);
  });

  it('holds a call’s credits as frozen while it is in flight, then spends them', async () => {
    fake.setOptions({ latencyMs: 200 });
    const call = probe(FLAGSHIP);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await balance()).toEqual({ total_balance: 250, available_balance: 248, frozen_amount: 2 });
    expect((await call).status).toBe(200);
    expect(await balance()).toEqual({ total_balance: 248, available_balance: 248, frozen_amount: 0 });
  });

  it('gives the credits back for a call the client abandoned', async () => {
    fake.setOptions({ latencyMs: 200 });
    const controller = new AbortController();
    const call = probe(FLAGSHIP, DEMO_KEY, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toThrow(/abort/i);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await balance()).toEqual({ total_balance: 250, available_balance: 250, frozen_amount: 0 });
  });

  it('charges nothing for calls that fail: a refused key, an unknown model, a fault model, a transient 503', async () => {
    expect((await probe(FLAGSHIP, REVOKED_KEY)).status).toBe(401);
    expect((await probe(FLAGSHIP, UNBOUND_KEY)).status).toBe(403);
    expect((await probe('no/such-model')).status).toBe(404);
    expect((await probe(FAKE_NO_HEADERS)).status).toBe(200);
    fake.setOptions({ transientFailureRate: 1, seed: 1 });
    expect((await probe(FLAGSHIP)).status).toBe(503);
    expect((await balance()).available_balance).toBe(250);
    expect((await balance(UNBOUND_KEY)).available_balance).toBe(250);
  });

  it('refuses a call the credits cannot pay for, with a 429, and charges nothing', async () => {
    expect(fake.spendElsewhere(DEMO_KEY, 'flagship', 1000)).toBe(125);
    const res = await probe(LIGHT);
    expect(res.status).toBe(429);
    expect((await res.json()).errors.message).toBe(INSUFFICIENT_CREDITS_MESSAGE);
    expect(await balance()).toEqual({ total_balance: 0, available_balance: 0, frozen_amount: 0 });
  });

  it('the quota world (the default) still counts calls in headers and keeps the fixed balance', async () => {
    const other = await startFakeModelScope();
    try {
      const res = await fetch(`${other.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_KEY}` },
        body: JSON.stringify({ model: FLAGSHIP, messages: [], max_tokens: 1 }),
      });
      expect(res.headers.get(QUOTA_HEADERS.modelRemaining)).toBe('99');
      const answer = await fetch(`${other.url}/openapi/v1/magicubes/balance`, { headers: { authorization: `Bearer ${DEMO_KEY}` } });
      expect((await answer.json()).data).toEqual(DEMO_MAGICUBE);
    } finally {
      await other.close();
    }
  });

  it('setOptions switches the world at runtime', async () => {
    fake.setOptions({ world: 'quota' });
    expect((await probe(LIGHT)).headers.get(QUOTA_HEADERS.modelRemaining)).toBe('499');
    expect(await balance()).toEqual(DEMO_MAGICUBE);
  });
});

describe('the spend ledger (SPEND_CONFIRM)', () => {
  it('aggregates confirmed calls per (Beijing day, tier), newest first', async () => {
    await probe(LIGHT);
    advance(60_000);
    await probe('MiniMax/MiniMax-M2.5');
    advance(60_000);
    await probe(FLAGSHIP);
    expect(await spendRecords()).toEqual([
      { gmt_created: '2026-12-01 09:02:00', model_tier: '旗舰', total_amount: 2, count: 1 },
      { gmt_created: '2026-12-01 09:00:00', model_tier: '轻量', total_amount: 1, count: 2 },
    ]);
  });

  it('shows a spend only after the ledger lag, while the balance drops at once', async () => {
    fake.setOptions({ ledgerLagMs: 5000 });
    await probe(MAIN);
    expect(await spendRecords()).toEqual([]);
    expect((await balance()).available_balance).toBe(249);
    advance(4999);
    expect(await spendRecords()).toEqual([]);
    advance(1);
    expect(await spendRecords()).toEqual([{ gmt_created: '2026-12-01 09:00:00', model_tier: '主流', total_amount: 1, count: 1 }]);
  });

  it('starts new rows on a new Beijing day (midnight in Beijing is 16:00 UTC)', async () => {
    await probe(MAIN);
    advance(15 * HOUR);
    await probe(MAIN);
    expect(await spendRecords()).toEqual([
      { gmt_created: '2026-12-02 00:00:00', model_tier: '主流', total_amount: 1, count: 1 },
      { gmt_created: '2026-12-01 09:00:00', model_tier: '主流', total_amount: 1, count: 1 },
    ]);
  });

  it('spendElsewhere makes another client’s calls show on their tier and in the balance', async () => {
    await probe(LIGHT);
    expect(fake.spendElsewhere(DEMO_KEY, 'mainstream', 3)).toBe(3);
    expect(await spendRecords()).toEqual([
      { gmt_created: '2026-12-01 09:00:00', model_tier: '轻量', total_amount: 0.5, count: 1 },
      { gmt_created: '2026-12-01 09:00:00', model_tier: '主流', total_amount: 3, count: 3 },
    ]);
    expect((await balance()).available_balance).toBe(246.5);
  });

  it.each([
    ['date', '2026-12-01'],
    ['epoch-seconds', DEC_1_0900 / 1000],
    ['epoch-ms', DEC_1_0900],
  ] as const)('writes gmt_created as %s when asked', async (timeFormat, gmtCreated) => {
    fake.setOptions({ timeFormat });
    await probe(LIGHT);
    expect((await spendRecords())[0].gmt_created).toBe(gmtCreated);
  });

  it('writes amounts as numeric strings when asked', async () => {
    fake.setOptions({ amountsAsStrings: true });
    await probe(LIGHT);
    expect((await spendRecords())[0].total_amount).toBe('0.50');
  });

  it('mixes rows with garbage amounts and dates into the page when asked', async () => {
    fake.setOptions({ garbageRows: true });
    await probe(LIGHT);
    const records = await spendRecords();
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ model_tier: '轻量', count: 1 });
    expect(records.slice(1)).toEqual([
      expect.objectContaining({ gmt_created: 'yesterday' }),
      expect.objectContaining({ total_amount: 'lots' }),
    ]);
  });

  it('pages a long ledger, 10 rows by default and at most 100 a page', async () => {
    for (let day = 1; day <= 60; day += 1) {
      for (const tier of ['lightweight', 'mainstream', 'flagship'] as const) fake.seedSpend(DEMO_KEY, { at: DEC_1_0900 - day * 24 * HOUR, tier, calls: 2 });
    }
    expect(await spendRecords()).toHaveLength(10);
    const first = await spendRecords(DEMO_KEY, '&page=1&page_size=500');
    expect(first).toHaveLength(100);
    expect(first[0]).toEqual({ gmt_created: '2026-11-30 09:00:00', model_tier: expect.any(String), total_amount: expect.any(Number), count: 2 });
    expect(await spendRecords(DEMO_KEY, '&page=2&page_size=100')).toHaveLength(80);
    expect(await spendRecords(DEMO_KEY, '&page=3&page_size=100')).toEqual([]);
    expect((await balance()).available_balance).toBe(250);
  });

  it('answers 400 to a missing type or a bad page', async () => {
    expect((await json('transactions')).status).toBe(400);
    expect((await json('transactions?type=SPEND_CONFIRM&page=0')).body).toMatchObject({ success: false, code: 'InvalidParameter' });
  });
});

describe('grants (EARN)', () => {
  it('lists the daily grants with an expiry 24 h after issue, and issues them again on a new Beijing day', async () => {
    expect(await grantRecords()).toEqual([
      { gmt_created: '2026-12-01 09:00:00', rule_key: 'daily_active', total_amount: 200, expire_at: '2026-12-02 09:00:00' },
      { gmt_created: '2026-12-01 09:00:00', rule_key: 'aliyun_bindlogin', total_amount: 50, expire_at: '2026-12-02 09:00:00' },
    ]);
    advance(15 * HOUR);
    expect((await grantRecords()).map((row: { gmt_created: string }) => row.gmt_created)).toEqual([
      '2026-12-02 00:00:00',
      '2026-12-02 00:00:00',
      '2026-12-01 09:00:00',
      '2026-12-01 09:00:00',
    ]);
  });

  it('short-term credits expire 24 h after issue, not at midnight, spending the soonest to expire first', async () => {
    fake.spendElsewhere(DEMO_KEY, 'flagship', 25);
    advance(15 * HOUR);
    // After midnight: yesterday's 200 left plus today's 250.
    expect((await balance()).available_balance).toBe(450);
    advance(9 * HOUR);
    expect((await balance()).available_balance).toBe(250);
  });

  it('issues only the daily grants asked for, and can leave out expire_at', async () => {
    fake.setOptions({ dailyGrants: ['aliyun_bindlogin'], grantExpireAt: false });
    expect(await grantRecords()).toEqual([{ gmt_created: '2026-12-01 09:00:00', rule_key: 'aliyun_bindlogin', total_amount: 50 }]);
    expect((await balance()).available_balance).toBe(50);
  });

  it('grant() adds credits such as long-term ones, with their own expiry', async () => {
    fake.grant(DEMO_KEY, 'purchase', 100, { at: DEC_1_0900 - HOUR, expiresAt: DEC_1_0900 + 90 * 24 * HOUR });
    expect((await balance()).available_balance).toBe(350);
    expect(await grantRecords()).toContainEqual({
      gmt_created: '2026-12-01 08:00:00',
      rule_key: 'purchase',
      total_amount: 100,
      expire_at: '2027-03-01 09:00:00',
    });
  });

  it('mixes garbage grant rows in when asked', async () => {
    fake.setOptions({ garbageRows: true });
    const records = await grantRecords();
    expect(records).toHaveLength(4);
    expect(records).toContainEqual(expect.objectContaining({ total_amount: -200 }));
  });
});

describe('rates and rules', () => {
  it('lists the three API-Inference tier prices and a rate of another scene', async () => {
    const { body } = await json('spend/rates');
    expect(body).toEqual({
      success: true,
      request_id: expect.stringMatching(UUID),
      data: {
        rates: [
          { scene: 'api_inference', model_tier: '轻量', unit: 'request', unit_price: 0.5, min_charge: 0.5 },
          { scene: 'api_inference', model_tier: '主流', unit: 'request', unit_price: 1, min_charge: 1 },
          { scene: 'api_inference', model_tier: '旗舰', unit: 'request', unit_price: 2, min_charge: 2 },
          { scene: 'notebook', model_tier: 'GPU', unit: 'hour', unit_price: 6, min_charge: 6 },
        ],
      },
    });
  });

  it('lists the earn rules with today’s progress, one field missing', async () => {
    fake.setOptions({ dailyGrants: ['daily_active'] });
    expect((await json('earn/rules')).body.data).toEqual([
      { rule_key: 'daily_active', title: '每日登录', amount: 200, daily_cap: 1, today_used: 1, today_remain: 0, today_earned_amount: 200 },
      { rule_key: 'aliyun_bindlogin', title: '绑定阿里云账号', amount: 50, daily_cap: 1, today_used: 0, today_remain: 1 },
    ]);
  });

  it('says today_count instead of today_used when asked', async () => {
    fake.setOptions({ rulesTodayCount: true });
    const [rule] = (await json('earn/rules')).body.data;
    expect(rule).toMatchObject({ today_count: 1 });
    expect(rule).not.toHaveProperty('today_used');
  });
});

describe('Magicube auth', () => {
  const paths = ['balance', 'transactions?type=SPEND_CONFIRM', 'transactions?type=EARN', 'spend/rates', 'earn/rules'];

  it.each(paths)('%s: 401 InvalidToken for a revoked key, 429 QuotaLimitExceed for the limited key', async (path) => {
    expect(await json(path, REVOKED_KEY)).toEqual({
      status: 401,
      body: { success: false, code: 'InvalidToken', message: 'Invalid token', request_id: expect.stringMatching(UUID) },
    });
    expect((await json(path, MAGICUBE_LIMITED_KEY)).body.code).toBe('QuotaLimitExceed');
  });

  it('by default the Bearer token alone is enough everywhere', async () => {
    await probe(LIGHT);
    expect((await json('transactions?type=SPEND_CONFIRM', DEMO_KEY, false)).body.data.records).toHaveLength(1);
    expect((await json('earn/rules', DEMO_KEY, false)).body.data).toHaveLength(2);
  });

  it('with extra-headers, the ledger and rules answer a 200 without data to a Bearer-only request', async () => {
    fake.setOptions({ magicubeAuth: 'extra-headers' });
    await probe(LIGHT);
    expect(await json('transactions?type=SPEND_CONFIRM', DEMO_KEY, false)).toEqual({
      status: 200,
      body: { success: true, request_id: expect.stringMatching(UUID), data: {} },
    });
    expect(await json('earn/rules', DEMO_KEY, false)).toEqual({ status: 200, body: { success: true, request_id: expect.stringMatching(UUID) } });
    expect((await json('balance', DEMO_KEY, false)).body.data.available_balance).toBe(249.5);
    expect((await json('spend/rates', DEMO_KEY, false)).body.data.rates).toHaveLength(4);
    expect((await json('transactions?type=SPEND_CONFIRM')).body.data.records).toHaveLength(1);
    expect((await json('earn/rules')).body.data).toHaveLength(2);
  });

  it('with browser-origin, the ledger and rules never answer what an extension can send, even with the extra headers', async () => {
    fake.setOptions({ magicubeAuth: 'browser-origin' });
    await probe(LIGHT);
    expect((await json('transactions?type=SPEND_CONFIRM')).body.data).toEqual({});
    expect((await json('earn/rules')).body.data).toBeUndefined();
    expect((await json('balance')).body.data.available_balance).toBe(249.5);
  });

  it('records the extra token headers with each request', async () => {
    await magicube('balance');
    await magicube('balance', DEMO_KEY, false);
    expect(fake.requests.map((r) => [r.openApiToken, r.modelfunToken])).toEqual([
      [DEMO_KEY, DEMO_KEY],
      [null, null],
    ]);
  });
});

it('reset() clears every Magicube account', async () => {
  await probe(FLAGSHIP);
  fake.reset();
  expect(await balance()).toEqual({ total_balance: 250, available_balance: 250, frozen_amount: 0 });
  expect(await spendRecords()).toEqual([]);
});
