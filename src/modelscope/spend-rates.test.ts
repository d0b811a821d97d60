import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '@test/support/stub-fetch';
import { readTierPrices } from './spend-rates';

const KEY = `ms-${'ab12'.repeat(8)}`;

const rate = (tier: string, price: unknown, extra: Record<string, unknown> = {}) => ({
  scene: 'api_inference',
  model_tier: tier,
  unit: 'request',
  unit_price: price,
  min_charge: price,
  ...extra,
});

function read(data: unknown) {
  const stub = stubFetch(() => jsonResponse(200, { success: true, data }));
  return { outcome: readTierPrices(KEY, { site: 'cn', timeoutMs: 1000, fetchFn: stub.fetchFn }), stub };
}

describe('readTierPrices', () => {
  it('reads each tier’s price per API-Inference request, from GET spend/rates', async () => {
    const { outcome, stub } = read({ rates: [rate('轻量', 0.5), rate('主流', '1'), rate('旗舰', 2, { min_charge: undefined })] });
    expect(await outcome).toEqual({
      ok: true,
      prices: [
        { tier: 'lite', rawTier: '轻量', price: 0.5, minCharge: 0.5 },
        { tier: 'standard', rawTier: '主流', price: 1, minCharge: 1 },
        { tier: 'ultra', rawTier: '旗舰', price: 2, minCharge: null },
      ],
      dropped: 0,
    });
    expect(stub.requests[0]?.url.href).toBe('https://modelscope.cn/openapi/v1/magicubes/spend/rates');
    expect(stub.requests[0]?.headers.get('openapi-token')).toBeNull();
  });

  it('leaves out other scenes and units without counting them as garbage, and keeps a rate that names neither', async () => {
    const { outcome } = read({
      rates: [rate('主流', 1, { scene: 'notebook' }), rate('主流', 3, { unit: 'token' }), { model_tier: 'discount', unit_price: 0.2 }],
    });
    expect(await outcome).toEqual({ ok: true, prices: [{ tier: 'discount', rawTier: 'discount', price: 0.2, minCharge: null }], dropped: 0 });
  });

  it('drops and counts rates with an unusable tier or price', async () => {
    const { outcome } = read({ rates: [rate('主流', 'free'), rate('', 1), 'x', rate('旗舰', 2)] });
    expect(await outcome).toMatchObject({ ok: true, dropped: 3, prices: [{ tier: 'ultra' }] });
  });

  it('rates that did not come back are not_returned; rates that are not a list are unreadable', async () => {
    expect(await read({ currency: 'magicube' }).outcome).toMatchObject({ ok: false, reason: 'not_returned', status: 200 });
    expect(await read({ rates: { 主流: 1 } }).outcome).toMatchObject({ ok: false, reason: 'unreadable', status: 200 });
  });
});
