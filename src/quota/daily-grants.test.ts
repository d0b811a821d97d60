import { describe, expect, it } from 'vitest';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, grantRow } from '@test/support/magicube-rows';
import { dailyGrantsToday, nextGrantExpiry } from './daily-grants';

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

describe('nextGrantExpiry', () => {
  it('a daily grant expires 24 h after it was issued, not at midnight', () => {
    expect(nextGrantExpiry([grantRow(DEC_1 + 9 * HOUR, 'daily_active', 200)], AT_10)).toEqual({ at: DEC_1 + 33 * HOUR, credits: 200 });
  });

  it('takes a daily grant’s own expire_at over the 24 h rule', () => {
    const grant = grantRow(DEC_1 + 9 * HOUR, 'daily_active', 200, DEC_1 + 24 * HOUR);
    expect(nextGrantExpiry([grant], AT_10)).toEqual({ at: DEC_1 + 24 * HOUR, credits: 200 });
  });

  it('picks the soonest expiry still ahead, including grants known only by their expire_at', () => {
    const grants = [
      grantRow(DEC_1 + 9 * HOUR, 'daily_active', 200),
      grantRow(DEC_1 - 15 * HOUR, 'aliyun_bindlogin', 50),
      grantRow(DEC_1 - 20 * HOUR, 'daily_active', 200),
      grantRow(DEC_1, 'promo', 30, DEC_1 + 12 * HOUR),
    ];
    expect(nextGrantExpiry(grants, AT_10)).toEqual({ at: DEC_1 + 12 * HOUR, credits: 30 });
  });

  it('adds up the credits that expire at the same moment, once each', () => {
    const issued = DEC_1 + 9 * HOUR;
    const grants = [grantRow(issued, 'daily_active', 0.1), grantRow(issued, 'aliyun_bindlogin', 0.2), grantRow(issued, 'daily_active', 0.1)];
    expect(nextGrantExpiry(grants, AT_10)).toEqual({ at: issued + 24 * HOUR, credits: 0.3 });
  });

  it('is null when no expiry is known or all have passed', () => {
    expect(nextGrantExpiry([grantRow(DEC_1, 'long_term_bonus', 500)], AT_10)).toBeNull();
    expect(nextGrantExpiry([grantRow(DEC_1 - 15 * HOUR, 'daily_active', 200)], AT_10)).toBeNull();
    expect(nextGrantExpiry([], AT_10)).toBeNull();
  });
});
