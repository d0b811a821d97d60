// Proves the fake's credit world and its Magicube endpoints over real HTTP requests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDIT_WORLD_HEADER_MODELS,
  DASHSCOPE_ONLY_MODELS,
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
  SERVED_MODELS,
  UNBOUND_KEY,
} from './behaviours';
import { EARN_RULES } from './earn-rules';
import { MAGICUBE_VARIANT_DEFAULTS, startFakeModelScope, type FakeModelScope, type FakeModelScopeRuntimeOptions } from './server';
import { captureSpendRow } from '../support/capture-rows';

const OTHER_KEY = 'ms-' + '1234'.repeat(8);
const LITE = 'deepseek-ai/DeepSeek-V4-Flash';
const STANDARD = 'moonshotai/Kimi-K2.5';
const ULTRA = 'deepseek-ai/DeepSeek-V4-Pro';
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

/** A Magicube read with the Bearer token alone, as the extension sends it; `extraHeaders` adds what some tools send. */
function magicube(path: string, key: string = DEMO_KEY, extraHeaders: Record<string, string> = {}) {
  return fetch(`${fake.url}/openapi/v1/magicubes/${path}`, { headers: { authorization: `Bearer ${key}`, ...extraHeaders } });
}

async function json(path: string, key: string = DEMO_KEY, extraHeaders: Record<string, string> = {}) {
  const res = await magicube(path, key, extraHeaders);
  return { status: res.status, body: await res.json() };
}

const balance = async (key = DEMO_KEY) => (await json('balance', key)).body.data;
const spendRecords = async (key = DEMO_KEY, query = '') => (await json(`transactions?type=SPEND_CONFIRM${query}`, key)).body.data.records;
const grantRecords = async (key = DEMO_KEY) => (await json('transactions?type=EARN&page=1&page_size=100', key)).body.data.records;


/** The capture's words of the two daily grants. */
const GRANT_WORDS = {
  daily_active: { category_key: 'daily', title: '注册并登录', description: '注册账号后每日登录即可获取', category: '每日发放' },
  aliyun_bindlogin: { category_key: 'daily', title: '绑定阿里云账号', description: '绑定阿里云账号后每日登录即可获取', category: '每日发放' },
};

/** A daily grant row with every field of the real capture, lasting one day. */
const dailyGrantRow = (rule: keyof typeof GRANT_WORDS, gmtCreated: string, expireAt: string, daysRemaining: number) => ({
  gmt_created: gmtCreated,
  type: 'EARN',
  rule_key: rule,
  ...GRANT_WORDS[rule],
  total_amount: rule === 'daily_active' ? 200 : 50,
  count: 1,
  expire_days: 1,
  expire_at: expireAt,
  days_remaining: daysRemaining,
});

