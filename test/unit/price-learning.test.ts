// Learning a model's price with the one call a Check makes anyway, against the fake's credit world: the spend ledger is
// read (free) around each call of a new model, one model at a time, and a window another client spent in learns nothing.
// The provider list is down throughout: where it gives a price, nothing is learned (free-answer.test.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem } from '@src/account/record';
import { ALARMS } from '@src/background/scheduler';
import type { CommandRequest } from '@src/commands/protocol';
import { BalanceReplySchema } from '@src/contract';
import { checkModels } from '@src/engine/check-models';
import { SingleFlight } from '@src/engine/single-flight';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { lastReset } from '@src/quota/reset-time';
import { runLearningLane, type LearningContext } from '@src/check/price-learning';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { addKey } from '@src/storage/keyring';
import { latestResultsFor, latestResultsItem } from '@src/account/results';
import { modelPricesItem, pricesFor, savePrice } from '@src/storage/model-prices';
import { sessionResultCache } from '@src/account/results';
import { DEFAULT_SCHEDULE, scheduleItem } from '@src/storage/schedule';
import {
  CREDIT_WORLD_HEADER_MODELS,
  DEMO_KEY,
  FAKE_FORBIDDEN,
  FAKE_NO_HEADERS,
  MODEL_TIERS,
  TIER_PRICES,
  TIER_TEXT,
  type FakeTier,
} from '../fake-modelscope/behaviours';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { setActiveListModels } from '../support/active-list';
import { command, startBackground } from '../support/background';
import { storedRows } from '../support/stored-view';
import { fetchRoutedTo } from '../support/routed-fetch';

const FLASH = 'deepseek-ai/DeepSeek-V4-Flash'; // lite
const QWEN = 'Qwen/Qwen3-Coder-30B-A3B-Instruct'; // standard
const PRO = 'deepseek-ai/DeepSeek-V4-Pro'; // ultra
const KIMI = 'moonshotai/Kimi-K2.5'; // standard
const MINIMAX = 'MiniMax/MiniMax-M2.5'; // lite
const NEW_MODELS = [FLASH, QWEN, PRO, KIMI, MINIMAX];
const HEADER_MODEL = CREDIT_WORLD_HEADER_MODELS[0]!;
const OTHER_KEY = `ms-${'9'.repeat(32)}`;
const LEDGER_PATH = '/openapi/v1/magicubes/transactions';
const DAILY_CREDITS = 250;

let fake: FakeModelScope;
let background: Awaited<ReturnType<typeof startBackground>>;
beforeAll(async () => {
  fake = await startFakeModelScope({ world: 'credits', providerListDown: true });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  fake.setOptions({ ledgerLagMs: 0, latencyMs: 0, ledgerWithheld: false });
  background = await startBackground(fake);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
  // Results are reused for 60 s by default; these tests check again at once, and must reach the plan, not the cache.
  await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, cacheSeconds: 0 });
  // The free figures' own refresh (after each Check) off, so the ledger reads counted here are the learning lane's.
  await scheduleItem.set({ ...DEFAULT_SCHEDULE, magicubeEveryMinutes: null });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const priceOf = (model: string) => TIER_PRICES[MODEL_TIERS[model]!];
const expectedPrice = (model: string) => {
  const tier = MODEL_TIERS[model]!;
  return { tier, rawTier: TIER_TEXT[tier], price: TIER_PRICES[tier], learned_at: expect.any(Number), source: 'ledger' };
};
const probesOf = (model?: string) => fake.probes(model).length;
const ledgerReads = () => fake.requests.filter((request) => request.path.split('?')[0] === LEDGER_PATH).length;
/** The credits the fake's account has spent today (of its 250 daily free ones). */
const spent = () => DAILY_CREDITS - fake.creditBalance(DEMO_KEY).available;

/** A Check from the popup (by default of the active list), how long it took, and the rows the popup then shows. */
async function check(request: CommandRequest<'check'> = { command: 'check' }) {
  const started = performance.now();
  const reply = await command(request);
  const ms = performance.now() - started;
  return { reply, ms, rows: await storedRows(DEMO_KEY) };
}

