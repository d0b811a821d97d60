// The answer on first open, for free: once a key is saved, the popup's refresh reads the provider list of each
// favourite (keyless) beside the free Magicube sources, and every served favourite's row and the badge show calls left
// without a single paid call. A Check then spends only where a probe tells something. Where the provider list gives
// no price (down, or the international site's 404), the Check learns it from the ledger as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { redrawBadge } from '@src/account/badge';
import { requestHostAccess } from '@src/lib/host-access';
import { siteHostPatterns } from '@src/modelscope/endpoints';
import { addKey } from '@src/storage/keyring';
import { pricesFor } from '@src/storage/model-prices';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { PROVIDER_LIST_DEFAULTS } from '../fake-modelscope/server';
import { AI_DEMO_KEY, AI_DISCOUNT_MODEL } from '../fake-modelscope/sites';
import { setActiveListModels } from '../support/active-list';
import { backgroundAgainstFake, command } from '../support/background';
import { storedRows } from '../support/stored-view';

const QWEN = 'Qwen/Qwen3.5-397B-A17B'; // ultra, 2 credits
const CODER = 'Qwen/Qwen3-Coder-30B-A3B-Instruct'; // standard, 1
const MINIMAX = 'MiniMax/MiniMax-M3'; // lite, 0.5
const SERVED = [QWEN, CODER, MINIMAX];
/** DashScope serves it alone: a ModelScope token cannot call it. */
const GLM_47 = 'ZhipuAI/GLM-4.7';
/** The two daily grants of a new day. */
const DAILY_CREDITS = 250;

const ctx = backgroundAgainstFake({ world: 'credits' });
afterEach(() => ctx.fake.setOptions(PROVIDER_LIST_DEFAULTS));

const badgeText = () => fakeBrowser.action.getBadgeText({});
const offerReads = () => ctx.fake.requests.filter((request) => request.path.startsWith(PROVIDER_LIST_PATH));
const modelsRead = () => offerReads().map((request) => new URL(request.path, 'http://fake').searchParams.get('ModelId'));

async function saveKeyWith(models: string[]) {
  await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
  await setActiveListModels(models);
}

describe('a new key, before any click', () => {
  it('shows every served favourite’s calls left from the balance at ModelScope’s price, and the lowest on the badge, for free', async () => {
    await saveKeyWith(SERVED);
    expect(await command({ command: 'refresh' })).toEqual({ ok: true, message: '' });
    const rows = await storedRows(DEMO_KEY);
    expect(SERVED.map((model) => [model, rows[model]?.callsLeft.kind, rows[model]?.remaining, rows[model]?.price?.source])).toEqual([
      [QWEN, 'derived', DAILY_CREDITS / 2, 'providers'],
      [CODER, 'derived', DAILY_CREDITS, 'providers'],
      [MINIMAX, 'derived', DAILY_CREDITS * 2, 'providers'],
    ]);
    await expect.poll(badgeText).toBe('125');
    expect(await fakeBrowser.action.getTitle({})).toContain(`Fewest calls left: ${QWEN}\nAbout 125 calls left\nDerived from the Magicube balance (250 credits available) at 2 credits per call.`);
    // Each favourite's offer read once, without the key; not one chat completion.
    expect(modelsRead().sort()).toEqual([...SERVED].sort());
    expect(offerReads().every((request) => request.authorization === null)).toBe(true);
    expect(ctx.fake.probes()).toHaveLength(0);
  });

  it('a Check right after spends nothing and reads nothing: every price is known and no favourite sends quota headers', async () => {
    await saveKeyWith(SERVED);
    await command({ command: 'refresh' });
    const sent = ctx.fake.requests.length;
    const reply = await command({ command: 'check' });
    expect(reply).toEqual({ ok: true, message: 'Nothing to probe: 3 models are known from the balance, free' });
    expect(ctx.fake.requests).toHaveLength(sent);
    expect(ctx.fake.creditBalance(DEMO_KEY).available).toBe(DAILY_CREDITS);
  });

  it('a first Check without the popup’s refresh reads the prices first, and spends nothing either', async () => {
    await saveKeyWith(SERVED);
    const reply = await command({ command: 'check' });
    expect(reply.message).toBe('Nothing to probe: 3 models are known from the balance, free');
    expect(ctx.fake.probes()).toHaveLength(0);
    expect(modelsRead().sort()).toEqual([...SERVED].sort());
    expect((await storedRows(DEMO_KEY))[QWEN]?.remaining).toBe(DAILY_CREDITS / 2);
  });

  it('follows a first Check once: what it read before it planned is followed with what it probed, not apart', async () => {
    await saveKeyWith(SERVED);
    // The key and the list just saved are drawn on their own (the page's writes): once that draw is done, what
    // follows is the Check's.
    await redrawBadge();
    const drawn = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await command({ command: 'check', models: [QWEN], force: true });
    expect(ctx.fake.probes()).toHaveLength(1);
    expect(drawn).toHaveBeenCalledTimes(1);
    expect(drawn).toHaveBeenCalledWith({ text: '124' });
  });
});