describe('the credit world: calls paid in Magicube credits', () => {
  it('gives every paid model a tier, a few of each, with the pool spread over all three; DashScope’s models have none', () => {
    const tiers = Object.values(MODEL_TIERS);
    for (const tier of ['lite', 'standard', 'ultra'] as const) expect(tiers.filter((t) => t === tier).length).toBeGreaterThan(3);
    const paid = [...REAL_MODELS, ...SERVED_MODELS].map((m) => m.id).filter((id) => !DASHSCOPE_ONLY_MODELS.includes(id));
    for (const model of [...paid, ...POOL_MODELS]) expect(MODEL_TIERS[model]).toBeDefined();
    for (const model of DASHSCOPE_ONLY_MODELS) expect(MODEL_TIERS[model]).toBeUndefined();
  });

  it('real models answer 200 without any quota header; a few models still send them', async () => {
    for (const model of [LITE, STANDARD, ULTRA]) {
      const res = await probe(model);
      expect(res.status).toBe(200);
      expect(Object.values(QUOTA_HEADERS).map((name) => res.headers.get(name))).toEqual([null, null, null, null]);
    }
    const withHeaders = await probe(CREDIT_WORLD_HEADER_MODELS[0]!);
    expect(withHeaders.headers.get(QUOTA_HEADERS.modelRemaining)).toBe('499');
  });

  it('starts an account with the two daily grants and debits each call by its tier’s price', async () => {
    expect(await balance()).toEqual({ total_balance: 250, available_balance: 250, frozen_amount: 0 });
    await probe(LITE);
    await probe(ULTRA);
    await probe(CREDIT_WORLD_HEADER_MODELS[1]!);
    expect(await balance()).toEqual({ total_balance: 246.5, available_balance: 246.5, frozen_amount: 0 });
    expect(fake.creditBalance(DEMO_KEY).available).toBe(246.5);
    expect((await balance(OTHER_KEY)).available_balance).toBe(250);
  });

  it('holds a call’s credits as frozen while it is in flight, then spends them', async () => {
    fake.setOptions({ latencyMs: 200 });
    const call = probe(ULTRA);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await balance()).toEqual({ total_balance: 250, available_balance: 248, frozen_amount: 2 });
    expect((await call).status).toBe(200);
    expect(await balance()).toEqual({ total_balance: 248, available_balance: 248, frozen_amount: 0 });
  });

  it('gives the credits back for a call the client abandoned', async () => {
    fake.setOptions({ latencyMs: 200 });
    const controller = new AbortController();
    const call = probe(ULTRA, DEMO_KEY, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toThrow(/abort/i);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await balance()).toEqual({ total_balance: 250, available_balance: 250, frozen_amount: 0 });
  });

  it('charges nothing for calls that fail: a refused key, an unknown model, one only DashScope serves, a fault model, a transient 503', async () => {
    expect((await probe(ULTRA, REVOKED_KEY)).status).toBe(401);
    expect((await probe(ULTRA, UNBOUND_KEY)).status).toBe(403);
    expect((await probe('no/such-model')).status).toBe(404);
    const dashScopeOnly = await probe(DASHSCOPE_ONLY_MODELS[1]!);
    expect(dashScopeOnly.status).toBe(404);
    expect((await dashScopeOnly.json()).error.message).toBe(`Model not found: ${DASHSCOPE_ONLY_MODELS[1]}`);
    expect((await probe(FAKE_NO_HEADERS)).status).toBe(200);
    fake.setOptions({ transientFailureRate: 1, seed: 1 });
    expect((await probe(ULTRA)).status).toBe(503);
    expect((await balance()).available_balance).toBe(250);
    expect((await balance(UNBOUND_KEY)).available_balance).toBe(250);
  });

  it('refuses a call the credits cannot pay for, with a 429, and charges nothing', async () => {
    expect(fake.spendElsewhere(DEMO_KEY, 'ultra', 1000)).toBe(125);
    const res = await probe(LITE);
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
        body: JSON.stringify({ model: ULTRA, messages: [], max_tokens: 1 }),
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
    expect((await probe(LITE)).headers.get(QUOTA_HEADERS.modelRemaining)).toBe('199');
    expect(await balance()).toEqual(DEMO_MAGICUBE);
  });
});

