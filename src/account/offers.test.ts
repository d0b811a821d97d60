import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Offer, OfferOutcome } from '@src/modelscope/providers';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR } from '@test/support/magicube-rows';
import { jsonResponse, stubFetch } from '@test/support/stub-fetch';
import { offerAfterRead, offerDue, readOffers, type OfferEntry } from './offers';

const MINUTE = 60_000;
const T0 = DEC_1 + 9 * HOUR;

const ULTRA: Offer = { served: true, price: 2, tier: 'ultra', rawTier: 'ultra', others: [] };
const STANDARD: Offer = { served: true, price: 1, tier: 'standard', rawTier: 'standard', others: [] };
const RETIRED: Offer = { served: false, price: null, tier: null, rawTier: null, others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] };
const read = (offer: Offer): OfferOutcome => ({ ok: true, offer });
const failed = (reason: Extract<OfferOutcome, { ok: false }>['reason'], status: number | null = 500): OfferOutcome => ({ ok: false, reason, status });

/** An entry after a sequence of reads, each at its time. */
const afterReads = (...reads: [OfferOutcome, number][]): OfferEntry | undefined =>
  reads.reduce<OfferEntry | undefined>((entry, [outcome, at]) => offerAfterRead(entry, outcome, at), undefined);

describe('offerDue', () => {
  it('reads a model never read, and a good read again once a day', () => {
    const entry = afterReads([read(ULTRA), T0]);
    expect(offerDue(undefined, T0)).toBe(true);
    expect(offerDue(entry, T0 + 23 * HOUR + 59 * MINUTE)).toBe(false);
    expect(offerDue(entry, T0 + 24 * HOUR)).toBe(true);
  });

  it('takes a site without a provider list as settled for the day too: its 404 is not tried every ten minutes', () => {
    const entry = afterReads([failed('not_offered', 404), T0]);
    expect(offerDue(entry, T0 + 10 * MINUTE)).toBe(false);
    expect(offerDue(entry, T0 + 24 * HOUR)).toBe(true);
  });

  it.each(['no_such_model', 'unreachable', 'unreadable', 'upstream_error'] as const)('tries a read that failed (%s) again after ten minutes, not at once', (reason) => {
    const entry = afterReads([read(ULTRA), T0], [failed(reason), T0 + HOUR]);
    expect(offerDue(entry, T0 + HOUR + 9 * MINUTE)).toBe(false);
    expect(offerDue(entry, T0 + HOUR + 10 * MINUTE)).toBe(true);
  });

  it('reads again when the clock went back past the last read', () => {
    expect(offerDue(afterReads([read(ULTRA), T0]), T0 - MINUTE)).toBe(true);
  });
});

