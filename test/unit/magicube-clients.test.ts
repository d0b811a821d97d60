// The Magicube clients and the credit rules against the fake ModelScope's credit world, over HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFreeSources } from '@src/modelscope/free-sources';
import { probeModel } from '@src/modelscope/probe';
import { readSpendLedger } from '@src/modelscope/spend-ledger';
import type { TransactionReadOptions } from '@src/modelscope/transactions';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { dailyGrantsToday, nextGrantExpiry } from '@src/quota/daily-grants';
import { learnPriceFromLedger } from '@src/quota/learn-price';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { dailySpendSeries } from '@src/quota/spend-series';
import { todayByTier } from '@src/quota/today-by-tier';
import { DEMO_KEY, MAGICUBE_LIMITED_KEY, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { MAGICUBE_VARIANT_DEFAULTS, startFakeModelScope, type FakeModelScope, type FakeModelScopeRuntimeOptions } from '../fake-modelscope/server';
import { fetchRoutedTo } from '../support/routed-fetch';

const LIGHT = 'ZhipuAI/GLM-4.7';
const FLAGSHIP = 'deepseek-ai/DeepSeek-V4-Pro';
const HOUR = 3_600_000;
/** 2026-12-01 09:00 in Beijing. */
const DEC_1_0900 = Date.UTC(2026, 11, 1, 1);

const clock = { now: DEC_1_0900 };
const DEFAULTS: FakeModelScopeRuntimeOptions = MAGICUBE_VARIANT_DEFAULTS;

let fake: FakeModelScope;
let fetchFn: typeof fetch;
beforeAll(async () => {
  fake = await startFakeModelScope({ world: 'credits', now: () => clock.now });
  fetchFn = fetchRoutedTo(fake);
});
afterEach(() => {
  fake.setOptions(DEFAULTS);
  fake.reset();
  clock.now = DEC_1_0900;
});
afterAll(() => fake.close());

const window = (days = 14): TransactionReadOptions => ({ site: 'cn', since: startOfQuotaDays(days, clock.now), timeoutMs: 5000, fetchFn });
const probe = (model: string) => probeModel(model, DEMO_KEY, { site: 'cn', timeoutMs: 5000, fetchFn });
const ledgerRows = async () => {
  const ledger = await readSpendLedger(DEMO_KEY, window(1));
  if (!ledger.ok) throw new Error(`ledger: ${ledger.reason}`);
  return ledger.rows;
};

describe('the account picture of the credit world', () => {
  it('reads balance, ledger, grants, prices and rules that agree with each other', async () => {
    expect((await probe(LIGHT)).error_kind).toBe('no_quota_headers');
    await probe(FLAGSHIP);
    await probe(FLAGSHIP);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.balance).toEqual({ ok: true, balance: { total_balance: 245.5, available_balance: 245.5, frozen_amount: 0 } });
    if (!picture.ledger.ok || !picture.grants.ok || !picture.rates.ok || !picture.rules.ok) throw new Error('a read failed');
    expect(todayByTier(picture.ledger.rows, clock.now)).toEqual({
      day: '2026-12-01',
      tiers: [
        { tier: 'flagship', rawTier: '旗舰', calls: 2, credits: 4 },
        { tier: 'lightweight', rawTier: '轻量', calls: 1, credits: 0.5 },
      ],
      totals: { calls: 3, credits: 4.5 },
    });
    expect(picture.rates.prices.map((price) => [price.tier, price.price])).toEqual([
      ['lightweight', 0.5],
      ['mainstream', 1],
      ['flagship', 2],
    ]);
    expect(callsLeftFromCredits(245.5, picture.rates.prices.find((price) => price.tier === 'flagship')!.price)).toBe(122);
    expect(dailyGrantsToday(picture.grants.rows, clock.now)).toEqual({ daily_active: true, aliyun_bindlogin: true });
    expect(nextGrantExpiry(picture.grants.rows, clock.now)).toEqual({ at: DEC_1_0900 + 24 * HOUR, credits: 250 });
    expect(picture.rules.rules.map((rule) => [rule.ruleKey, rule.todayUsed, rule.todayEarned])).toEqual([
      ['daily_active', 1, 200],
      ['aliyun_bindlogin', 1, null],
    ]);
  });

  it('sends the token three ways, so the ledger answers even where Bearer alone is ignored', async () => {
    fake.setOptions({ magicubeAuth: 'extra-headers' });
    await probe(LIGHT);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.ledger).toMatchObject({ ok: true, rows: [{ tier: 'lightweight' }] });
    expect(picture.rules).toMatchObject({ ok: true });
    // The balance client predates the extra headers and sends Bearer alone, which the balance endpoint accepts.
    const newReads = fake.requests.filter((r) => r.path.startsWith('/openapi/') && !r.path.endsWith('/balance'));
    expect(newReads).toHaveLength(4);
    expect(newReads.every((r) => r.openApiToken === DEMO_KEY && r.modelfunToken === DEMO_KEY)).toBe(true);
  });

  it('says not_returned, never 0 spent, when the extra headers are missing and ModelScope ignores the read', async () => {
    fake.setOptions({ magicubeAuth: 'extra-headers' });
    const bearerOnly: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('openapi-token');
      headers.delete('x-modelfun-token');
      return fetchFn(input, { ...init, headers });
    };
    const picture = await readFreeSources(DEMO_KEY, { ...window(), fetchFn: bearerOnly });
    expect(picture.ledger).toEqual({ ok: false, reason: 'not_returned', status: 200, detail: null });
    expect(picture.grants).toEqual({ ok: false, reason: 'not_returned', status: 200, detail: null });
    expect(picture.rules).toEqual({ ok: false, reason: 'not_returned', status: 200, detail: null });
    expect(picture.rates.ok).toBe(true);
  });

  it.each([
    ['a revoked key', REVOKED_KEY, { ok: false, reason: 'refused', status: 401, detail: 'InvalidToken' }],
    ['the Magicube-limited key', MAGICUBE_LIMITED_KEY, { ok: false, reason: 'upstream_error', status: 429, detail: 'QuotaLimitExceed' }],
  ])('gives each read its failure for %s, without the key', async (_, key, failure) => {
    const picture = await readFreeSources(key, window());
    expect([picture.ledger, picture.grants, picture.rates, picture.rules]).toEqual([failure, failure, failure, failure]);
    expect(picture.balance.ok).toBe(false);
    expect(JSON.stringify(picture)).not.toContain(key);
  });

  it.each(['beijing-text', 'date', 'epoch-seconds', 'epoch-ms'] as const)('reads a ledger whose times are written as %s', async (timeFormat) => {
    fake.setOptions({ timeFormat, amountsAsStrings: true });
    await probe(FLAGSHIP);
    const [row] = await ledgerRows();
    expect(row).toEqual({ at: timeFormat === 'date' ? startOfQuotaDays(1, clock.now) : DEC_1_0900, tier: 'flagship', rawTier: '旗舰', credits: 2, calls: 1 });
  });

  it('drops and counts the garbage rows, keeping the rest', async () => {
    fake.setOptions({ garbageRows: true });
    await probe(LIGHT);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.ledger).toMatchObject({ ok: true, dropped: 2, rows: [{ tier: 'lightweight', credits: 0.5 }] });
    expect(picture.grants).toMatchObject({ ok: true, dropped: 2 });
    expect(picture.grants.ok && picture.grants.rows).toHaveLength(2);
  });

  it('reads today_count where the rules send it, and the 24 h rule where grants carry no expire_at', async () => {
    fake.setOptions({ rulesTodayCount: true, grantExpireAt: false });
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.rules.ok && picture.rules.rules.map((rule) => rule.todayUsed)).toEqual([1, 1]);
    expect(picture.grants.ok && nextGrantExpiry(picture.grants.rows, clock.now)).toEqual({ at: DEC_1_0900 + 24 * HOUR, credits: 250 });
  });

  it('a 14-day series from a seeded history, oldest first', async () => {
    fake.seedSpend(DEMO_KEY, { at: DEC_1_0900 - 3 * 24 * HOUR, tier: 'mainstream', calls: 7 });
    fake.seedSpend(DEMO_KEY, { at: DEC_1_0900 - 30 * 24 * HOUR, tier: 'mainstream', calls: 9 });
    await probe(LIGHT);
    const ledger = await readSpendLedger(DEMO_KEY, window());
    const series = dailySpendSeries(ledger.ok ? ledger : null, 14, clock.now);
    if (!series.answered) throw new Error('the ledger answered');
    expect(series.days.filter((day) => day.covered && day.credits > 0)).toEqual([
      { day: '2026-11-28', covered: true, credits: 7, calls: 7 },
      { day: '2026-12-01', covered: true, credits: 0.5, calls: 1 },
    ]);
    expect(series.days.every((day) => day.covered)).toBe(true);
  });
});

describe('learning a model’s price from the ledger', () => {
  it('learns the tier and price of one probe, once the ledger lag has passed', async () => {
    fake.setOptions({ ledgerLagMs: 3000 });
    await probe(FLAGSHIP);
    clock.now += 3000;
    const before = await ledgerRows();
    await probe(LIGHT);
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'not_yet' });
    clock.now += 3000;
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'learned', tier: 'lightweight', rawTier: '轻量', price: 0.5 });
  });

  it('learns nothing when another client spent on another tier in the window', async () => {
    const before = await ledgerRows();
    await probe(LIGHT);
    fake.spendElsewhere(DEMO_KEY, 'mainstream', 1);
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'poisoned', tiers: ['lightweight', 'mainstream'] });
  });

  it('learns from the new day’s row when the probe falls just after midnight in Beijing', async () => {
    clock.now = Date.UTC(2026, 11, 1, 15, 59, 59);
    await probe(FLAGSHIP);
    const before = await ledgerRows();
    clock.now += 2000;
    await probe(FLAGSHIP);
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'learned', tier: 'flagship', rawTier: '旗舰', price: 2 });
  });
});