/** Stores the account's balance as it is now, as the periodic free refresh does (the popup's reads at most once a minute). */
async function storeBalanceNow(): Promise<number> {
  await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.account, scheduledTime: Date.now(), persistAcrossSessions: false });
  const keyId = await keyFingerprint(DEMO_KEY, 'cn');
  const available = fake.creditBalance(DEMO_KEY).available;
  expect((await accountsItem.get())[keyId]?.balance.value?.available_balance).toBe(available);
  return available;
}

/** The network as the extension sees it, with `after(model)` run as each chat completion's answer comes back. */
function afterEachProbe(after: (model: string) => void) {
  const routed = fetchRoutedTo(fake);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await routed(input, init);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { model?: string }) : null;
    if (body?.model) after(body.model);
    return response;
  });
}

describe('a first Check of new models', () => {
  it('spends exactly one call per model and learns every price, tier and credits as ModelScope charges them', async () => {
    await setActiveListModels(NEW_MODELS);
    // The popup opened: the account was read, ledger and grants included.
    await command({ command: 'refresh' });
    const readsBefore = ledgerReads();
    const { reply, rows } = await check();
    expect(NEW_MODELS.map(probesOf)).toEqual([1, 1, 1, 1, 1]);
    expect(spent()).toBe(NEW_MODELS.reduce((sum, model) => sum + priceOf(model), 0));
    expect((await pricesFor('cn')).models).toEqual(Object.fromEntries(NEW_MODELS.map((model) => [model, expectedPrice(model)])));
    expect((await pricesFor('cn')).notes).toEqual({});
    expect(reply.ok).toBe(true);
    expect(reply.message).toBe('Checked 5 models: 5 ok, 0 failed; learned the prices of 5 models');
    // Each row shows its result and the price learned with its one call.
    expect(NEW_MODELS.map((model) => [model, rows[model]?.price?.price, rows[model]?.result?.error_kind])).toEqual(
      NEW_MODELS.map((model) => [model, priceOf(model), 'no_quota_headers']),
    );
    // One free read opens the lane and one after each call closes its window and opens the next; one call at a time.
    expect(ledgerReads() - readsBefore).toBe(1 + NEW_MODELS.length);
    expect(fake.inFlightPeak).toBe(1);
  });

  it('waits out the ledger’s lag, still one call per model; five models take a few seconds', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await setActiveListModels(NEW_MODELS);
    const { reply, ms } = await check();
    expect(NEW_MODELS.map(probesOf)).toEqual([1, 1, 1, 1, 1]);
    expect(Object.keys((await pricesFor('cn')).models).sort()).toEqual([...NEW_MODELS].sort());
    expect((await pricesFor('cn')).models[PRO]).toEqual(expectedPrice(PRO));
    expect(reply.message).toBe('Checked 5 models: 5 ok, 0 failed; learned the prices of 5 models');
    // Each window waits about a second for the lag; bounded re-reads keep the whole check well under MV3's limits.
    expect(ms).toBeGreaterThan(5 * 1000);
    expect(ms).toBeLessThan(5 * 3500);
  }, 30_000);

  it('fills each row as its probe answers, before the lane’s re-reads are over', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await setActiveListModels([FLASH, PRO]);
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    let replied = false;
    const reply = command({ command: 'check' }).then(() => (replied = true));
    await expect.poll(async () => Object.keys(await latestResultsFor(keyId)), { timeout: 900, interval: 20 }).toEqual([FLASH]);
    expect(replied).toBe(false);
    expect((await storedRows(DEMO_KEY))[FLASH]?.price).toBeNull(); // the row did not wait for the price
    await reply;
    expect((await storedRows(DEMO_KEY))[FLASH]?.price?.price).toBe(0.5);
  }, 15_000);
});

