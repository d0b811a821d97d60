import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch, textResponse, type StubAnswer } from '@test/support/stub-fetch';
import { parseProviders, readModelOffer } from './providers';

const MODELSCOPE = { Name: 'ModelScope', ChineseName: '魔搭社区', CostTier: 'ultra', EstimatedMagicGrainCost: 2, Hosted: true, Logo: 'https://x/y.png' };
const DASHSCOPE = { Name: 'DashScope', ChineseName: '阿里云百炼', Hosted: false, Logo: 'https://x/z.png' };
const listing = (Providers: unknown, extra: object = {}) => ({ Code: 200, Success: true, Data: { TotalCount: Array.isArray(Providers) ? Providers.length : 0, Providers }, ...extra });

function read(answer: StubAnswer, timeoutMs = 1000) {
  const stub = stubFetch(() => answer);
  return { outcome: readModelOffer('Qwen/Qwen3.5-397B-A17B', { site: 'cn', timeoutMs, fetchFn: stub.fetchFn }), stub };
}

describe('readModelOffer', () => {
  it('takes ModelScope’s provider’s price and tier as the model’s, and names who else serves it, asking without a key or cookies', async () => {
    const { outcome, stub } = read(jsonResponse(200, listing([MODELSCOPE, DASHSCOPE])));
    expect(await outcome).toEqual({
      ok: true,
      offer: { served: true, price: 2, tier: 'ultra', rawTier: 'ultra', others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] },
    });
    const [sent] = stub.requests;
    expect(sent?.url.searchParams.get('ModelId')).toBe('Qwen/Qwen3.5-397B-A17B');
    expect(sent?.credentials).toBe('omit');
    expect([...sent!.headers.keys()]).toEqual([]);
  });

  it('says a model without ModelScope among its providers is not callable with a ModelScope token, and who serves it', async () => {
    expect(await read(jsonResponse(200, listing([DASHSCOPE]))).outcome).toEqual({
      ok: true,
      offer: { served: false, price: null, tier: null, rawTier: null, others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] },
    });
  });

  it('says nobody serves a model whose providers are null', async () => {
    expect(await read(jsonResponse(200, listing(null))).outcome).toEqual({
      ok: true,
      offer: { served: false, price: null, tier: null, rawTier: null, others: [] },
    });
  });

  it.each([
    ['a 500 (an unknown id, or ModelScope down)', jsonResponse(500, { Code: 500, Success: false }), 'no_such_model', 500],
    ['a 404 (a site without the list)', jsonResponse(404, { error: { message: 'Not found' } }), 'not_offered', 404],
    ['a 502 gateway page', textResponse(502, '<html>502 Bad Gateway</html>'), 'upstream_error', 502],
    ['a 200 that says it failed', jsonResponse(200, { Code: 10010, Success: false, Message: 'busy' }), 'upstream_error', 200],
    ['a 200 HTML page', textResponse(200, '<html>login</html>'), 'unreadable', 200],
    ['a 200 without Data', jsonResponse(200, { Code: 200, Success: true }), 'unreadable', 200],
  ] as const)('tells nothing from %s, and says why', async (_, answer, reason, status) => {
    expect(await read(answer).outcome).toEqual({ ok: false, reason, status });
  });

  it('calls no answer at all unreachable', async () => {
    expect(await read('network-error').outcome).toEqual({ ok: false, reason: 'unreachable', status: null });
    expect(await read('hang', 20).outcome).toEqual({ ok: false, reason: 'unreachable', status: null });
  });
});

describe('parseProviders: never a made-up price', () => {
  it.each([
    ['a price that is text', { ...MODELSCOPE, EstimatedMagicGrainCost: 'two' }],
    ['a negative price', { ...MODELSCOPE, EstimatedMagicGrainCost: -2 }],
    ['an absurd price', { ...MODELSCOPE, EstimatedMagicGrainCost: 1e9 }],
    ['a tier that is not text', { ...MODELSCOPE, CostTier: 7 }],
    ['a blank tier', { ...MODELSCOPE, CostTier: '  ' }],
  ])('refuses %s', (_, provider) => {
    expect(parseProviders(listing([provider, DASHSCOPE]))).toBeNull();
  });

  it.each([
    ['a provider that is not an object', [MODELSCOPE, 'DashScope']],
    ['a provider without a name', [MODELSCOPE, { ChineseName: '阿里云百炼' }]],
    ['providers that are not a list', { ModelScope: MODELSCOPE }],
  ])('refuses %s', (_, providers) => {
    expect(parseProviders(listing(providers))).toBeNull();
  });

  it('accepts a price as a numeric string, the website’s Chinese tier name, and no price or tier at all', () => {
    expect(parseProviders(listing([{ ...MODELSCOPE, EstimatedMagicGrainCost: '0.5', CostTier: '轻量' }]))).toMatchObject({ price: 0.5, tier: 'lite', rawTier: '轻量' });
    expect(parseProviders(listing([{ Name: 'ModelScope' }]))).toEqual({ served: true, price: null, tier: null, rawTier: null, others: [] });
    // A price of 0 is no price to divide the balance by.
    expect(parseProviders(listing([{ ...MODELSCOPE, EstimatedMagicGrainCost: 0 }]))).toMatchObject({ served: true, price: null });
  });

  it('keeps at most ten other providers', () => {
    const many = Array.from({ length: 25 }, (_, index) => ({ Name: `P${index}` }));
    expect(parseProviders(listing([MODELSCOPE, ...many]))?.others).toHaveLength(10);
  });
});