describe('the spend ledger (SPEND_CONFIRM)', () => {
  it('aggregates confirmed calls per (Beijing day, tier), newest first', async () => {
    await probe(LITE);
    advance(60_000);
    await probe('MiniMax/MiniMax-M2.5');
    advance(60_000);
    await probe(ULTRA);
    expect(await spendRecords()).toEqual([captureSpendRow('2026-12-01', 'ultra', 2, 1), captureSpendRow('2026-12-01', 'lite', 1, 2)]);
  });

  it('shows a spend only after the ledger lag, while the balance drops at once', async () => {
    fake.setOptions({ ledgerLagMs: 5000 });
    await probe(STANDARD);
    expect(await spendRecords()).toEqual([]);
    expect((await balance()).available_balance).toBe(249);
    advance(4999);
    expect(await spendRecords()).toEqual([]);
    advance(1);
    expect(await spendRecords()).toEqual([captureSpendRow('2026-12-01', 'standard', 1, 1)]);
  });

  it('starts new rows on a new Beijing day (midnight in Beijing is 16:00 UTC)', async () => {
    await probe(STANDARD);
    advance(15 * HOUR);
    await probe(STANDARD);
    expect(await spendRecords()).toEqual([captureSpendRow('2026-12-02', 'standard', 1, 1), captureSpendRow('2026-12-01', 'standard', 1, 1)]);
  });

  it('spendElsewhere makes another client’s calls show on their tier and in the balance', async () => {
    await probe(LITE);
    expect(fake.spendElsewhere(DEMO_KEY, 'standard', 3)).toBe(3);
    expect(await spendRecords()).toEqual([captureSpendRow('2026-12-01', 'lite', 0.5, 1), captureSpendRow('2026-12-01', 'standard', 3, 3)]);
    expect((await balance()).available_balance).toBe(246.5);
  });

  it.each([
    ['capture', '2026-12-01', '2026-12-02 09:00:00'],
    ['beijing-text', '2026-12-01 09:00:00', '2026-12-02 09:00:00'],
    ['date', '2026-12-01', '2026-12-02'],
    ['epoch-seconds', DEC_1_0900 / 1000, (DEC_1_0900 + 24 * HOUR) / 1000],
    ['epoch-ms', DEC_1_0900, DEC_1_0900 + 24 * HOUR],
  ] as const)('timeFormat %s writes gmt_created as %s and a grant’s expire_at as %s', async (timeFormat, gmtCreated, expireAt) => {
    fake.setOptions({ timeFormat });
    await probe(LITE);
    expect((await spendRecords())[0].gmt_created).toBe(gmtCreated);
    expect((await grantRecords())[0]).toMatchObject({ gmt_created: gmtCreated, expire_at: expireAt });
  });

  it('by default writes gmt_created as the Beijing day alone and expire_at in full, as the real capture does', async () => {
    clock.now = Date.UTC(2026, 11, 1, 16, 30); // 2026-12-02 00:30 in Beijing
    await probe(LITE);
    const [spend, grant] = (await json('transactions')).body.data.records;
    expect(spend.gmt_created).toBe('2026-12-02');
    expect(grant).toMatchObject({ gmt_created: '2026-12-02', expire_at: '2026-12-03 00:30:00' });
  });

  it('writes amounts as numeric strings when asked', async () => {
    fake.setOptions({ amountsAsStrings: true });
    await probe(LITE);
    expect((await spendRecords())[0].total_amount).toBe('0.50');
  });

  it('mixes rows with garbage amounts and dates into the page when asked', async () => {
    fake.setOptions({ garbageRows: true });
    await probe(LITE);
    const records = await spendRecords();
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ model_tier: 'lite', count: 1 });
    expect(records.slice(1)).toEqual([
      expect.objectContaining({ gmt_created: 'yesterday' }),
      expect.objectContaining({ total_amount: 'lots' }),
    ]);
  });

  it('pages a long ledger, 10 rows by default and up to 100 a page, saying the page, its size and the total', async () => {
    for (let day = 1; day <= 60; day += 1) {
      for (const tier of ['lite', 'standard', 'ultra'] as const) fake.seedSpend(DEMO_KEY, { at: DEC_1_0900 - day * 24 * HOUR, tier, calls: 2 });
    }
    expect((await json('transactions?type=SPEND_CONFIRM')).body.data).toEqual({ page: 1, page_size: 10, records: expect.any(Array), total: 180 });
    expect(await spendRecords()).toHaveLength(10);
    const first = await spendRecords(DEMO_KEY, '&page=1&page_size=100');
    expect(first).toHaveLength(100);
    expect(first[0]).toEqual(captureSpendRow('2026-11-30', expect.any(String), expect.any(Number), 2));
    expect(await spendRecords(DEMO_KEY, '&page=2&page_size=100')).toHaveLength(80);
    expect(await spendRecords(DEMO_KEY, '&page=3&page_size=100')).toEqual([]);
    expect((await balance()).available_balance).toBe(250);
  });

  it('refuses a page_size above 100 with a 403 QuotaLimitExceed, a paging limit that leaves the balance alone', async () => {
    await probe(LITE);
    for (const query of ['?page_size=101', '?type=SPEND_CONFIRM&page=1&page_size=500', '?type=EARN&page_size=1000']) {
      expect(await json(`transactions${query}`)).toEqual({
        status: 403,
        body: { success: false, code: 'QuotaLimitExceed', message: expect.stringContaining('100'), request_id: expect.stringMatching(UUID) },
      });
    }
    expect((await balance()).available_balance).toBe(249.5);
  });

  it('answers 400 to an unknown type or a bad page', async () => {
    expect((await json('transactions?type=SPEND')).body).toMatchObject({ success: false, code: 'InvalidParameter' });
    expect((await json('transactions?type=SPEND_CONFIRM&page=0')).body).toMatchObject({ success: false, code: 'InvalidParameter' });
    expect((await json('transactions?page_size=abc')).status).toBe(400);
  });
});

