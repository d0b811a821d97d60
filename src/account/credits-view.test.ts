import { describe, expect, it } from 'vitest';
import type { GrantRow, GrantRule, LedgerRow } from '@src/modelscope/magicube-shapes';
import { accountRecord, answered, neverAnswered } from '@test/support/account-record';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, grantRow, ledgerRow } from '@test/support/magicube-rows';
import { creditsView, earnableToday, type GrantsView } from './credits-view';

const NOW = DEC_1 + 7 * HOUR; // 07:00 in Beijing
const YESTERDAY = DEC_1 - 24 * HOUR;
const MINUTE = 60_000;

// As the capture writes them: gmt_created the day alone, expire_at the exact time. Yesterday's two came at 07:41 and
// 07:45; today's login at 06:30.
const YESTERDAYS_LOGIN = grantRow(YESTERDAY, 'daily_active', 200, DEC_1 + 7 * HOUR + 41 * MINUTE);
const YESTERDAYS_ALIYUN = grantRow(YESTERDAY, 'aliyun_bindlogin', 50, DEC_1 + 7 * HOUR + 45 * MINUTE);
const TODAYS_LOGIN = grantRow(DEC_1, 'daily_active', 200, DEC_1 + 30 * HOUR + 30 * MINUTE);

/** Enough credits available that every grant below may still be whole. */
const PLENTY = 1000;

/**
 * The grants as the view shows them, from a record read at NOW with these grants, this ledger (null: not read today)
 * and this much available.
 */
function grantsOf(grants: GrantRow[], ledger: LedgerRow[] | null, available = PLENTY): GrantsView | null {
  const since = DEC_1 - 13 * 24 * HOUR;
  const record = accountRecord(NOW, {
    balance: answered({ total_balance: available, available_balance: available, frozen_amount: 0 }, NOW),
    ledgerRows: ledger ?? [],
    grants: answered({ rows: grants, since, complete: true }, NOW),
    ...(ledger === null ? { ledger: neverAnswered('unreachable', NOW) } : {}),
  });
  return creditsView(record, NOW).grants;
}

const expiriesOf = (grants: GrantRow[], ledger: LedgerRow[] | null, available = PLENTY) =>
  grantsOf(grants, ledger, available)?.expiries.map(({ at, credits, exact, upTo }) => ({ at, credits, exact, upTo }));

describe('the grants’ expiries in the view', () => {
  it('names every expiry ahead at its exact time, soonest first, the two daily grants four minutes apart', () => {
    expect(expiriesOf([TODAYS_LOGIN, YESTERDAYS_ALIYUN, YESTERDAYS_LOGIN], [])).toEqual([
      { at: YESTERDAYS_LOGIN.expiresAt, credits: 200, exact: true, upTo: false },
      { at: YESTERDAYS_ALIYUN.expiresAt, credits: 50, exact: true, upTo: false },
      { at: TODAYS_LOGIN.expiresAt, credits: 200, exact: true, upTo: false },
    ]);
  });

  it('says “up to” for grants issued on or before a day the ledger shows spending on, and exactly for later ones', () => {
    // Spent yesterday, nothing yet today: yesterday's grants may be partly gone, today's are whole.
    const spentYesterday = [ledgerRow(YESTERDAY + 15 * HOUR, 'ultra', 4, 2)];
    expect(expiriesOf([TODAYS_LOGIN, YESTERDAYS_LOGIN], spentYesterday)?.map(({ credits, upTo }) => [credits, upTo])).toEqual([
      [200, true],
      [200, false],
    ]);
    const spentToday = [ledgerRow(DEC_1, 'lite', 0.5, 1)];
    expect(expiriesOf([TODAYS_LOGIN, YESTERDAYS_LOGIN], spentToday)?.map(({ upTo }) => upTo)).toEqual([true, true]);
  });

  it('does not count a ledger row without credits as spending', () => {
    expect(expiriesOf([TODAYS_LOGIN], [ledgerRow(DEC_1, 'lite', 0, 0)])?.map(({ upTo }) => upTo)).toEqual([false]);
  });

  it('says “up to” once more would expire than the balance holds: no more can expire than the account has', () => {
    // 200 then 50 expiring, 220 available and nothing spent in the ledger (another record of the spend may lag).
    expect(expiriesOf([YESTERDAYS_LOGIN, YESTERDAYS_ALIYUN], [], 220)?.map(({ credits, upTo }) => [credits, upTo])).toEqual([
      [200, false],
      [50, true],
    ]);
  });

  it('says “up to” for every expiry while the ledger was not read today: spending cannot be ruled out', () => {
    expect(expiriesOf([TODAYS_LOGIN, YESTERDAYS_LOGIN], null)?.map(({ upTo }) => upTo)).toEqual([true, true]);
  });

  it('says which expiries are the 24 h rule’s estimate rather than expire_at', () => {
    const issued = DEC_1 + 8 * HOUR;
    expect(expiriesOf([grantRow(issued, 'daily_active', 200)], [])).toEqual([{ at: issued + 24 * HOUR, credits: 200, exact: false, upTo: false }]);
  });
});