describe('a second Check', () => {
  it('spends nothing on models whose price is known and that send no headers; calls left come from the balance', async () => {
    await setActiveListModels(NEW_MODELS);
    await check();
    const available = await storeBalanceNow();
    const probes = probesOf();
    const { reply, rows } = await check();
    expect(probesOf()).toBe(probes);
    expect(reply.ok).toBe(true);
    expect(reply.message).toBe('Nothing to probe: 5 models are known from the balance, free');
    expect(NEW_MODELS.map((model) => [model, rows[model]?.price?.price, rows[model]?.derived?.calls])).toEqual(
      NEW_MODELS.map((model) => [model, priceOf(model), Math.floor(available / priceOf(model))]),
    );
    expect(rows[PRO]?.derived?.calls).toBe(Math.floor((DAILY_CREDITS - 5) / 2));
  });

  it('probes a model that still sends quota headers, every time, and says how many more were free', async () => {
    await setActiveListModels([HEADER_MODEL, FLASH, QWEN]);
    await check();
    expect((await pricesFor('cn')).models[HEADER_MODEL]).toEqual(expectedPrice(HEADER_MODEL));
    for (const round of [1, 2]) {
      const { reply } = await check();
      expect(probesOf(HEADER_MODEL)).toBe(1 + round);
      expect([probesOf(FLASH), probesOf(QWEN)]).toEqual([1, 1]);
      expect(reply.message).toBe('Checked 1 model: 1 ok, 0 failed; 2 more known from the balance, free');
    }
  });

  it('probes a known model the user re-checks by hand (↻), without reading the ledger', async () => {
    await setActiveListModels([FLASH, QWEN]);
    await check();
    const reads = ledgerReads();
    const { rows } = await check({ command: 'check', models: [FLASH], force: true });
    expect([probesOf(FLASH), probesOf(QWEN)]).toEqual([2, 1]);
    expect(rows[FLASH]).toMatchObject({ result: { model: FLASH, cached: false }, price: { price: 0.5 } });
    expect(ledgerReads()).toBe(reads);
  });

  it('probes every model when the setting says so, learning nothing twice', async () => {
    await setActiveListModels([FLASH, QWEN, PRO]);
    await check();
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, cacheSeconds: 0, probeEveryModel: true });
    const reads = ledgerReads();
    const { reply } = await check();
    expect([probesOf(FLASH), probesOf(QWEN), probesOf(PRO)]).toEqual([2, 2, 2]);
    expect(reply.message).toBe('Checked 3 models: 3 ok, 0 failed');
    expect(ledgerReads()).toBe(reads);
  });
});

describe('a window another client spends in', () => {
  it('learns nothing when another tier moved, notes it poisoned, and the next Check learns the price', async () => {
    await setActiveListModels([FLASH]);
    let spentElsewhere = false;
    afterEachProbe(() => {
      if (spentElsewhere) return;
      spentElsewhere = true;
      fake.spendElsewhere(DEMO_KEY, 'ultra', 1);
    });
    const { reply, rows } = await check();
    expect(probesOf(FLASH)).toBe(1);
    expect(await pricesFor('cn')).toEqual({ models: {}, notes: { [FLASH]: { at: expect.any(Number), outcome: 'poisoned' } } });
    expect(rows[FLASH]?.price).toBeNull();
    expect(reply.message).toBe('Checked 1 model: 0 ok, 1 failed');

    await check();
    expect(probesOf(FLASH)).toBe(2);
    expect(await pricesFor('cn')).toEqual({ models: { [FLASH]: expectedPrice(FLASH) }, notes: {} });
  });

  it('learns nothing when the same tier moved by more than our one call', async () => {
    await setActiveListModels([QWEN]);
    let spentElsewhere = false;
    afterEachProbe(() => {
      if (spentElsewhere) return;
      spentElsewhere = true;
      fake.spendElsewhere(DEMO_KEY, 'standard', 1);
    });
    await check();
    expect(probesOf(QWEN)).toBe(1);
    expect(await pricesFor('cn')).toEqual({ models: {}, notes: { [QWEN]: { at: expect.any(Number), outcome: 'poisoned' } } });
  });

  it('spoils only its own window: the next model in the lane still learns its price', async () => {
    await setActiveListModels([FLASH, PRO]);
    afterEachProbe((model) => {
      if (model === FLASH) fake.spendElsewhere(DEMO_KEY, 'standard', 1);
    });
    await check();
    expect([probesOf(FLASH), probesOf(PRO)]).toEqual([1, 1]);
    expect(await pricesFor('cn')).toEqual({ models: { [PRO]: expectedPrice(PRO) }, notes: { [FLASH]: { at: expect.any(Number), outcome: 'poisoned' } } });
  });
});