describe('the whole ledger (no type): spends and grants mixed, as the real capture shows them', () => {
  it('lists both kinds newest first, a spend before the grants of the same moment, every row with the capture’s fields', async () => {
    await probe(ULTRA);
    advance(15 * HOUR); // 2026-12-02 00:00 in Beijing: yesterday's grants expire today
    await probe(LITE);
    expect((await json('transactions?page=1&page_size=10')).body).toEqual({
      success: true,
      request_id: expect.stringMatching(UUID),
      data: {
        page: 1,
        page_size: 10,
        records: [
          captureSpendRow('2026-12-02', 'lite', 0.5, 1),
          dailyGrantRow('daily_active', '2026-12-02', '2026-12-03 00:00:00', 1),
          dailyGrantRow('aliyun_bindlogin', '2026-12-02', '2026-12-03 00:00:00', 1),
          captureSpendRow('2026-12-01', 'ultra', 2, 1),
          dailyGrantRow('daily_active', '2026-12-01', '2026-12-02 09:00:00', 0),
          dailyGrantRow('aliyun_bindlogin', '2026-12-01', '2026-12-02 09:00:00', 0),
        ],
        total: 6,
      },
    });
  });

  it('type=SPEND_CONFIRM and type=EARN keep only their own rows, and total counts them alone', async () => {
    await probe(ULTRA);
    const spends = (await json('transactions?type=SPEND_CONFIRM')).body.data;
    expect(spends.records.map((row: { type: string }) => row.type)).toEqual(['SPEND_CONFIRM']);
    expect(spends.total).toBe(1);
    const grants = (await json('transactions?type=EARN')).body.data;
    expect(grants.records.map((row: { rule_key: string }) => row.rule_key)).toEqual(['daily_active', 'aliyun_bindlogin']);
    expect(grants.total).toBe(2);
  });

  it('pages the mixed rows too', async () => {
    await probe(ULTRA);
    const second = (await json('transactions?page=2&page_size=2')).body.data;
    expect(second).toMatchObject({ page: 2, page_size: 2, total: 3 });
    expect(second.records).toEqual([dailyGrantRow('aliyun_bindlogin', '2026-12-01', '2026-12-02 09:00:00', 1)]);
  });

  it('mixes garbage rows of both kinds in when asked', async () => {
    fake.setOptions({ garbageRows: true });
    await probe(LITE);
    const records = (await json('transactions?page_size=100')).body.data.records;
    expect(records).toHaveLength(7);
    expect(records).toContainEqual(expect.objectContaining({ type: 'SPEND_CONFIRM', total_amount: 'lots' }));
    expect(records).toContainEqual(expect.objectContaining({ type: 'EARN', total_amount: -200 }));
  });
});