const rule = (ruleKey: string, change: Partial<GrantRule> = {}): GrantRule => ({
  ruleKey,
  title: ruleKey,
  scene: 'short_term',
  credits: 2,
  dailyCap: 20,
  todayUsed: 0,
  todayRemain: 20,
  todayEarned: 0,
  ...change,
});

describe('earnableToday', () => {
  it('adds up what the short-term rules still pay today, biggest first, leaving out the two daily grants', () => {
    const rules = [
      rule('daily_active', { credits: 200, todayRemain: 1 }),
      rule('aliyun_bindlogin', { credits: 50, todayRemain: 1 }),
      rule('interaction_like', { credits: 2, todayRemain: 18 }),
      rule('interaction_comment', { credits: 5, todayRemain: 2 }),
      rule('opensource_aigcworks_publish', { credits: 10, todayRemain: 10 }),
    ];
    expect(earnableToday(rules)).toEqual({
      credits: 146,
      rules: [
        { ruleKey: 'opensource_aigcworks_publish', title: 'opensource_aigcworks_publish', credits: 10, timesLeft: 10 },
        { ruleKey: 'interaction_like', title: 'interaction_like', credits: 2, timesLeft: 18 },
        { ruleKey: 'interaction_comment', title: 'interaction_comment', credits: 5, timesLeft: 2 },
      ],
    });
  });

  it('leaves out long-term rules, rules with no room left today, and rules whose credits or room are not known', () => {
    const rules = [
      rule('infocomplement_email_verification', { scene: 'long_term', credits: 50, todayRemain: 1 }),
      rule('interaction_like', { todayRemain: 0 }),
      rule('ranking_magicube_longterm', { credits: 0 }),
      rule('badge_magicube_shortterm', { credits: null }),
      rule('interaction_comment', { todayRemain: null }),
      rule('mystery', { scene: null }),
    ];
    expect(earnableToday(rules)).toEqual({ credits: 0, rules: [] });
  });

  it('adds decimal credits exactly', () => {
    expect(earnableToday([rule('a', { credits: 0.1, todayRemain: 3 }), rule('b', { credits: 0.2, todayRemain: 1 })]).credits).toBe(0.5);
  });

  it('is in the view only from rules read today', () => {
    const rules = [rule('interaction_like', { todayRemain: 20 })];
    expect(creditsView(accountRecord(NOW, { rules: answered(rules, NOW) }), NOW).earnable?.credits).toBe(40);
    expect(creditsView(accountRecord(NOW, { rules: answered(rules, DEC_1 - HOUR) }), NOW).earnable).toBeNull();
    expect(creditsView(accountRecord(NOW, { rules: neverAnswered('not_returned', NOW) }), NOW).earnable).toBeNull();
  });
});