describe('learning nothing, and never paying for it', () => {
  it('a failed probe learns nothing and notes nothing; the lane goes on to the next model', async () => {
    await setActiveListModels([FAKE_FORBIDDEN, 'nobody/retired', FLASH]);
    const { rows } = await check();
    expect([probesOf(FAKE_FORBIDDEN), probesOf('nobody/retired'), probesOf(FLASH)]).toEqual([1, 1, 1]);
    expect(await pricesFor('cn')).toEqual({ models: { [FLASH]: expectedPrice(FLASH) }, notes: {} });
    expect(Object.values(rows).map((row) => [row.model, row.result?.status])).toEqual([[FAKE_FORBIDDEN, 403], ['nobody/retired', 404], [FLASH, 200]]);
    expect(spent()).toBe(0.5);
  });

  it.each([
    ['unreachable', () => Promise.reject(new TypeError('fetch failed'))],
    ['not returned', () => Promise.resolve(Response.json({ success: true, data: {} }))],
    ['refused', () => Promise.resolve(Response.json({ success: false, code: 'InvalidToken' }, { status: 401 }))],
  ])('a ledger %s learns nothing, notes nothing and spends no extra call', async (_, ledgerAnswer) => {
    const routed = fetchRoutedTo(fake);
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes(LEDGER_PATH) ? ledgerAnswer() : routed(input, init),
    );
    await setActiveListModels([FLASH, QWEN, PRO]);
    const { rows } = await check();
    expect([probesOf(FLASH), probesOf(QWEN), probesOf(PRO)]).toEqual([1, 1, 1]);
    expect(spent()).toBe(3.5);
    expect(await modelPricesItem.get()).toEqual({});
    expect(Object.values(rows).every((row) => row.price === null)).toBe(true);
  });

  it('a call the ledger never shows is noted not seen, within about 3 s, and not waited for again that day; the next window waits for it', async () => {
    // The fake never charges its fault models, so the ledger never shows this call.
    await setActiveListModels([FAKE_NO_HEADERS, FLASH]);
    const first = await check();
    expect(first.ms).toBeGreaterThan(2500);
    expect(first.ms).toBeLessThan(4500);
    expect(await pricesFor('cn')).toEqual({ models: {}, notes: { [FAKE_NO_HEADERS]: { at: expect.any(Number), outcome: 'not_seen' } } });
    // Its spend might still show: the lane stopped rather than risk it in the next window; FLASH was probed plainly.
    expect([probesOf(FAKE_NO_HEADERS), probesOf(FLASH)]).toEqual([1, 1]);

    // Not waited for again today: with nothing else to learn, the next Check probes it at once.
    await setActiveListModels([FAKE_NO_HEADERS]);
    const second = await check();
    expect(second.ms).toBeLessThan(1000);
    expect(probesOf(FAKE_NO_HEADERS)).toBe(2);

    // A model to learn right after waits, once, for those unseen calls to settle before its window opens.
    await setActiveListModels([FLASH]);
    const third = await check();
    expect(third.ms).toBeGreaterThan(1000);
    expect(probesOf(FLASH)).toBe(2);
    expect((await pricesFor('cn')).models).toEqual({ [FLASH]: expectedPrice(FLASH) });
  }, 15_000);

  it('a call with quota headers on an account with no spend today gets one read, not the whole wait', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await setActiveListModels([HEADER_MODEL]);
    const { rows, ms } = await check();
    expect(ms).toBeLessThan(1000);
    expect(probesOf(HEADER_MODEL)).toBe(1);
    expect(rows[HEADER_MODEL]).toMatchObject({ result: { model_request_remaining: expect.any(Number) }, price: null });
    expect(await modelPricesItem.get()).toEqual({});
  });
});

describe('a model that sends quota headers, its price unknown', () => {
  it('goes last in the lane once it is known to send them, and waits for the ledger once it shows spend today', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await setActiveListModels([HEADER_MODEL, FLASH]);
    await check(); // the header model's glance saw nothing yet, and stopped the lane: FLASH was probed plainly
    expect(await modelPricesItem.get()).toEqual({});
    await check();
    expect(fake.probes().slice(2).map((probe) => probe.model)).toEqual([FLASH, HEADER_MODEL]);
    expect((await pricesFor('cn')).models).toEqual({ [FLASH]: expectedPrice(FLASH), [HEADER_MODEL]: expectedPrice(HEADER_MODEL) });
  }, 15_000);
});

