import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch, type StubAnswer } from '@test/support/stub-fetch';
import { readFreeSources } from './free-sources';

const KEY = `ms-${'ab12'.repeat(8)}`;
const DEC_1 = Date.UTC(2026, 10, 30, 16);

const ANSWERS: Record<string, () => StubAnswer> = {
  balance: () => jsonResponse(200, { success: true, data: { total_balance: 10.5, available_balance: 10, frozen_amount: 0.5 } }),
  SPEND_CONFIRM: () =>
    jsonResponse(200, { success: true, data: { records: [{ gmt_created: '2026-12-01', model_tier: '主流', total_amount: 2, count: 2 }] } }),
  EARN: () => jsonResponse(200, { success: true, data: { records: [{ gmt_created: '2026-12-01 08:00:00', rule_key: 'daily_active', total_amount: 200 }] } }),
  rates: () => jsonResponse(503, { success: false, code: 'ServiceUnavailable' }),
  rules: () => jsonResponse(200, { success: true }),
};

function answerFor(url: URL): StubAnswer {
  const name = url.searchParams.get('type') ?? url.pathname.split('/').at(-1) ?? '';
  const answer = ANSWERS[name];
  if (answer === undefined) throw new Error(`unexpected ${url.href}`);
  return answer();
}

describe('readFreeSources', () => {
  it('reads the five endpoints at once and gives each its own outcome, one failing alone', async () => {
    let release: () => void = () => undefined;
    const allSent = new Promise<void>((resolve) => (release = resolve));
    const stub = stubFetch(async (url) => {
      // Held until all five requests are out: a sequential reader would never get past the first.
      if (stub.requests.length === 5) release();
      await allSent;
      return answerFor(url);
    });
    const picture = await readFreeSources(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: stub.fetchFn });
    expect(picture).toEqual({
      balance: { ok: true, balance: { total_balance: 10.5, available_balance: 10, frozen_amount: 0.5 } },
      ledger: {
        ok: true,
        rows: [{ at: DEC_1, tier: 'standard', rawTier: '主流', credits: 2, calls: 2 }],
        dropped: 0,
        since: DEC_1,
        complete: true,
      },
      grants: { ok: true, rows: [{ at: DEC_1 + 8 * 3_600_000, ruleKey: 'daily_active', credits: 200, expiresAt: null }], dropped: 0, since: DEC_1, complete: true },
      rates: { ok: false, reason: 'upstream_error', status: 503, detail: 'ServiceUnavailable' },
      rules: { ok: false, reason: 'not_returned', status: 200, detail: null },
    });
    expect(stub.requests.map((r) => r.url.pathname).sort()).toEqual([
      '/openapi/v1/magicubes/balance',
      '/openapi/v1/magicubes/earn/rules',
      '/openapi/v1/magicubes/spend/rates',
      '/openapi/v1/magicubes/transactions',
      '/openapi/v1/magicubes/transactions',
    ]);
    expect(JSON.stringify(picture)).not.toContain(KEY);
  });
});