describe('grants (EARN)', () => {
  it('lists the daily grants with an expiry 24 h after issue, and issues them again on a new Beijing day', async () => {
    expect(await grantRecords()).toEqual([
      dailyGrantRow('daily_active', '2026-12-01', '2026-12-02 09:00:00', 1),
      dailyGrantRow('aliyun_bindlogin', '2026-12-01', '2026-12-02 09:00:00', 1),
    ]);
    advance(15 * HOUR);
    expect((await grantRecords()).map((row: { gmt_created: string; days_remaining: number }) => [row.gmt_created, row.days_remaining])).toEqual([
      ['2026-12-02', 1],
      ['2026-12-02', 1],
      ['2026-12-01', 0],
      ['2026-12-01', 0],
    ]);
  });

  it('short-term credits expire 24 h after issue, not at midnight, spending the soonest to expire first', async () => {
    fake.spendElsewhere(DEMO_KEY, 'ultra', 25);
    advance(15 * HOUR);
    // After midnight: yesterday's 200 left plus today's 250.
    expect((await balance()).available_balance).toBe(450);
    advance(9 * HOUR);
    expect((await balance()).available_balance).toBe(250);
  });

  it('issues only the daily grants asked for, and can leave out the expiry fields', async () => {
    fake.setOptions({ dailyGrants: ['aliyun_bindlogin'], grantExpireAt: false });
    expect(await grantRecords()).toEqual([
      { gmt_created: '2026-12-01', type: 'EARN', rule_key: 'aliyun_bindlogin', ...GRANT_WORDS.aliyun_bindlogin, total_amount: 50, count: 1 },
    ]);
    expect((await balance()).available_balance).toBe(50);
  });

  it('grant() adds credits such as long-term ones, with their own expiry and their rule’s words', async () => {
    fake.grant(DEMO_KEY, 'admin_grant', 100, { at: DEC_1_0900 - HOUR, expiresAt: DEC_1_0900 + 30 * 24 * HOUR });
    fake.grant(DEMO_KEY, 'purchase', 10, { at: DEC_1_0900 - 2 * HOUR, expiresAt: DEC_1_0900 + 36 * HOUR });
    expect((await balance()).available_balance).toBe(360);
    const records = await grantRecords();
    expect(records).toContainEqual({
      gmt_created: '2026-12-01',
      type: 'EARN',
      rule_key: 'admin_grant',
      category_key: 'badge_ranking',
      title: '运营发放',
      description: '管控台人工发放，金额与有效期由操作员指定',
      category: '运营发放',
      total_amount: 100,
      count: 1,
      expire_days: 31,
      expire_at: '2026-12-31 09:00:00',
      days_remaining: 30,
    });
    expect(records).toContainEqual(
      expect.objectContaining({ rule_key: 'purchase', title: '', category_key: '', expire_days: 2, expire_at: '2026-12-02 21:00:00', days_remaining: 1 }),
    );
  });

  it('mixes garbage grant rows in when asked', async () => {
    fake.setOptions({ garbageRows: true });
    const records = await grantRecords();
    expect(records).toHaveLength(4);
    expect(records).toContainEqual(expect.objectContaining({ total_amount: -200 }));
  });
});

