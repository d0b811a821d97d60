// Keys of both ModelScope sites side by side in the background, on WXT's fake browser against the fake ModelScope:
// each key's requests go to its own site's hosts only, its prices are its site's, and a site whose hosts the
// browser has not granted is refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { BalanceReplySchema, CreditsReplySchema, MagicubeReplySchema, ModelsReplySchema } from '@src/contract';
import { requestHostAccess } from '@src/lib/host-access';
import { siteHostPatterns } from '@src/modelscope/endpoints';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { addKey, keyringItem, setActiveKey } from '@src/storage/keyring';
import { pricesFor } from '@src/storage/model-prices';
import { addKeyWithSiteList } from '@src/ui/add-key';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { AI_CATALOGUE_IDS, AI_DEMO_KEY, AMBASSADOR_MODEL, MONTHLY_LIMIT } from '../fake-modelscope/sites';
import { setActiveListModels } from '../support/active-list';
import { backgroundAgainstFake, command } from '../support/background';
import { storedRows } from '../support/stored-view';
import { serveLocale } from '../support/i18n';
import { written } from '../support/written';

const KIMI = 'moonshotai/Kimi-K2.5';
const ctx = backgroundAgainstFake({ world: 'credits', aiWorld: 'credits' });

/** The user allows the international hosts at the browser's prompt. */
const grantInternational = () => requestHostAccess(siteHostPatterns('ai'));
const hostsAsked = () => [...new Set(ctx.fake.requests.map((request) => request.host))].sort();

async function addBothKeys() {
  const china = written(await addKey({ label: 'China', secret: DEMO_KEY, remember: true, site: 'cn' }));
  const international = written(await addKey({ label: 'International', secret: AI_DEMO_KEY, remember: true, site: 'ai' }));
  return { china, international };
}

describe('an international key', () => {
  it('sends its check and its free reads only to the international hosts, and learns the price there', async () => {
    const { international } = await addBothKeys();
    await grantInternational();
    written(await setActiveKey(international.id));
    await setActiveListModels([KIMI]);

    await command({ command: 'check' });
    const rows = await storedRows(AI_DEMO_KEY, 'ai');
    expect(rows[KIMI]).toMatchObject({ result: { model: KIMI, error_kind: 'no_quota_headers' }, price: { price: 0.5 } });
    const credits = CreditsReplySchema.parse(await ctx.background.send({ type: 'credits' }));
    expect(credits.data?.tier_prices?.map((tier) => tier.tier)).toEqual(['discount', 'lite', 'standard', 'ultra']);

    expect(hostsAsked()).toEqual(['api-inference.modelscope.ai', 'www.modelscope.ai']);
    expect(ctx.fake.probes()).toHaveLength(1);
    // Kimi is lite (0.5) on the international site and standard (1) on the China site: nothing crosses over.
    expect((await pricesFor('ai')).models[KIMI]).toMatchObject({ price: 0.5, tier: 'lite' });
    expect((await pricesFor('cn')).models[KIMI]).toBeUndefined();
  });

  it('is refused, with nothing sent, while the browser has not granted the international hosts', async () => {
    const { international } = await addBothKeys();
    written(await setActiveKey(international.id));
    for (const type of ['balance', 'credits', 'magicube', 'models'] as const) {
      const reply = (await ctx.background.send({ type })) as { success: boolean; error?: { code: string }; message: string };
      expect(reply).toMatchObject({ success: false, error: { code: 'site_access_missing' } });
      expect(reply.message).toContain('modelscope.ai');
    }
    expect(ctx.fake.requests).toEqual([]);
  });

  it('shows the monthly quota of a Qwen-Ambassador model as monthly, not as a day', async () => {
    const { international } = await addBothKeys();
    await grantInternational();
    written(await setActiveKey(international.id));
    const [item] = BalanceReplySchema.parse(await ctx.background.send({ type: 'balance', models: [AMBASSADOR_MODEL] })).data;
    expect(item).toMatchObject({
      error_kind: null,
      model_month_request_limit: MONTHLY_LIMIT,
      model_month_request_remaining: MONTHLY_LIMIT - 1,
      model_request_remaining: null,
      request_remaining: null,
    });
  });
});

describe('the China key beside it', () => {
  it('keeps to the China hosts after the international key was used', async () => {
    const { china, international } = await addBothKeys();
    await grantInternational();
    written(await setActiveKey(international.id));
    await ctx.background.send({ type: 'magicube' });
    ctx.fake.requests.length = 0;
    written(await setActiveKey(china.id));
    const reply = MagicubeReplySchema.parse(await ctx.background.send({ type: 'magicube' }));
    expect(reply.success).toBe(true);
    expect(hostsAsked()).toEqual(['modelscope.cn']);
  });
});

describe('another extension', () => {
  it('names the site of the key it sends; without one it is the China site', async () => {
    const ai = MagicubeReplySchema.parse(await ctx.background.sendExternal({ type: 'magicube', api_key: AI_DEMO_KEY, site: 'ai' }));
    expect(ai.error?.code).toBe('site_access_missing');
    await grantInternational();
    expect(MagicubeReplySchema.parse(await ctx.background.sendExternal({ type: 'magicube', api_key: AI_DEMO_KEY, site: 'ai' })).success).toBe(true);
    // The same token on the China site is a stranger there.
    expect(MagicubeReplySchema.parse(await ctx.background.sendExternal({ type: 'magicube', api_key: AI_DEMO_KEY })).error?.code).toBe('auth');
    expect(ctx.fake.requests.map((request) => request.host)).toEqual(['www.modelscope.ai', 'modelscope.cn']);
  });

  it('gets the international catalogue when it asks for it', async () => {
    await grantInternational();
    const reply = ModelsReplySchema.parse(await ctx.background.sendExternal({ type: 'models', site: 'ai' }));
    expect(reply.data).toEqual([...new Set(AI_CATALOGUE_IDS)]);
    expect(hostsAsked()).toEqual(['api-inference.modelscope.ai']);
  });
});

describe('the first international key', () => {
  it('brings a list of the international site’s models, made active; a second key of the site brings none', async () => {
    await serveLocale('en');
    await grantInternational();
    written(await addKeyWithSiteList({ label: 'China', secret: DEMO_KEY, remember: true, site: 'cn' }, { activate: true }));
    expect((await favouriteListsItem.get()).lists).toHaveLength(1);
    written(await addKeyWithSiteList({ label: 'International', secret: AI_DEMO_KEY, remember: true, site: 'ai' }, { activate: true }));
    const lists = await favouriteListsItem.get();
    expect(lists.lists.map((list) => list.name)).toEqual(['Favourites', 'International favourites']);
    const international = activeList(lists);
    expect(international.name).toBe('International favourites');
    expect(international.models.length).toBeGreaterThan(0);
    expect(international.models.every((model) => AI_CATALOGUE_IDS.includes(model))).toBe(true);
    expect(hostsAsked()).toEqual(['api-inference.modelscope.ai']);
    // It is that key's own list: switching back to the China key brings the China list back.
    expect((await keyringItem.get()).keys.find((key) => key.site === 'ai')?.listId).toBe(international.id);

    written(await addKeyWithSiteList({ label: 'Spare', secret: `ms-${'5'.repeat(32)}`, remember: true, site: 'ai' }, { activate: false }));
    expect((await favouriteListsItem.get()).lists).toHaveLength(2);
  });
});