describe('a favourite API-Inference does not serve', () => {
  it('says so in its row, naming who does, and is left out of the badge', async () => {
    await saveKeyWith([GLM_47, ...SERVED]);
    await command({ command: 'refresh' });
    const row = (await storedRows(DEMO_KEY))[GLM_47]!;
    expect(row).toMatchObject({ served: false, price: null, derived: null, remaining: null });
    expect(row.callsLeft).toEqual({ kind: 'unserved', offer: { served: false, price: null, tier: null, rawTier: null, others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] } });
    await expect.poll(badgeText).toBe('125');
    // Not counted among the favourites whose price is still to learn.
    expect(await fakeBrowser.action.getTitle({})).not.toContain('not known yet');
  });

  it('is not probed by a Check, only when the user re-checks its row by hand (↻)', async () => {
    await saveKeyWith([GLM_47, ...SERVED]);
    await command({ command: 'refresh' });
    const reply = await command({ command: 'check' });
    expect(reply.message).toBe('Nothing to probe: 3 models are known from the balance, free; 1 not served by API-Inference, skipped');
    expect(ctx.fake.probes()).toHaveLength(0);
    const ledgerReads = () => ctx.fake.requests.filter((request) => request.path.includes('magicubes/transactions')).length;
    const readBefore = ledgerReads();
    await command({ command: 'check', models: [GLM_47], force: true });
    expect(ctx.fake.probes(GLM_47)).toHaveLength(1);
    // Probed as it is: there is no price to learn of a model nobody lets a ModelScope token call, so no ledger read.
    expect(ledgerReads()).toBe(readBefore);
    expect((await storedRows(DEMO_KEY))[GLM_47]).toMatchObject({ result: { error_kind: 'not_found', status: 404 }, callsLeft: { kind: 'unserved' } });
  });
});

describe('with the provider list down', () => {
  it('says why no price is known, and the first Check learns each price from the ledger, one paid call a model', async () => {
    ctx.fake.setOptions({ providerListDown: true });
    await saveKeyWith(SERVED);
    await command({ command: 'refresh' });
    const before = await storedRows(DEMO_KEY);
    expect(SERVED.map((model) => before[model]?.callsLeft)).toEqual(SERVED.map(() => ({ kind: 'unpriced', note: null, learnable: true, listFailed: 'upstream_error' })));
    const reply = await command({ command: 'check' });
    expect(reply.message).toBe('Checked 3 models: 3 ok, 0 failed; learned the prices of 3 models');
    expect(SERVED.map((model) => ctx.fake.probes(model).length)).toEqual([1, 1, 1]);
    expect(Object.entries((await pricesFor('cn')).models).map(([model, { price, source }]) => [model, price, source]).sort()).toEqual(
      [
        [QWEN, 2, 'ledger'],
        [CODER, 1, 'ledger'],
        [MINIMAX, 0.5, 'ledger'],
      ].sort(),
    );
    // Learned once: the next Check spends nothing.
    await command({ command: 'check' });
    expect(ctx.fake.probes()).toHaveLength(3);
  });
});

describe('the international site', () => {
  const KIMI = 'moonshotai/Kimi-K2.5'; // lite there, 0.5
  const AI_MODELS = [KIMI, AI_DISCOUNT_MODEL];

  async function saveInternationalKey() {
    await requestHostAccess(siteHostPatterns('ai'));
    await addKey({ label: 'International', secret: AI_DEMO_KEY, remember: true, site: 'ai' });
    await setActiveListModels(AI_MODELS);
  }

  it('has no provider list (404): it says so, is not asked again that day, and the first Check learns prices from the ledger', async () => {
    await saveInternationalKey();
    await command({ command: 'refresh' });
    expect(offerReads().map((request) => request.host)).toEqual(['www.modelscope.ai', 'www.modelscope.ai']);
    const rows = await storedRows(AI_DEMO_KEY, 'ai');
    expect(AI_MODELS.map((model) => rows[model]?.callsLeft)).toEqual(AI_MODELS.map(() => ({ kind: 'unpriced', note: null, learnable: true, listFailed: 'not_offered' })));
    await command({ command: 'check' });
    expect(AI_MODELS.map((model) => ctx.fake.probes(model).length)).toEqual([1, 1]);
    expect(Object.fromEntries(Object.entries((await pricesFor('ai')).models).map(([model, { price, source }]) => [model, [price, source]]))).toEqual({
      [KIMI]: [0.5, 'ledger'],
      [AI_DISCOUNT_MODEL]: [0.2, 'ledger'],
    });
    expect(offerReads()).toHaveLength(2);
  });

  it('takes the prices from its own provider list where it answers, and spends nothing', async () => {
    ctx.fake.setOptions({ aiProviderList: true });
    await saveInternationalKey();
    await command({ command: 'refresh' });
    const rows = await storedRows(AI_DEMO_KEY, 'ai');
    expect(AI_MODELS.map((model) => [rows[model]?.price?.price, rows[model]?.price?.source, rows[model]?.remaining])).toEqual([
      [0.5, 'providers', DAILY_CREDITS * 2],
      [0.2, 'providers', DAILY_CREDITS * 5],
    ]);
    expect((await command({ command: 'check' })).message).toBe('Nothing to probe: 2 models are known from the balance, free');
    expect(ctx.fake.probes()).toHaveLength(0);
    expect(offerReads().every((request) => request.host === 'www.modelscope.ai')).toBe(true);
  });
});
