// The public contract and the provider list: another extension may ask what models cost and whether they are served,
// by id, with no key stored or sent for it; and `balance` probes its models at once, never through the one-at-a-time
// lane that learns prices (that belongs to a planned Check).
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestResultsItem } from '@src/account/results';
import { BalanceReplySchema, CreditsReplySchema } from '@src/contract';
import { addKey } from '@src/storage/keyring';
import { pricesFor } from '@src/storage/model-prices';
import { DEMO_KEY, POOL_MODELS } from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { PROVIDER_LIST_DEFAULTS } from '../fake-modelscope/server';
import { setActiveListModels } from '../support/active-list';
import { backgroundAgainstFake } from '../support/background';

const QWEN = 'Qwen/Qwen3.5-397B-A17B';
const GLM_47 = 'ZhipuAI/GLM-4.7';
const TYPO = 'Qwen/Qwen3.5-397B';
const THEIRS = `ms-${'7e1a'.repeat(8)}`;
const NOT_READ = { status: 'not_read', read_at: null, dropped: 0 };

const ctx = backgroundAgainstFake({ world: 'credits' });
afterEach(() => ctx.fake.setOptions({ ...PROVIDER_LIST_DEFAULTS, latencyMs: 0 }));

async function creditsFromAnotherExtension(message: object) {
  return CreditsReplySchema.parse(await ctx.background.sendExternal({ type: 'credits', ...message }));
}

describe('credits from another extension, asking about models without a key', () => {
  it('gets each model’s offer alone: no account is read and no key is used, though one is saved', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const stored = await fakeBrowser.storage.local.get(null);
    const reply = await creditsFromAnotherExtension({ models: [QWEN, GLM_47, TYPO, QWEN] });
    expect(reply.success).toBe(false);
    expect(reply.message).toBe('Read the provider list for 2 of 3 models; no key was given, so no account was read');
    expect(reply.data).toMatchObject({ balance: null, today: null, tier_prices: null, grants: null, run_out_at: null, models: [] });
    expect(reply.data?.sources).toEqual({ balance: NOT_READ, ledger: NOT_READ, grants: NOT_READ, prices: NOT_READ, rules: NOT_READ });
    expect(reply.data?.offers).toEqual([
      { model: QWEN, served: true, price: 2, tier: 'ultra', providers: ['DashScope'], read_at: expect.any(String), status: 'ok' },
      { model: GLM_47, served: false, price: null, tier: null, providers: ['DashScope'], read_at: expect.any(String), status: 'ok' },
      { model: TYPO, served: null, price: null, tier: null, providers: [], read_at: null, status: 'no_such_model' },
    ]);
    // The provider list alone, once a model, keyless; nothing of it kept.
    expect(ctx.fake.requests.map((request) => [request.path.split('?')[0], request.authorization])).toEqual(Array(3).fill([PROVIDER_LIST_PATH, null]));
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });

  it('says “1 of 2 models” when one of two could be read, and succeeds when all were', async () => {
    expect((await creditsFromAnotherExtension({ models: [QWEN, TYPO] })).message).toBe('Read the provider list for 1 of 2 models; no key was given, so no account was read');
    const one = await creditsFromAnotherExtension({ models: [QWEN] });
    expect(one).toMatchObject({ success: true, message: 'Read the provider list for 1 of 1 model; no key was given, so no account was read' });
  });

  it('is refused for the international site while the browser has not granted its hosts, with nothing sent', async () => {
    const reply = await creditsFromAnotherExtension({ models: [QWEN], site: 'ai' });
    expect(reply).toMatchObject({ success: false, data: null, error: { code: 'site_access_missing' } });
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('with its own key, gets its account and the offers it asked about, and nothing of ours', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([QWEN]);
    const reply = await creditsFromAnotherExtension({ api_key: THEIRS, models: [GLM_47] });
    expect(reply.data).toMatchObject({ balance: { available_balance: 250 }, models: [], offers: [{ model: GLM_47, served: false, status: 'ok' }] });
    const keys = new Set(ctx.fake.requests.map((request) => request.authorization));
    expect(keys).toEqual(new Set([`Bearer ${THEIRS}`, null]));
    expect(ctx.fake.requests.filter((request) => request.authorization === null).every((request) => request.path.startsWith(PROVIDER_LIST_PATH))).toBe(true);
  });
});

describe('balance runs its models at once', () => {
  // New models whose prices nothing knows yet: the case that used to go through the learning lane, one at a time.
  const EIGHT = POOL_MODELS.slice(10, 18);

  it.each([
    ['from our own page, with the saved key', false],
    ['from another extension, with its own key', true],
  ])('%s: 8 slow models are all in flight together, and nothing is learned or kept', async (_, external) => {
    ctx.fake.setOptions({ latencyMs: 300, providerListDown: true });
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const message = { type: 'balance', models: EIGHT, ...(external ? { api_key: THEIRS } : {}) };
    const reply = BalanceReplySchema.parse(await (external ? ctx.background.sendExternal : ctx.background.send)(message));
    expect(reply.data.map((item) => item.model)).toEqual(EIGHT);
    expect(ctx.fake.probes()).toHaveLength(8);
    expect(ctx.fake.inFlightPeak).toBe(8);
    expect((await pricesFor('cn')).models).toEqual({});
    expect(await latestResultsItem.get()).toEqual({});
  });

  it('from our own page, prices its models from the provider list beside the probes: a served model without quota headers is answered', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const reply = BalanceReplySchema.parse(await ctx.background.send({ type: 'balance', models: [QWEN, EIGHT[0]!] }));
    expect(reply).toMatchObject({ success: true, message: 'Checked 2 models: 2 ok, 0 failed' });
    expect(reply.data.map(({ model, price, error_kind }) => [model, price, error_kind])).toEqual([
      [QWEN, 2, 'no_quota_headers'],
      [EIGHT[0], 1, 'no_quota_headers'],
    ]);
    expect(ctx.fake.probes()).toHaveLength(2);
  });
});