describe('probes with a known price in the same Check', () => {
  it('go first, concurrently; the lane opens only once the ledger shows their spend, and learns the right price', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await setActiveListModels([FLASH, PRO, HEADER_MODEL]);
    await savePrice('cn', HEADER_MODEL, { tier: 'lite', rawTier: TIER_TEXT.lite, price: 0.5, learned_at: Date.now(), source: 'manual' });
    await savePrice('cn', FLASH, { tier: 'lite', rawTier: TIER_TEXT.lite, price: 0.5, learned_at: Date.now(), source: 'manual' });
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, cacheSeconds: 0, probeEveryModel: true });
    await check();
    const order = fake.probes().map((probe) => probe.model);
    expect(order.slice(0, 2).sort()).toEqual([FLASH, HEADER_MODEL].sort());
    expect(order[2]).toBe(PRO);
    // PRO's call came only after the ledger showed both earlier calls (a second after them), not in their window.
    const [firstTwo, pro] = [fake.probes().slice(0, 2), fake.probes(PRO)[0]!];
    expect(pro.at - Math.max(...firstTwo.map((probe) => probe.at))).toBeGreaterThanOrEqual(1000);
    expect((await pricesFor('cn')).models[PRO]).toEqual(expectedPrice(PRO));
  }, 15_000);

  it('a re-check by hand waits for a running Check’s lane, so its call never lands in a window', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await setActiveListModels([PRO]);
    await savePrice('cn', FLASH, { tier: 'lite', rawTier: TIER_TEXT.lite, price: 0.5, learned_at: Date.now(), source: 'manual' });
    const running = check();
    await expect.poll(() => probesOf(PRO)).toBe(1);
    const recheck = check({ command: 'check', models: [FLASH], force: true });
    await Promise.all([running, recheck]);
    expect(fake.probes(FLASH)[0]!.at - fake.probes(PRO)[0]!.at).toBeGreaterThanOrEqual(1000);
    expect((await pricesFor('cn')).models[PRO]).toEqual(expectedPrice(PRO));
  }, 15_000);
});

describe('calls an earlier check left unseen', () => {
  it('are waited for before the next window opens, so a late spend of theirs is never taken for a new model’s price', async () => {
    fake.setOptions({ ledgerLagMs: 1000 });
    await savePrice('cn', FLASH, { tier: 'lite', rawTier: TIER_TEXT.lite, price: 0.5, learned_at: Date.now(), source: 'manual' });
    await check({ command: 'check', models: [FLASH], force: true }); // paid, and no window watched it
    // PRO answers 0.4 s later than FLASH did, so FLASH's spend would show in PRO's window before PRO's own.
    fake.setOptions({ latencyMs: 400 });
    await check({ command: 'check', models: [PRO] });
    expect((await pricesFor('cn')).models[PRO]).toEqual(expectedPrice(PRO));
  }, 15_000);

  it('are not waited for when the lane has nothing to probe: its models are answered from the cache', async () => {
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, cacheSeconds: 60 });
    await setActiveListModels([FLASH]);
    let spentElsewhere = false;
    afterEachProbe(() => {
      if (!spentElsewhere) fake.spendElsewhere(DEMO_KEY, 'ultra', 1);
      spentElsewhere = true;
    });
    await check(); // FLASH's window is poisoned: its price is still unknown, its result fresh
    await savePrice('cn', QWEN, { tier: 'standard', rawTier: TIER_TEXT.standard, price: 1, learned_at: Date.now(), source: 'manual' });
    await check({ command: 'check', models: [QWEN], force: true }); // paid, and no window watched it
    const { rows, ms } = await check();
    expect(rows[FLASH]).toMatchObject({ result: { model: FLASH }, price: null });
    expect(ms).toBeLessThan(1000);
    expect(probesOf(FLASH)).toBe(1);
  });
});