describe('rates and rules', () => {
  it('lists the three API-Inference tier prices by their English keys, and a rate of another scene', async () => {
    const { body } = await json('spend/rates');
    expect(body).toEqual({
      success: true,
      request_id: expect.stringMatching(UUID),
      data: {
        rates: [
          { scene: 'api_inference', model_tier: 'lite', unit: 'request', unit_price: 0.5, min_charge: 0.5 },
          { scene: 'api_inference', model_tier: 'standard', unit: 'request', unit_price: 1, min_charge: 1 },
          { scene: 'api_inference', model_tier: 'ultra', unit: 'request', unit_price: 2, min_charge: 2 },
          { scene: 'notebook', model_tier: 'GPU', unit: 'hour', unit_price: 6, min_charge: 6 },
        ],
      },
    });
  });

  it('tierSpelling chinese writes the website’s names in the rates and the ledger', async () => {
    fake.setOptions({ tierSpelling: 'chinese' });
    const rates = (await json('spend/rates')).body.data.rates;
    expect(rates.map((rate: { model_tier: string; unit_price: number }) => [rate.model_tier, rate.unit_price])).toEqual([
      ['轻量', 0.5],
      ['主流', 1],
      ['旗舰', 2],
      ['GPU', 6],
    ]);
    await probe(LITE);
    await probe(STANDARD);
    await probe(ULTRA);
    expect((await spendRecords()).map((row: { model_tier: string }) => row.model_tier).sort()).toEqual(['主流', '旗舰', '轻量']);
  });

  const RULE_FIELDS = [
    'rule_key',
    'title',
    'description',
    'category',
    'category_key',
    'scene',
    'amount',
    'expire_days',
    'daily_cap',
    'total_cap',
    'today_used',
    'today_remain',
    'total_earned',
    'today_earned_amount',
    'earned_amount',
  ];
  const rules = async () => (await json('earn/rules')).body.data as Record<string, unknown>[];
  const ruleOf = (list: Record<string, unknown>[], key: string) => list.find((rule) => rule.rule_key === key);

  it('lists the capture’s 28 earn rules, each with the capture’s fields in its order', async () => {
    const list = await rules();
    expect(list).toHaveLength(28);
    expect(list.map((rule) => rule.rule_key)).toEqual(EARN_RULES.map((rule) => rule.rule_key));
    for (const rule of list) expect(Object.keys(rule)).toEqual(RULE_FIELDS);
    expect(new Set(list.map((rule) => rule.scene))).toEqual(new Set(['short_term', 'long_term']));
  });

  it.each([
    ['interaction_comment', { amount: 5, scene: 'short_term', expire_days: 1, daily_cap: 2, today_used: 0, today_remain: 2 }],
    ['interaction_like', { amount: 2, scene: 'short_term', daily_cap: 20, today_remain: 20 }],
    ['opensource_aigcworks_publish', { amount: 10, scene: 'short_term', daily_cap: 10, today_remain: 10 }],
    ['opensource_model_publish_aigc', { amount: 10, scene: 'short_term', daily_cap: 5, today_remain: 5 }],
    ['badge_magicube_shortterm', { amount: 20, scene: 'short_term', daily_cap: 1, today_remain: 1 }],
    ['infocomplement_email_verification', { title: '验证邮箱', amount: 50, scene: 'long_term', expire_days: 90, daily_cap: 0, total_cap: 1, today_remain: 0 }],
    ['invitation_registration_invitor', { amount: 20, scene: 'long_term', daily_cap: 0, today_remain: 0 }],
    ['opensource_model_influence_aigc', { amount: 50, scene: 'long_term', daily_cap: 5, today_remain: 5 }],
    ['badge_magicube_longterm', { amount: 300, scene: 'long_term', daily_cap: 0, today_remain: 0 }],
    ['admin_grant', { amount: 0, scene: 'long_term', expire_days: 30, daily_cap: 0, today_remain: 0 }],
  ])('%s says what the capture says', async (key, fields) => {
    expect(ruleOf(await rules(), key)).toMatchObject({ ...fields, total_earned: 0, today_earned_amount: 0, earned_amount: 0 });
  });

  it('the two daily grants follow what the account was granted today, as do rules granted by a test', async () => {
    fake.setOptions({ dailyGrants: ['daily_active'] });
    fake.grant(DEMO_KEY, 'interaction_like', 2);
    const list = await rules();
    expect(ruleOf(list, 'daily_active')).toEqual({
      rule_key: 'daily_active',
      title: '注册并登录',
      description: '注册账号后每日登录即可获取',
      category: '每日发放',
      category_key: 'daily',
      scene: 'short_term',
      amount: 200,
      expire_days: 1,
      daily_cap: 1,
      total_cap: 0,
      today_used: 1,
      today_remain: 0,
      total_earned: 0,
      today_earned_amount: 200,
      earned_amount: 200,
    });
    expect(ruleOf(list, 'aliyun_bindlogin')).toMatchObject({ amount: 50, daily_cap: 1, today_used: 0, today_remain: 1, today_earned_amount: 0, earned_amount: 0 });
    expect(ruleOf(list, 'interaction_like')).toMatchObject({ today_used: 1, today_remain: 19, today_earned_amount: 2 });
    advance(15 * HOUR);
    expect(ruleOf(await rules(), 'interaction_like')).toMatchObject({ today_used: 0, today_remain: 20 });
  });

  it('says today_count instead of today_used when asked', async () => {
    fake.setOptions({ rulesTodayCount: true });
    const [rule] = (await json('earn/rules')).body.data;
    expect(rule).toMatchObject({ today_count: 1 });
    expect(rule).not.toHaveProperty('today_used');
  });
});

