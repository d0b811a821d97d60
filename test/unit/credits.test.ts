// The `credits` message and the account service in the credit world: the free Magicube picture, read at most once a
// minute for our pages and after a check, stored per key fingerprint; other extensions read with their own key and
// get nothing saved. Not one call is spent by any of it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CreditsReplySchema, DEFAULT_SITE, type CreditsReply } from '@src/contract';
import { ALARMS } from '@src/background/scheduler';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { BADGE_COLOURS } from '@src/quota/badge-state';
import { accountsItem } from '@src/account/record';
import { historyItem } from '@src/account/history';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { addKey } from '@src/storage/keyring';
import { modelPricesItem, savePrice } from '@src/storage/model-prices';
import { CREDIT_WORLD_HEADER_MODELS, DEMO_KEY, REVOKED_KEY, TIER_TEXT, type FakeTier } from '../fake-modelscope/behaviours';
import { setActiveListModels } from '../support/active-list';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { PROVIDER_LIST_DEFAULTS } from '../fake-modelscope/server';
import { backgroundAgainstFake, command, startBackground } from '../support/background';
import { written } from '../support/written';

const [FLASH, KIMI, PRO] = ['deepseek-ai/DeepSeek-V4-Flash', 'moonshotai/Kimi-K2.5', 'deepseek-ai/DeepSeek-V4-Pro'];
const THEIRS = `ms-${'7e1a'.repeat(8)}`;
const MAGICUBE_PATHS = ['balance', 'earn/rules', 'spend/rates', 'transactions', 'transactions'].map((path) => `/openapi/v1/magicubes/${path}`);

const ctx = backgroundAgainstFake({ world: 'credits' });
afterEach(() => {
  vi.useRealTimers();
  ctx.fake.setOptions({ ...PROVIDER_LIST_DEFAULTS, ledgerWithheld: false });
});

