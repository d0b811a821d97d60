// The Magicube clients and the credit rules against the fake ModelScope's credit world, over HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFreeSources } from '@src/modelscope/free-sources';
import { probeModel } from '@src/modelscope/probe';
import { readSpendLedger } from '@src/modelscope/spend-ledger';
import type { TransactionReadOptions } from '@src/modelscope/transactions';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { earnableToday } from '@src/account/credits-view';
import { dailyGrantsToday, grantExpiries } from '@src/quota/daily-grants';
import { learnPriceFromLedger } from '@src/quota/learn-price';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { dailySpendSeries } from '@src/quota/spend-series';
import { todayByTier } from '@src/quota/today-by-tier';
import { DEMO_KEY, MAGICUBE_LIMITED_KEY, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { EARN_RULES } from '../fake-modelscope/earn-rules';
import { MAGICUBE_VARIANT_DEFAULTS, startFakeModelScope, type FakeModelScope, type FakeModelScopeRuntimeOptions } from '../fake-modelscope/server';
import { fetchRoutedTo } from '../support/routed-fetch';

const LITE = 'deepseek-ai/DeepSeek-V4-Flash';
const ULTRA = 'deepseek-ai/DeepSeek-V4-Pro';
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
    expect((await probe(LITE)).error_kind).toBe('no_quota_headers');
    await probe(ULTRA);
    await probe(ULTRA);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.balance).toEqual({ ok: true, balance: { total_balance: 245.5, available_balance: 245.5, frozen_amount: 0 } });
    if (!picture.ledger.ok || !picture.grants.ok || !picture.rates.ok || !picture.rules.ok) throw new Error('a read failed');
    expect(todayByTier(picture.ledger.rows, clock.now)).toEqual({
      day: '2026-12-01',
      tiers: [
        { tier: 'lite', rawTier: 'lite', calls: 1, credits: 0.5 },
        { tier: 'ultra', rawTier: 'ultra', calls: 2, credits: 4 },
      ],
      totals: { calls: 3, credits: 4.5 },
    });
    expect(picture.rates.prices.map((price) => [price.tier, price.price])).toEqual([
      ['lite', 0.5],
      ['standard', 1],
      ['ultra', 2],
    ]);
    expect(callsLeftFromCredits(245.5, picture.rates.prices.find((price) => price.tier === 'ultra')!.price)).toBe(122);
    expect(dailyGrantsToday(picture.grants.rows, clock.now)).toEqual({ daily_active: true, aliyun_bindlogin: true });
    // gmt_created is the day alone, expire_at the exact time: both grants expire together, 24 h after their issue.
    expect(grantExpiries(picture.grants.rows, clock.now)).toEqual([{ at: DEC_1_0900 + 24 * HOUR, credits: 250, exact: true, issuedAt: startOfQuotaDays(1, clock.now) }]);
    expect(picture.rules.rules).toHaveLength(EARN_RULES.length);
    expect(picture.rules.rules.slice(0, 2).map((rule) => [rule.ruleKey, rule.scene, rule.todayUsed, rule.todayRemain, rule.todayEarned])).toEqual([
      ['daily_active', 'short_term', 1, 0, 200],
      ['aliyun_bindlogin', 'short_term', 1, 0, 50],
    ]);
  });

  it('says what the capture’s earn rules still offer today, besides the two daily grants, and less once some is earned', async () => {
    const earnable = async () => {
      const picture = await readFreeSources(DEMO_KEY, window());
      if (!picture.rules.ok) throw new Error('the rules did not answer');
      return earnableToday(picture.rules.rules);
    };
    // Short-term rules only, each credits × today_remain: AIGC works 10 × 10, AIGC models 10 × 5, likes 2 × 20,
    // the badge 20 × 1, comments 5 × 2; the long-term ones (profile, open source influence…) are not a day's.
    const before = await earnable();
    expect(before.credits).toBe(220);
    expect(before.rules.map((rule) => [rule.ruleKey, rule.credits, rule.timesLeft])).toEqual([
      ['opensource_aigcworks_publish', 10, 10],
      ['opensource_model_publish_aigc', 10, 5],
      ['interaction_like', 2, 20],
      ['badge_magicube_shortterm', 20, 1],
      ['interaction_comment', 5, 2],
    ]);
    expect(before.rules.find((rule) => rule.ruleKey === 'interaction_like')?.title).toBe('收藏/喜欢');
    fake.grant(DEMO_KEY, 'interaction_like', 2);
    fake.grant(DEMO_KEY, 'interaction_like', 2);
    fake.grant(DEMO_KEY, 'badge_magicube_shortterm', 20);
    const after = await earnable();
    expect(after.credits).toBe(196);
    expect(after.rules.map((rule) => rule.ruleKey)).not.toContain('badge_magicube_shortterm');
    expect(after.rules.find((rule) => rule.ruleKey === 'interaction_like')?.timesLeft).toBe(18);
  });

  it('sends the token as the Bearer header alone, as the real capture did, and gets every source with it', async () => {
    await probe(LITE);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.ledger).toMatchObject({ ok: true, rows: [{ tier: 'lite' }] });
    expect([picture.balance.ok, picture.grants.ok, picture.rates.ok, picture.rules.ok]).toEqual([true, true, true, true]);
    const reads = fake.requests.filter((r) => r.path.startsWith('/openapi/'));
    expect(reads).toHaveLength(5);
    expect(reads.every((r) => r.authorization === `Bearer ${DEMO_KEY}` && r.openApiToken === null && r.modelfunToken === null)).toBe(true);
  });

  it('says not_returned, never 0 spent, when ModelScope answers the ledger and rules without their data', async () => {
    fake.setOptions({ ledgerWithheld: true });
    await probe(LITE);
    const picture = await readFreeSources(DEMO_KEY, window());
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

  it.each(['capture', 'beijing-text', 'date', 'epoch-seconds', 'epoch-ms'] as const)('reads a ledger whose times are written as %s', async (timeFormat) => {
    fake.setOptions({ timeFormat, amountsAsStrings: true });
    await probe(ULTRA);
    const [row] = await ledgerRows();
    const dayAlone = timeFormat === 'date' || timeFormat === 'capture';
    expect(row).toEqual({ at: dayAlone ? startOfQuotaDays(1, clock.now) : DEC_1_0900, tier: 'ultra', rawTier: 'ultra', credits: 2, calls: 1 });
  });

  it('reads the tiers the China site writes with the website’s Chinese names as the same tiers', async () => {
    fake.setOptions({ tierSpelling: 'chinese' });
    await probe(ULTRA);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.ledger).toMatchObject({ ok: true, rows: [{ tier: 'ultra', rawTier: '旗舰' }] });
    expect(picture.rates.ok && picture.rates.prices.map((price) => [price.tier, price.rawTier])).toEqual([
      ['lite', '轻量'],
      ['standard', '主流'],
      ['ultra', '旗舰'],
    ]);
  });

  it('drops and counts the garbage rows, keeping the rest', async () => {
    fake.setOptions({ garbageRows: true });
    await probe(LITE);
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.ledger).toMatchObject({ ok: true, dropped: 2, rows: [{ tier: 'lite', credits: 0.5 }] });
    expect(picture.grants).toMatchObject({ ok: true, dropped: 2 });
    expect(picture.grants.ok && picture.grants.rows).toHaveLength(2);
  });

  it('reads today_count where the rules send it, and the 24 h rule where grants carry no expire_at', async () => {
    fake.setOptions({ rulesTodayCount: true, grantExpireAt: false });
    const picture = await readFreeSources(DEMO_KEY, window());
    expect(picture.rules.ok && picture.rules.rules.slice(0, 2).map((rule) => rule.todayUsed)).toEqual([1, 1]);
    // Only the day of issue is known (gmt_created is the day alone): 24 h from its start, said as an estimate.
    const issued = startOfQuotaDays(1, clock.now);
    expect(picture.grants.ok && grantExpiries(picture.grants.rows, clock.now)).toEqual([{ at: issued + 24 * HOUR, credits: 250, exact: false, issuedAt: issued }]);
  });

  it('a 14-day series from a seeded history, oldest first', async () => {
    fake.seedSpend(DEMO_KEY, { at: DEC_1_0900 - 3 * 24 * HOUR, tier: 'standard', calls: 7 });
    fake.seedSpend(DEMO_KEY, { at: DEC_1_0900 - 30 * 24 * HOUR, tier: 'standard', calls: 9 });
    await probe(LITE);
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
    await probe(ULTRA);
    clock.now += 3000;
    const before = await ledgerRows();
    await probe(LITE);
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'not_yet' });
    clock.now += 3000;
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'learned', tier: 'lite', rawTier: 'lite', price: 0.5 });
  });

  it('learns nothing when another client spent on another tier in the window', async () => {
    const before = await ledgerRows();
    await probe(LITE);
    fake.spendElsewhere(DEMO_KEY, 'standard', 1);
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'poisoned', tiers: ['lite', 'standard'] });
  });

  it('learns from the new day’s row when the probe falls just after midnight in Beijing', async () => {
    clock.now = Date.UTC(2026, 11, 1, 15, 59, 59);
    await probe(ULTRA);
    const before = await ledgerRows();
    clock.now += 2000;
    await probe(ULTRA);
    expect(learnPriceFromLedger(before, await ledgerRows())).toEqual({ kind: 'learned', tier: 'ultra', rawTier: 'ultra', price: 2 });
  });
});