describe('other extensions', () => {
  it('learn nothing and see nothing we know; nothing of theirs is stored', async () => {
    await savePrice('cn', FLASH, { tier: 'lite', rawTier: TIER_TEXT.lite, price: 0.5, learned_at: Date.now(), source: 'ledger' });
    const before = await modelPricesItem.get();
    for (const api_key of [DEMO_KEY, OTHER_KEY]) {
      const reply = BalanceReplySchema.parse(await background.sendExternal({ type: 'balance', api_key, models: [FLASH, QWEN] }));
      expect(reply.data.map((item) => [item.model, item.price, item.calls_left_estimate])).toEqual([[FLASH, null, null], [QWEN, null, null]]);
    }
    expect(probesOf()).toBe(4);
    expect(ledgerReads()).toBe(0);
    expect(await modelPricesItem.get()).toEqual(before);
    expect(await latestResultsItem.get()).toEqual({});
  });
});

describe('the lane on its own, with the waits injected', () => {
  const lane = (overrides: Partial<LearningContext> = {}) => {
    const singleFlight = new SingleFlight<ProbeOutcome>();
    const context: LearningContext = {
      apiKey: DEMO_KEY,
      site: 'cn',
      since: lastReset(Date.now()),
      timeoutMs: 5000,
      listed: [],
      now: Date.now,
      rereadDelaysMs: [0, 0, 0],
      probe: async (model) => {
        const attempts: ProbeOutcome[] = [];
        const [item] = await checkModels([model], DEMO_KEY, 'lane-test', { cache: sessionResultCache, singleFlight }, {
          site: 'cn',
          concurrency: 1,
          timeoutMs: 5000,
          cacheMaxAgeMs: 0,
          force: true,
          fetchFn: fetchRoutedTo(fake),
          onAttempt: (_, outcome) => void attempts.push(outcome),
        });
        return { item: item!, attempts };
      },
      ...overrides,
    };
    return context;
  };
  beforeEach(() => vi.stubGlobal('fetch', fetchRoutedTo(fake)));

  it('learns each model in turn, reusing the read that showed one call as the next one’s “before”', async () => {
    const outcome = await runLearningLane([MINIMAX, KIMI, PRO], lane());
    expect([...outcome.learned].map(([model, price]) => [model, price.tier, price.price])).toEqual([
      [MINIMAX, 'lite', 0.5],
      [KIMI, 'standard', 1],
      [PRO, 'ultra', 2],
    ]);
    expect(outcome).toMatchObject({ left: [], stopped: null });
    expect(ledgerReads()).toBe(4);
  });

  it('a spend elsewhere during a wait poisons that window only', async () => {
    const spendDuringFirstWait = vi.fn(async () => {
      if (spendDuringFirstWait.mock.calls.length === 1) fake.spendElsewhere(DEMO_KEY, 'ultra' satisfies FakeTier, 1);
    });
    const outcome = await runLearningLane([MINIMAX, KIMI], lane({ wait: spendDuringFirstWait }));
    expect([...outcome.learned.keys()]).toEqual([KIMI]);
    expect((await pricesFor('cn')).notes).toEqual({ [MINIMAX]: { at: expect.any(Number), outcome: 'poisoned' } });
  });

  it('stops at a call the ledger does not show within its reads, leaving the rest to be probed without learning', async () => {
    fake.setOptions({ ledgerLagMs: 60_000 });
    const waits: number[] = [];
    const outcome = await runLearningLane([MINIMAX, KIMI], lane({ rereadDelaysMs: [10, 20, 30], wait: async (ms) => void waits.push(ms) }));
    expect(waits).toEqual([10, 20, 30]);
    expect(outcome).toMatchObject({ left: [KIMI], stopped: 'call_unseen' });
    expect(outcome.items.map((item) => item.model)).toEqual([MINIMAX]);
    expect((await pricesFor('cn')).notes).toEqual({ [MINIMAX]: { at: expect.any(Number), outcome: 'not_seen' } });
  });

  it('stops after a request left unanswered, which may have been paid', async () => {
    const outcome = await runLearningLane(['fake/hangup', MINIMAX], lane());
    expect(outcome).toMatchObject({ left: [MINIMAX], stopped: 'call_unaccounted' });
    expect(await modelPricesItem.get()).toEqual({});
  });

  it('a ledger that does not answer before the first call stops the lane before any probe', async () => {
    const outcome = await runLearningLane([MINIMAX], lane({ apiKey: 'ms-' + 'dead'.repeat(8) }));
    expect(outcome).toMatchObject({ items: [], left: [MINIMAX], stopped: 'ledger_failed' });
    expect(probesOf()).toBe(0);
  });
});