const magicubeReads = () => ctx.fake.requests.filter((request) => request.path.startsWith('/openapi/v1/magicubes/'));
const offerReads = () => ctx.fake.requests.filter((request) => request.path.startsWith(PROVIDER_LIST_PATH));
const readPaths = () => magicubeReads().map((request) => request.path.split('?')[0]).sort();
/** The reads of the whole picture: the balance, tier prices and rules are read by nothing else (a Check's price learning reads the ledger alone). */
const pictureReads = () => magicubeReads().filter((request) => /magicubes\/(balance|spend\/rates|earn\/rules)/.test(request.path)).length;
const badgeText = () => fakeBrowser.action.getBadgeText({});
const hex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`;

async function credits(message: object = {}, external = false): Promise<CreditsReply> {
  const reply = await (external ? ctx.background.sendExternal : ctx.background.send)({ type: 'credits', ...message });
  return CreditsReplySchema.parse(reply);
}

/** Answers the Magicube requests `matches` picks with `answer` instead of the fake, the others as usual. */
function answerInstead(matches: (url: URL) => boolean, answer: () => Response) {
  const routed = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return matches(url) ? Promise.resolve(answer()) : routed(input, init);
  });
}

/** The keys each Magicube read went out with, in order, once each. */
function magicubeKeysSent(): string[] {
  return [...new Set(magicubeReads().map((request) => request.authorization ?? ''))];
}

const learned = (tier: FakeTier, price: number) => ({ tier, rawTier: TIER_TEXT[tier], price, learned_at: Date.now(), source: 'ledger' as const });

describe('the popup’s credits request', () => {
  it('reads the free picture once a minute, answers from storage in between, and spends nothing', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    // Another app with the same token spent 12 standard and 5 lite calls today.
    expect(ctx.fake.spendElsewhere(DEMO_KEY, 'standard', 12)).toBe(12);
    expect(ctx.fake.spendElsewhere(DEMO_KEY, 'lite', 5)).toBe(5);

    const first = await credits();
    expect(first.success).toBe(true);
    expect(first.message).toBe('235.5 credits available; 17 calls (14.5 credits) spent today by all apps using this token');
    expect(first.data).toMatchObject({
      balance: { available_balance: 235.5, frozen_amount: 0, total_balance: 235.5 },
      today: {
        tiers: [
          { tier: 'lite', raw_tier: 'lite', calls: 5, credits: 2.5 },
          { tier: 'standard', raw_tier: 'standard', calls: 12, credits: 12 },
        ],
        total_calls: 17,
        total_credits: 14.5,
      },
      tier_prices: [
        { tier: 'lite', price: 0.5 },
        { tier: 'standard', price: 1 },
        { tier: 'ultra', price: 2 },
      ],
      grants: { daily_active: true, aliyun_bindlogin: true, next_expiry: { credits: 250 } },
    });
    // The built-in favourites, each at the provider list's price: 235.5 credits buy 117 calls at 2, 235 at 1.
    expect(first.data?.models.map(({ model, price, source, calls_left_estimate }) => [model, price, source, calls_left_estimate])).toEqual(
      DEFAULT_FAVOURITES.map((model, index) => (index < 3 ? [model, 2, 'providers', 117] : [model, 1, 'providers', 235])),
    );
    expect(Object.values(first.data!.sources).map((source) => source.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(readPaths()).toEqual(MAGICUBE_PATHS);
    expect(offerReads()).toHaveLength(DEFAULT_FAVOURITES.length);

    const again = await credits();
    expect(again.data).toEqual(first.data);
    expect(again.message).toMatch(/^235\.5 credits available; 17 calls \(14\.5 credits\) spent today by all apps using this token \(figures read \d+ s ago\)$/);
    expect(magicubeReads()).toHaveLength(5);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    await credits();
    expect(magicubeReads()).toHaveLength(10);
    // Offers are read once a day, not with the picture.
    expect(offerReads()).toHaveLength(DEFAULT_FAVOURITES.length);
    expect(ctx.fake.probes()).toHaveLength(0);
    // Kept per key fingerprint, never per key.
    expect(Object.keys(await accountsItem.get())).toEqual([await keyFingerprint(DEMO_KEY, 'cn')]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null)).split(DEMO_KEY)).toHaveLength(2);
  });

  it('shares one read between two requests at once', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const [one, two] = await Promise.all([credits(), credits()]);
    expect(one.data).toEqual(two.data);
    expect(magicubeReads()).toHaveLength(5);
  });

  it('lists the active list’s learned prices with the calls the balance buys, where the provider list gives none', async () => {
    ctx.fake.setOptions({ providerListDown: true });
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FLASH, PRO, KIMI]);
    written(await savePrice(DEFAULT_SITE, PRO, learned('ultra', 2)));
    written(await savePrice(DEFAULT_SITE, FLASH, learned('lite', 0.5)));
    const reply = await credits();
    expect(reply.data?.models.map(({ model, price, source, calls_left_estimate }) => [model, price, source, calls_left_estimate])).toEqual([
      [FLASH, 0.5, 'ledger', 500],
      [PRO, 2, 'ledger', 125],
    ]);
  });

  it('lists every served favourite’s price from the provider list, over a learned one, with the offers', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FLASH, PRO, KIMI]);
    // Learned on a day ModelScope charged more: today's list says 0.5.
    written(await savePrice(DEFAULT_SITE, FLASH, learned('standard', 1)));
    const reply = await credits();
    expect(reply.data?.models.map(({ model, price, source, calls_left_estimate }) => [model, price, source, calls_left_estimate])).toEqual([
      [FLASH, 0.5, 'providers', 500],
      [PRO, 2, 'providers', 125],
      [KIMI, 1, 'providers', 250],
    ]);
    expect(reply.data?.offers.map(({ model, served, price, tier, status }) => [model, served, price, tier, status])).toEqual([
      [FLASH, true, 0.5, 'lite', 'ok'],
      [PRO, true, 2, 'ultra', 'ok'],
      [KIMI, true, 1, 'standard', 'ok'],
    ]);
    expect(ctx.fake.probes()).toHaveLength(0);
  });

  it('says so in Chinese', async () => {
    ctx.background = await startBackground(ctx.fake, 'zh_CN');
    await addKey({ label: '主密钥', secret: DEMO_KEY, remember: true, site: 'cn' });
    ctx.fake.spendElsewhere(DEMO_KEY, 'ultra', 1);
    expect((await credits()).message).toBe('可用 248 魔粒；今天所有使用此令牌的应用共花费 1 次调用（2 魔粒）');
  });
});

describe('what ModelScope does not return', () => {
  it('an absent ledger gives no figure for today, never 0, and keeps every other source', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    ctx.fake.spendElsewhere(DEMO_KEY, 'standard', 3);
    answerInstead(
      (url) => url.searchParams.get('type') === 'SPEND_CONFIRM',
      () => Response.json({ success: true, request_id: 'r', data: {} }),
    );
    const reply = await credits();
    expect(reply.success).toBe(false);
    expect(reply.data).toMatchObject({ today: null, run_out_at: null, balance: { available_balance: 247 }, grants: { daily_active: true } });
    expect(reply.data?.tier_prices).toHaveLength(3);
    expect(reply.data?.sources.ledger).toEqual({ status: 'not_returned', read_at: null, dropped: 0 });
    expect(reply.message).toBe('247 credits available; today’s spend is not known (ModelScope did not return it)');
    expect(JSON.stringify(reply)).not.toMatch(/"total_(calls|credits)":0/);
    expect(ctx.fake.probes()).toHaveLength(0);
  });

  it('a refused key: every source says so, no balance is shown, and the badge turns red', async () => {
    await addKey({ label: 'Old token', secret: REVOKED_KEY, remember: true, site: 'cn' });
    const reply = await credits();
    expect(reply).toMatchObject({ success: false, error: { code: 'auth' }, data: { balance: null, today: null, grants: null, tier_prices: null } });
    expect(Object.values(reply.data!.sources)).toEqual(Array(5).fill({ status: 'refused', read_at: null, dropped: 0 }));
    expect(reply.message).toBe('The Magicube balance is not known (ModelScope refused the key); today’s spend is not known (ModelScope refused the key)');
    expect(Object.values(await accountsItem.get()).map(({ balance }) => [balance.value, balance.last.outcome])).toEqual([[null, 'refused']]);
    await expect.poll(badgeText).toBe('!');
    expect(JSON.stringify(reply)).not.toContain(REVOKED_KEY);
  });

  it('without a saved key: our pages are told to save one, and nothing is read', async () => {
    expect(await credits()).toEqual({
      success: false,
      data: null,
      message: 'No API key is saved. Paste your ModelScope access token first.',
      error: { code: 'invalid_request', field: 'api_key' },
    });
    expect(ctx.fake.requests).toHaveLength(0);
  });
});

describe('another extension’s credits request', () => {
  it('reads with its own key, gets no model of ours, and leaves nothing stored', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FLASH]);
    written(await savePrice(DEFAULT_SITE, FLASH, learned('lite', 0.5)));
    const before = await fakeBrowser.storage.local.get(null);

    const withoutKey = await credits({}, true);
    expect(withoutKey).toMatchObject({ success: false, data: null, error: { code: 'invalid_request', field: 'api_key' } });
    expect(withoutKey.message).toContain('other extensions must send their own key');
    expect(ctx.fake.requests).toHaveLength(0);

    ctx.fake.spendElsewhere(THEIRS, 'ultra', 2);
    for (const api_key of [THEIRS, DEMO_KEY]) {
      const reply = await credits({ api_key }, true);
      expect(reply.data).toMatchObject({ models: [], balance: { available_balance: api_key === THEIRS ? 246 : 250 } });
    }
    expect(magicubeKeysSent()).toEqual([`Bearer ${THEIRS}`, `Bearer ${DEMO_KEY}`]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await accountsItem.get()).toEqual({});
    expect(await historyItem.get()).toEqual({});
    expect(await badgeText()).toBe('?');
    expect(ctx.fake.probes()).toHaveLength(0);
  });
});

describe('the periodic refresh', () => {
  it('the Magicube alarm reads the active key’s whole picture; the popup then answers from it', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    ctx.fake.spendElsewhere(DEMO_KEY, 'lite', 2);
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.account, scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(readPaths()).toEqual(MAGICUBE_PATHS);
    const stored = (await accountsItem.get())[await keyFingerprint(DEMO_KEY, 'cn')];
    expect(stored?.ledger.value?.rows).toEqual([expect.objectContaining({ tier: 'lite', credits: 1, calls: 2 })]);
    const reply = await credits();
    expect(reply.data?.today?.total_credits).toBe(1);
    expect(reply.message).toMatch(/\(figures read \d+ s ago\)$/);
    expect(magicubeReads()).toHaveLength(5);
    expect(ctx.fake.probes()).toHaveLength(0);
  });
});

// With the provider list down, no price is known before a Check: it learns them, one paid call a model.
describe('a Check', () => {
  beforeEach(async () => {
    ctx.fake.setOptions({ providerListDown: true });
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
  });

  it('refreshes the free figures once it is over, once however many batches it stored, before it answers', async () => {
    await setActiveListModels([FLASH, KIMI, PRO]);
    // The popup opened: the picture was read once.
    await credits();
    expect(pictureReads()).toBe(3);
    ctx.fake.setOptions({ latencyMs: 150, jitterMs: 150 });
    try {
      await command({ command: 'check' });
    } finally {
      ctx.fake.setOptions({ latencyMs: 0, jitterMs: 0 });
    }
    expect(ctx.fake.probes()).toHaveLength(3);
    expect(pictureReads()).toBe(6);
    const reply = await credits();
    expect(reply.data).toMatchObject({ balance: { available_balance: 246.5 }, today: { total_calls: 3, total_credits: 3.5 } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(pictureReads()).toBe(6);
  });

  it('of models that report quota headers and have no known price reads nothing but the ledger it tried to learn from', async () => {
    await setActiveListModels([...CREDIT_WORLD_HEADER_MODELS]);
    // The ledger never answers here, so their prices stay unknown.
    ctx.fake.setOptions({ ledgerWithheld: true });
    await credits();
    const before = magicubeReads().length;
    await command({ command: 'check' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(ctx.fake.probes()).toHaveLength(3);
    const duringCheck = magicubeReads().slice(before);
    expect(duringCheck.length).toBeGreaterThan(0);
    expect(duringCheck.every((request) => request.path.startsWith('/openapi/v1/magicubes/transactions'))).toBe(true);
    expect(pictureReads()).toBe(3);
  });
});

describe('the badge in the credit world', () => {
  it('shows the violet balance before any price is known, then the lowest derived calls left', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FLASH, PRO]);
    // Neither the provider list nor the ledger answers: the Check cannot learn prices, so none is known yet.
    ctx.fake.setOptions({ providerListDown: true, ledgerWithheld: true });
    await command({ command: 'check' });
    // 0.5 + 2 credits spent of the day's 250: 247.5 left, in violet, as credits.
    await expect.poll(badgeText).toBe('247');
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_COLOURS.magicube.background);
    expect(await fakeBrowser.action.getTitle({})).toContain('No price of the list’s models is known yet.');

    // Prices written by a page (learned, or a tier set by hand): the badge follows them at once, without a read.
    const reads = magicubeReads().length;
    written(await savePrice(DEFAULT_SITE, FLASH, learned('lite', 0.5)));
    await expect.poll(async () => (await fakeBrowser.action.getTitle({})).includes('The price of 1 model of the list is not known yet')).toBe(true);
    expect(await badgeText()).toBe('495');
    written(await savePrice(DEFAULT_SITE, PRO, learned('ultra', 2)));
    await expect.poll(badgeText).toBe('123');
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_COLOURS.ok.background);
    expect(await fakeBrowser.action.getTitle({})).toMatch(
      /^ModelScope Quota\nFewest calls left: deepseek-ai\/DeepSeek-V4-Pro\nAbout 123 calls left\nDerived from the Magicube balance \(247\.5 credits available\) at 2 credits per call\.\nBalance read .+\.$/,
    );
    expect(magicubeReads()).toHaveLength(reads);
    expect(ctx.fake.probes()).toHaveLength(2);
    expect(Object.keys((await modelPricesItem.get()).cn?.models ?? {}).sort()).toEqual([PRO, FLASH].sort());
  });
});
