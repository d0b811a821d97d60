// The provider list through the background: each favourite's offer is read once a day (free, keyless), again at once
// when the user asks, and a failed read again after ten minutes; a price ModelScope changed between days shows in the
// row with its date, and, when the user turned the alert on, in one notification per model and change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alertSettingsItem, DEFAULT_ALERT_SETTINGS } from '@src/storage/alerts';
import { addKey } from '@src/storage/keyring';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH, type Repricing } from '../fake-modelscope/providers';
import { PROVIDER_LIST_DEFAULTS } from '../fake-modelscope/server';
import { DEC_1_BEIJING, HOUR_MS as HOUR } from '../support/magicube-rows';
import { setActiveListModels } from '../support/active-list';
import { backgroundAgainstFake, command, startBackground } from '../support/background';
import { storedRows } from '../support/stored-view';

const QWEN = 'Qwen/Qwen3.5-397B-A17B'; // ultra, 2 credits
const CODER = 'Qwen/Qwen3-Coder-30B-A3B-Instruct'; // standard, 1
const STEP = 'stepfun-ai/Step-3.7-Flash'; // standard, 1
const FAVOURITES = [QWEN, CODER];
const MINUTE = 60_000;
const DAY = 24 * HOUR;
/** 10:00 in Beijing on 2026-12-01. */
const DAY_1 = DEC_1_BEIJING + 10 * HOUR;

const ctx = backgroundAgainstFake({ world: 'credits' });

/** The clock at `at`, for the extension and the fake ModelScope's days alike. */
function clockAt(at: number) {
  vi.setSystemTime(at);
}
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(DAY_1);
  ctx.fake.setOptions({ now: () => Date.now() });
  await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
  await setActiveListModels(FAVOURITES);
});
afterEach(() => {
  vi.useRealTimers();
  ctx.fake.setOptions({ ...PROVIDER_LIST_DEFAULTS, now: Date.now });
});

const offerReads = (model?: string) =>
  ctx.fake.requests.filter((request) => request.path.startsWith(PROVIDER_LIST_PATH) && (model === undefined || new URL(request.path, 'http://fake').searchParams.get('ModelId') === model)).length;
const refresh = (ask: { models?: string[]; offersNow?: boolean } = {}) => command({ command: 'refresh', ...ask });
const rowOf = async (model: string, models?: string[]) => (await storedRows(DEMO_KEY, 'cn', models))[model]!;

describe('how often the provider list is read', () => {
  it('a first refresh reads each favourite’s offer once; another within the day reads none again, though the balance is read again', async () => {
    await refresh();
    expect(FAVOURITES.map(offerReads)).toEqual([1, 1]);
    const balanceReads = () => ctx.fake.requests.filter((request) => request.path === '/openapi/v1/magicubes/balance').length;
    expect(balanceReads()).toBe(1);
    clockAt(DAY_1 + 23 * HOUR);
    await refresh();
    expect(balanceReads()).toBe(2);
    expect(FAVOURITES.map(offerReads)).toEqual([1, 1]);
    clockAt(DAY_1 + DAY);
    await refresh();
    expect(FAVOURITES.map(offerReads)).toEqual([2, 2]);
  });

  it('reads every favourite again at once when the user asks', async () => {
    await refresh();
    await refresh({ offersNow: true });
    expect(FAVOURITES.map(offerReads)).toEqual([2, 2]);
  });

  it('reads a model named by a page (one typed in Options) at once, and says whether it is served and what a call costs', async () => {
    await refresh();
    await refresh({ models: [STEP] });
    expect(offerReads(STEP)).toBe(1);
    expect((await rowOf(STEP, [STEP])).price).toMatchObject({ price: 1, tier: 'standard', source: 'providers' });
  });

  it('reads a model whose read failed again after ten minutes, not at every refresh; the price then shows', async () => {
    ctx.fake.setOptions({ providerListDown: true });
    await refresh();
    expect((await rowOf(QWEN)).callsLeft).toMatchObject({ kind: 'unpriced', listFailed: 'upstream_error' });
    ctx.fake.setOptions({ providerListDown: false });
    clockAt(DAY_1 + 9 * MINUTE);
    await refresh();
    expect(FAVOURITES.map(offerReads)).toEqual([1, 1]);
    clockAt(DAY_1 + 10 * MINUTE);
    await refresh();
    expect(FAVOURITES.map(offerReads)).toEqual([2, 2]);
    expect((await rowOf(QWEN)).callsLeft).toMatchObject({ kind: 'derived', price: { price: 2, source: 'providers' } });
  });

  it('says an id ModelScope does not know (500) may also mean it is down, and tries it again after ten minutes', async () => {
    const typo = 'Qwen/Qwen3.5-397B';
    await setActiveListModels([typo]);
    await refresh();
    expect((await rowOf(typo)).callsLeft).toEqual({ kind: 'unpriced', note: null, learnable: true, listFailed: 'no_such_model' });
    clockAt(DAY_1 + 5 * MINUTE);
    await refresh();
    expect(offerReads(typo)).toBe(1);
    clockAt(DAY_1 + 10 * MINUTE);
    await refresh();
    expect(offerReads(typo)).toBe(2);
  });
});

