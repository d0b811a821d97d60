import { describe, expect, it } from 'vitest';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, grantRow } from '@test/support/magicube-rows';
import { dailyGrantsToday, grantExpiries } from './daily-grants';

const AT_10 = DEC_1 + 10 * HOUR;

describe('dailyGrantsToday', () => {
  it('says which daily grants arrived today in Beijing time', () => {
    const grants = [grantRow(DEC_1 + 9 * HOUR, 'daily_active', 200), grantRow(DEC_1 - HOUR, 'aliyun_bindlogin', 50)];
    expect(dailyGrantsToday(grants, AT_10)).toEqual({ daily_active: true, aliyun_bindlogin: false });
    expect(dailyGrantsToday([...grants, grantRow(DEC_1 + 9 * HOUR, 'aliyun_bindlogin', 50)], AT_10)).toEqual({
      daily_active: true,
      aliyun_bindlogin: true,
    });
    expect(dailyGrantsToday([grantRow(DEC_1 + 9 * HOUR, 'invite_friend', 100)], AT_10)).toEqual({
      daily_active: false,
      aliyun_bindlogin: false,
    });
  });
});

describe('grantExpiries', () => {
  it('a daily grant without expire_at expires 24 h after it was issued, not at midnight, and says it is an estimate', () => {
    const issued = DEC_1 + 9 * HOUR;
    expect(grantExpiries([grantRow(issued, 'daily_active', 200)], AT_10)).toEqual([{ at: DEC_1 + 33 * HOUR, credits: 200, exact: false, issuedAt: issued }]);
  });

  it('takes a grant’s own expire_at over the 24 h rule, as exact', () => {
    const grant = grantRow(DEC_1 + 9 * HOUR, 'daily_active', 200, DEC_1 + 24 * HOUR);
    expect(grantExpiries([grant], AT_10)).toEqual([{ at: DEC_1 + 24 * HOUR, credits: 200, exact: true, issuedAt: DEC_1 + 9 * HOUR }]);
  });

  it('lists every expiry still ahead, soonest first, including grants known only by their expire_at', () => {
    const grants = [
      grantRow(DEC_1 + 9 * HOUR, 'daily_active', 200),
      grantRow(DEC_1 - 15 * HOUR, 'aliyun_bindlogin', 50),
      grantRow(DEC_1 - 20 * HOUR, 'daily_active', 200),
      grantRow(DEC_1, 'promo', 30, DEC_1 + 12 * HOUR),
      grantRow(DEC_1 - 40 * HOUR, 'admin_grant', 100, DEC_1 + 29 * 24 * HOUR),
    ];
    expect(grantExpiries(grants, AT_10)).toEqual([
      { at: DEC_1 + 12 * HOUR, credits: 30, exact: true, issuedAt: DEC_1 },
      { at: DEC_1 + 33 * HOUR, credits: 200, exact: false, issuedAt: DEC_1 + 9 * HOUR },
      { at: DEC_1 + 29 * 24 * HOUR, credits: 100, exact: true, issuedAt: DEC_1 - 40 * HOUR },
    ]);
  });

  it('groups the credits that expire at the very same moment, exactly, as exact only when every one of them is', () => {
    // Yesterday's 200 and 50 as the capture writes them: issued on the same day, expiring four minutes apart.
    const yesterday = DEC_1 - 24 * HOUR;
    const login = DEC_1 + 7 * HOUR + 37 * 60_000;
    const grants = [
      grantRow(yesterday, 'daily_active', 200, login),
      grantRow(yesterday, 'aliyun_bindlogin', 50, login + 4 * 60_000),
      grantRow(DEC_1 + 9 * HOUR, 'interaction_like', 0.1, DEC_1 + 33 * HOUR),
      grantRow(DEC_1 + 9 * HOUR, 'interaction_comment', 0.2),
    ];
    expect(grantExpiries(grants, DEC_1 + 7 * HOUR)).toEqual([
      { at: login, credits: 200, exact: true, issuedAt: yesterday },
      { at: login + 4 * 60_000, credits: 50, exact: true, issuedAt: yesterday },
      // A daily-rule estimate would be exact: false; interaction_comment has none, so only the exact one is counted.
      { at: DEC_1 + 33 * HOUR, credits: 0.1, exact: true, issuedAt: DEC_1 + 9 * HOUR },
    ]);
    const sameMoment = [grantRow(DEC_1 + 9 * HOUR, 'daily_active', 0.1), grantRow(DEC_1 + 8 * HOUR, 'promo', 0.2, DEC_1 + 33 * HOUR)];
    expect(grantExpiries(sameMoment, AT_10)).toEqual([{ at: DEC_1 + 33 * HOUR, credits: 0.3, exact: false, issuedAt: DEC_1 + 8 * HOUR }]);
  });

  it('counts a grant listed twice once (rows shift across pages as new ones arrive)', () => {
    const issued = DEC_1 + 9 * HOUR;
    const grants = [grantRow(issued, 'daily_active', 200, issued + 24 * HOUR), grantRow(issued, 'daily_active', 200, issued + 24 * HOUR)];
    expect(grantExpiries(grants, AT_10)).toEqual([{ at: issued + 24 * HOUR, credits: 200, exact: true, issuedAt: issued }]);
  });

  it('keeps apart grants of one rule on one day that expire at different times, though gmt_created gives the day alone', () => {
    // Three likes on one day: the capture writes each grant's gmt_created as the day, and its own expire_at.
    const likes = [9, 11, 12].map((hour) => grantRow(DEC_1, 'interaction_like', 2, DEC_1 + (24 + hour) * HOUR));
    expect(grantExpiries(likes, AT_10).map(({ at, credits }) => [at, credits])).toEqual([
      [DEC_1 + 33 * HOUR, 2],
      [DEC_1 + 35 * HOUR, 2],
      [DEC_1 + 36 * HOUR, 2],
    ]);
  });

  it('is empty when no expiry is known or all have passed', () => {
    expect(grantExpiries([grantRow(DEC_1, 'long_term_bonus', 500)], AT_10)).toEqual([]);
    expect(grantExpiries([grantRow(DEC_1 - 15 * HOUR, 'daily_active', 200)], AT_10)).toEqual([]);
    expect(grantExpiries([grantRow(DEC_1, 'promo', 30, AT_10)], AT_10)).toEqual([]);
    expect(grantExpiries([], AT_10)).toEqual([]);
  });
});