describe('offerAfterRead', () => {
  it('keeps the first offer read with its time, and no change yet', () => {
    expect(afterReads([read(ULTRA), T0])).toEqual({ value: ULTRA, read_at: T0, last: { at: T0, outcome: 'ok' }, changed: null });
  });

  it('has nothing to show after a first read that failed', () => {
    expect(afterReads([failed('unreachable', null), T0])).toEqual({ value: null, read_at: null, last: { at: T0, outcome: 'unreachable' }, changed: null });
  });

  it('notes a change of price with its date and the offer before, and keeps it through later reads of the same price', () => {
    const repriced = afterReads([read(ULTRA), T0], [read(STANDARD), T0 + 24 * HOUR]);
    expect(repriced).toEqual({ value: STANDARD, read_at: T0 + 24 * HOUR, last: { at: T0 + 24 * HOUR, outcome: 'ok' }, changed: { at: T0 + 24 * HOUR, before: ULTRA } });
    expect(offerAfterRead(repriced, read(STANDARD), T0 + 48 * HOUR)).toMatchObject({ read_at: T0 + 48 * HOUR, changed: { at: T0 + 24 * HOUR, before: ULTRA } });
  });

  it('notes that a model is no longer served, and that it is served again', () => {
    const retired = afterReads([read(STANDARD), T0], [read(RETIRED), T0 + 24 * HOUR]);
    expect(retired?.changed).toEqual({ at: T0 + 24 * HOUR, before: STANDARD });
    expect(offerAfterRead(retired, read(ULTRA), T0 + 48 * HOUR).changed).toEqual({ at: T0 + 48 * HOUR, before: RETIRED });
  });

  it('does not take the same price written another way for a change', () => {
    const chinese: Offer = { ...ULTRA, rawTier: '旗舰', others: [{ name: 'DashScope', chineseName: null }] };
    expect(afterReads([read(ULTRA), T0], [read(chinese), T0 + 24 * HOUR])).toMatchObject({ value: chinese, changed: null });
  });

  it('keeps the last good offer, its read time and any change when a read fails, and says how the read went', () => {
    const repriced = afterReads([read(ULTRA), T0], [read(STANDARD), T0 + 24 * HOUR]);
    for (const reason of ['no_such_model', 'not_offered', 'unreachable', 'unreadable', 'upstream_error'] as const) {
      expect(offerAfterRead(repriced, failed(reason), T0 + 25 * HOUR)).toEqual({
        value: STANDARD,
        read_at: T0 + 24 * HOUR,
        last: { at: T0 + 25 * HOUR, outcome: reason },
        changed: { at: T0 + 24 * HOUR, before: ULTRA },
      });
    }
  });

  it('compares with the last good offer across failed reads', () => {
    const entry = afterReads([read(ULTRA), T0], [failed('upstream_error', 502), T0 + HOUR], [read(STANDARD), T0 + 2 * HOUR]);
    expect(entry?.changed).toEqual({ at: T0 + 2 * HOUR, before: ULTRA });
  });
});

/** A provider list that answers each model `delayMs` later, counting the reads in flight at once. */
function slowProviderList(delayMs: number) {
  let inFlight = 0;
  const counts = { peak: 0 };
  const stub = stubFetch(async () => {
    inFlight += 1;
    counts.peak = Math.max(counts.peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    inFlight -= 1;
    return jsonResponse(200, { Code: 200, Success: true, Data: { Providers: [{ Name: 'ModelScope', CostTier: 'lite', EstimatedMagicGrainCost: 0.5 }] } });
  });
  vi.stubGlobal('fetch', stub.fetchFn);
  const readsOf = (model: string) => stub.requests.filter((request) => request.url.searchParams.get('ModelId') === model).length;
  return { requests: stub.requests, counts, readsOf };
}

describe('readOffers', () => {
  afterEach(() => vi.unstubAllGlobals());
  const models = (count: number, prefix = 'owner/model') => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

  it('reads every model once, at most 20 at a time, and gives each its offer', async () => {
    const list = slowProviderList(30);
    const asked = models(50);
    const outcomes = await readOffers('cn', [...asked, ...asked.slice(0, 5)], 5000);
    expect(list.requests).toHaveLength(50);
    expect(list.counts.peak).toBe(20);
    expect([...outcomes.keys()]).toEqual(asked);
    expect([...outcomes.values()].every((outcome) => outcome.ok && outcome.offer.price === 0.5)).toBe(true);
  });

  it('reads a model asked for again while its read is under way once: both get the same answer', async () => {
    const list = slowProviderList(50);
    const [first, second] = await Promise.all([readOffers('cn', ['a/1', 'b/1'], 5000), readOffers('cn', ['b/1', 'c/1'], 5000)]);
    expect(['a/1', 'b/1', 'c/1'].map(list.readsOf)).toEqual([1, 1, 1]);
    expect(second.get('b/1')).toBe(first.get('b/1'));
    // Once it is over, a new ask reads again.
    await readOffers('cn', ['b/1'], 5000);
    expect(list.readsOf('b/1')).toBe(2);
  });

  it('keeps the sites apart: the same id on both sites is two reads', async () => {
    const list = slowProviderList(20);
    await Promise.all([readOffers('cn', ['a/1'], 5000), readOffers('ai', ['a/1'], 5000)]);
    expect(list.requests.map((request) => request.url.host).sort()).toEqual(['modelscope.cn', 'www.modelscope.ai']);
  });

  it('reads nothing for no model', async () => {
    const list = slowProviderList(0);
    expect((await readOffers('cn', [], 5000)).size).toBe(0);
    expect(list.requests).toHaveLength(0);
  });
});