describe('Magicube auth', () => {
  const paths = ['balance', 'transactions', 'transactions?type=SPEND_CONFIRM', 'transactions?type=EARN', 'spend/rates', 'earn/rules'];

  it.each(paths)('%s: 401 InvalidToken for a revoked key, 429 QuotaLimitExceed for the limited key', async (path) => {
    expect(await json(path, REVOKED_KEY)).toEqual({
      status: 401,
      body: { success: false, code: 'InvalidToken', message: 'Invalid token', request_id: expect.stringMatching(UUID) },
    });
    expect((await json(path, MAGICUBE_LIMITED_KEY)).body.code).toBe('QuotaLimitExceed');
  });

  it('the Bearer token alone is enough everywhere', async () => {
    await probe(LITE);
    expect((await json('transactions?type=SPEND_CONFIRM')).body.data.records).toHaveLength(1);
    expect((await json('transactions')).body.data.records).toHaveLength(3);
    expect((await json('earn/rules')).body.data).toHaveLength(28);
  });

  it('ledgerWithheld: the ledger (any type) and the rules answer a 200 without data, whatever the request carries', async () => {
    fake.setOptions({ ledgerWithheld: true });
    await probe(LITE);
    const everything = { 'openapi-token': DEMO_KEY, 'x-modelfun-token': DEMO_KEY, origin: 'https://www.modelscope.cn', cookie: 'm_session_id=1' };
    for (const extra of [{}, everything]) {
      for (const path of ['transactions', 'transactions?type=SPEND_CONFIRM', 'transactions?type=EARN&page=1&page_size=100']) {
        expect(await json(path, DEMO_KEY, extra)).toEqual({ status: 200, body: { success: true, request_id: expect.stringMatching(UUID), data: {} } });
      }
      expect(await json('earn/rules', DEMO_KEY, extra)).toEqual({ status: 200, body: { success: true, request_id: expect.stringMatching(UUID) } });
    }
    expect((await json('balance')).body.data.available_balance).toBe(249.5);
    expect((await json('spend/rates')).body.data.rates).toHaveLength(4);
    expect((await json('transactions', REVOKED_KEY)).status).toBe(401);
  });

  it('records the extra token headers with each request, so a test can tell they were never sent', async () => {
    await magicube('balance', DEMO_KEY, { 'openapi-token': DEMO_KEY, 'x-modelfun-token': DEMO_KEY });
    await magicube('balance');
    expect(fake.requests.map((r) => [r.openApiToken, r.modelfunToken])).toEqual([
      [DEMO_KEY, DEMO_KEY],
      [null, null],
    ]);
  });
});

it('reset() clears every Magicube account', async () => {
  await probe(ULTRA);
  fake.reset();
  expect(await balance()).toEqual({ total_balance: 250, available_balance: 250, frozen_amount: 0 });
  expect(await spendRecords()).toEqual([]);
});
