import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '@test/support/stub-fetch';
import { parseGrantRow, readGrants } from './grants';

const KEY = `ms-${'ab12'.repeat(8)}`;
const HOUR = 3_600_000;
const DEC_1 = Date.UTC(2026, 10, 30, 16);

describe('parseGrantRow', () => {
  const base = { gmt_created: '2026-12-01 09:00:00', rule_key: 'daily_active', total_amount: 200 };

  it('reads a grant without an expiry', () => {
    expect(parseGrantRow(base)).toEqual({ at: DEC_1 + 9 * HOUR, ruleKey: 'daily_active', credits: 200, expiresAt: null });
  });

  it.each([
    ['Beijing-time text', '2026-12-02 09:00:00'],
    ['epoch seconds', (DEC_1 + 33 * HOUR) / 1000],
    ['epoch milliseconds', DEC_1 + 33 * HOUR],
  ])('reads expire_at as %s', (_, expireAt) => {
    expect(parseGrantRow({ ...base, expire_at: expireAt })?.expiresAt).toBe(DEC_1 + 33 * HOUR);
  });

  it('reads an amount sent as a string, and takes an unusable expire_at for none', () => {
    expect(parseGrantRow({ ...base, total_amount: '50.00', expire_at: 'never' })).toMatchObject({ credits: 50, expiresAt: null });
  });

  it.each([
    ['a garbage amount', { ...base, total_amount: 'lots' }],
    ['a garbage date', { ...base, gmt_created: '2026-00-01' }],
    ['no rule key', { ...base, rule_key: undefined }],
    ['not an object', 42],
  ])('drops a grant with %s', (_, raw) => expect(parseGrantRow(raw)).toBeNull());
});

describe('readGrants', () => {
  it('reads EARN rows in the window and counts the garbage ones', async () => {
    const records = [
      { gmt_created: '2026-12-01 09:00:01', rule_key: 'aliyun_bindlogin', total_amount: 50 },
      { gmt_created: '2026-12-01 09:00:00', rule_key: 'daily_active', total_amount: 'x' },
      { gmt_created: '2026-11-30 09:00:00', rule_key: 'daily_active', total_amount: 200 },
    ];
    const stub = stubFetch(() => jsonResponse(200, { success: true, data: { records } }));
    const outcome = await readGrants(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: stub.fetchFn });
    expect(outcome).toEqual({
      ok: true,
      rows: [{ at: DEC_1 + 9 * HOUR + 1000, ruleKey: 'aliyun_bindlogin', credits: 50, expiresAt: null }],
      dropped: 1,
      since: DEC_1,
      complete: true,
    });
    expect(stub.requests[0]?.url.searchParams.get('type')).toBe('EARN');
  });
});
