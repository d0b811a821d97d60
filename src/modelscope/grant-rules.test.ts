import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '@test/support/stub-fetch';
import { parseGrantRule, readGrantRules } from './grant-rules';

const KEY = `ms-${'ab12'.repeat(8)}`;

// As the real capture has it (its other fields, description, category and the totals, are not read).
const FULL = {
  rule_key: 'daily_active',
  title: '每日登录',
  description: '注册账号后每日登录即可获取',
  category: '每日发放',
  category_key: 'daily',
  scene: 'short_term',
  amount: 200,
  expire_days: 1,
  daily_cap: 1,
  today_used: 1,
  today_remain: 0,
  today_earned_amount: '200.00',
};

describe('parseGrantRule', () => {
  it('reads every field', () => {
    expect(parseGrantRule(FULL)).toEqual({
      ruleKey: 'daily_active',
      title: '每日登录',
      scene: 'short_term',
      credits: 200,
      dailyCap: 1,
      todayUsed: 1,
      todayRemain: 0,
      todayEarned: 200,
    });
  });

  it('reads today_count where today_used is missing', () => {
    const { today_used: _, ...rest } = FULL;
    expect(parseGrantRule({ ...rest, today_count: '0' })?.todayUsed).toBe(0);
  });

  it('gives null for each missing or unusable field, keeping the rule', () => {
    expect(parseGrantRule({ rule_key: 'aliyun_bindlogin', amount: 'fifty', daily_cap: -1 })).toEqual({
      ruleKey: 'aliyun_bindlogin',
      title: null,
      scene: null,
      credits: null,
      dailyCap: null,
      todayUsed: null,
      todayRemain: null,
      todayEarned: null,
    });
  });

  it('drops a rule without a rule_key', () => {
    expect(parseGrantRule({ ...FULL, rule_key: undefined })).toBeNull();
    expect(parseGrantRule('daily_active')).toBeNull();
  });
});

describe('readGrantRules', () => {
  const read = (body: unknown) => {
    const stub = stubFetch(() => jsonResponse(200, body));
    return { outcome: readGrantRules(KEY, { site: 'cn', timeoutMs: 1000, fetchFn: stub.fetchFn }), stub };
  };

  it('reads the rules from GET earn/rules, dropping and counting the unusable ones', async () => {
    const { outcome, stub } = read({ success: true, data: [FULL, { title: 'no key' }] });
    expect(await outcome).toMatchObject({ ok: true, dropped: 1, rules: [{ ruleKey: 'daily_active', todayUsed: 1 }] });
    expect(stub.requests[0]?.url.href).toBe('https://modelscope.cn/openapi/v1/magicubes/earn/rules');
    expect(stub.requests[0]?.headers.get('x-modelfun-token')).toBeNull();
  });

  it('a 200 without the rules is not_returned; rules that are not a list are unreadable', async () => {
    expect(await read({ success: true }).outcome).toMatchObject({ ok: false, reason: 'not_returned' });
    expect(await read({ success: true, data: {} }).outcome).toMatchObject({ ok: false, reason: 'not_returned' });
    expect(await read({ success: true, data: 'rules' }).outcome).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});