describe('a price ModelScope changes between days', () => {
  /** ModelScope moves QWEN to standard on 2 December, stops serving it on the 3rd, and serves it again on the 4th. */
  const REPRICINGS: Repricing[] = [
    { model: QWEN, fromDay: '2026-12-02', tier: 'standard' },
    { model: QWEN, fromDay: '2026-12-03', tier: null },
    { model: QWEN, fromDay: '2026-12-04', tier: 'ultra' },
  ];
  const notifications = () => Object.entries(fakeBrowser.notifications.getAllCreateOptions());

  beforeEach(() => ctx.fake.setOptions({ repricings: REPRICINGS }));

  it('shows in the row the next day with its date, the price before and after, and the calls left at the new price', async () => {
    await refresh();
    expect(await rowOf(QWEN)).toMatchObject({ change: null, price: { price: 2 } });
    clockAt(DAY_1 + DAY);
    await refresh();
    const row = await rowOf(QWEN);
    expect(row.change).toMatchObject({ at: DAY_1 + DAY, before: { served: true, price: 2, tier: 'ultra' }, after: { served: true, price: 1, tier: 'standard' } });
    expect(row.callsLeft).toMatchObject({ kind: 'derived', price: { price: 1 } });
    expect((await rowOf(CODER)).change).toBeNull();
    // The next day it is no longer served: its row says so, with that day's date.
    clockAt(DAY_1 + 2 * DAY);
    await refresh();
    expect(await rowOf(QWEN)).toMatchObject({ served: false, callsLeft: { kind: 'unserved' }, change: { at: DAY_1 + 2 * DAY, before: { price: 1 }, after: { served: false } } });
    // A week on, the row no longer says it.
    clockAt(DAY_1 + 10 * DAY);
    expect((await rowOf(QWEN)).change).toBeNull();
  });

  it('alerts nothing unless the user turned the alert on', async () => {
    await refresh();
    clockAt(DAY_1 + DAY);
    await refresh();
    expect((await rowOf(QWEN)).change).not.toBeNull();
    expect(notifications()).toEqual([]);
  });

  it('when turned on, alerts once per model and change, however often the list is read again', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, offerChanged: true });
    await refresh();
    expect(notifications()).toEqual([]);
    clockAt(DAY_1 + DAY);
    await refresh();
    expect(notifications().map(([id]) => id)).toEqual([`offer:cn:${QWEN}:2>1`]);
    await fakeBrowser.notifications.clear(`offer:cn:${QWEN}:2>1`);
    await refresh({ offersNow: true });
    clockAt(DAY_1 + DAY + 3 * HOUR);
    await refresh({ offersNow: true });
    expect(notifications()).toEqual([]);
    // A day after the last read, on 3 December.
    clockAt(DAY_1 + 2 * DAY + 3 * HOUR);
    await refresh();
    expect(notifications().map(([id]) => id)).toEqual([`offer:cn:${QWEN}:1>unserved`]);
  });

  it('says the model, the old and the new price, or that it is no longer served', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, offerChanged: true });
    await refresh();
    clockAt(DAY_1 + DAY);
    await refresh();
    expect(notifications().map(([, options]) => [options.title, options.message])).toEqual([
      [`${QWEN}: ModelScope’s offer changed`, 'A call now costs 1 credit (was 2 credits), as ModelScope’s provider list says.'],
    ]);
    await fakeBrowser.notifications.clear(`offer:cn:${QWEN}:2>1`);
    clockAt(DAY_1 + 2 * DAY);
    await refresh();
    expect(notifications().map(([, options]) => [options.title, options.message])).toEqual([
      [`${QWEN}: ModelScope’s offer changed`, 'ModelScope no longer serves it through API-Inference (a call cost 1 credit): a ModelScope token cannot call it now.'],
    ]);
    await fakeBrowser.notifications.clear(`offer:cn:${QWEN}:1>unserved`);
    clockAt(DAY_1 + 3 * DAY);
    await refresh();
    expect(notifications().map(([, options]) => [options.title, options.message])).toEqual([
      [`${QWEN}: ModelScope’s offer changed`, 'ModelScope serves it through API-Inference again: a call costs 2 credits.'],
    ]);
  });

  it('says so in Chinese', async () => {
    ctx.background = await startBackground(ctx.fake, 'zh_CN');
    await addKey({ label: '主密钥', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels(FAVOURITES);
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, offerChanged: true });
    await refresh();
    clockAt(DAY_1 + DAY);
    await refresh();
    expect(notifications().map(([, options]) => [options.title, options.message])).toEqual([
      [`${QWEN}：魔搭的报价有变`, '据魔搭的提供方列表，现在每次调用 1 魔粒（原为 2 魔粒）。'],
    ]);
  });

  it('is only about the favourites of the active list', async () => {
    await alertSettingsItem.set({ ...DEFAULT_ALERT_SETTINGS, offerChanged: true });
    await setActiveListModels([CODER]);
    // A page read QWEN's offer though it is no favourite (a model typed in Options).
    await refresh({ models: [QWEN] });
    clockAt(DAY_1 + DAY);
    await refresh({ models: [QWEN, CODER] });
    expect((await rowOf(QWEN, [QWEN])).change).not.toBeNull();
    expect(notifications()).toEqual([]);
  });
});
