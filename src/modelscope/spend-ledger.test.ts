import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch, type StubAnswer } from '@test/support/stub-fetch';
import { parseLedgerRow, readSpendLedger } from './spend-ledger';

const KEY = `ms-${'ab12'.repeat(8)}`;
const HOUR = 3_600_000;
// 2026-12-01 00:00 in Beijing.
const DEC_1 = Date.UTC(2026, 10, 30, 16);

const row = (day: number, tier = '主流', amount: unknown = 3, count: unknown = 3) => ({
  gmt_created: new Date(DEC_1 + day * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10),
  model_tier: tier,
  total_amount: amount,
  count,
});

describe('parseLedgerRow', () => {
  const base = { gmt_created: '2026-12-01 09:15:00', model_tier: '轻量', total_amount: 1.5, count: 3 };

  it('reads a row, naming the tier and keeping its raw text', () => {
    expect(parseLedgerRow(base)).toEqual({ at: DEC_1 + 9.25 * HOUR, tier: 'lite', rawTier: '轻量', credits: 1.5, calls: 3 });
  });

  it.each([
    ['a date alone', '2026-12-01', DEC_1],
    ['epoch seconds', (DEC_1 + HOUR) / 1000, DEC_1 + HOUR],
    ['epoch milliseconds', DEC_1 + HOUR, DEC_1 + HOUR],
  ])('reads gmt_created as %s', (_, gmtCreated, at) => {
    expect(parseLedgerRow({ ...base, gmt_created: gmtCreated })?.at).toBe(at);
  });

  it('reads amounts and counts sent as strings, and a missing count as unknown', () => {
    expect(parseLedgerRow({ ...base, total_amount: '2.50', count: '5' })).toMatchObject({ credits: 2.5, calls: 5 });
    expect(parseLedgerRow({ ...base, count: undefined })?.calls).toBeNull();
    expect(parseLedgerRow({ ...base, count: null })?.calls).toBeNull();
  });

  it('keeps a tier it does not know under its own name', () => {
    expect(parseLedgerRow({ ...base, model_tier: 'Ultra' })).toMatchObject({ tier: 'ultra', rawTier: 'Ultra' });
  });

  it.each([
    ['a garbage amount', { ...base, total_amount: 'abc' }],
    ['a negative amount', { ...base, total_amount: -1 }],
    ['no amount', { ...base, total_amount: undefined }],
    ['a garbage date', { ...base, gmt_created: 'yesterday' }],
    ['no date', { ...base, gmt_created: undefined }],
    ['no tier', { ...base, model_tier: '' }],
    ['a garbage count', { ...base, count: 1.5 }],
    ['not an object', 'row'],
    ['null', null],
  ])('drops a row with %s', (_, raw) => expect(parseLedgerRow(raw)).toBeNull());
});

/** A ledger of `rows` (newest first) served 100 a page, as ModelScope pages it. */
function pagedLedger(rows: readonly unknown[]) {
  return stubFetch((url) => {
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('page_size'));
    return jsonResponse(200, { success: true, data: { records: rows.slice((page - 1) * size, page * size) } });
  });
}

describe('readSpendLedger', () => {
  it('reads one short page of SPEND_CONFIRM rows and stops', async () => {
    const stub = pagedLedger([row(0, '旗舰', 4, 2), row(0, '主流', '3.00', 3)]);
    const outcome = await readSpendLedger(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: stub.fetchFn });
    expect(outcome).toEqual({
      ok: true,
      rows: [
        { at: DEC_1, tier: 'ultra', rawTier: '旗舰', credits: 4, calls: 2 },
        { at: DEC_1, tier: 'standard', rawTier: '主流', credits: 3, calls: 3 },
      ],
      dropped: 0,
      since: DEC_1,
      complete: true,
    });
    expect(stub.requests.map((r) => `${r.url.pathname}?${r.url.searchParams}`)).toEqual([
      '/openapi/v1/magicubes/transactions?type=SPEND_CONFIRM&page=1&page_size=100',
    ]);
    expect(stub.requests[0]?.headers.get('x-modelfun-token')).toBeNull();
  });

  it('reads on until a page reaches past the window, keeping only rows inside it', async () => {
    // 60 days × 3 tiers, newest first: the 14-day window ends inside the first page's 100 rows.
    const rows = Array.from({ length: 180 }, (_, i) => row(-Math.floor(i / 3), ['轻量', '主流', '旗舰'][i % 3]));
    const since = DEC_1 - 13 * 24 * HOUR;
    const stub = pagedLedger(rows);
    const outcome = await readSpendLedger(KEY, { site: 'cn', since, timeoutMs: 1000, fetchFn: stub.fetchFn });
    expect(stub.requests).toHaveLength(1);
    expect(outcome.ok && outcome.rows).toHaveLength(42);
    expect(outcome.ok && outcome.complete).toBe(true);

    const longer = pagedLedger(rows);
    const fiftyDays = await readSpendLedger(KEY, { site: 'cn', since: DEC_1 - 49 * 24 * HOUR, timeoutMs: 1000, fetchFn: longer.fetchFn });
    expect(longer.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2']);
    expect(fiftyDays.ok && fiftyDays.rows).toHaveLength(150);
  });

  it('stops at the page bound and says the window may be partial', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(-Math.floor(i / 3)));
    const stub = pagedLedger(rows);
    const outcome = await readSpendLedger(KEY, { site: 'cn', since: 0, maxPages: 3, timeoutMs: 1000, fetchFn: stub.fetchFn });
    expect(stub.requests).toHaveLength(3);
    expect(outcome).toMatchObject({ ok: true, complete: false });
    expect(outcome.ok && outcome.rows).toHaveLength(300);
  });

  it('never reads more than 20 pages, whatever the caller asks', async () => {
    const stub = pagedLedger(Array.from({ length: 3000 }, () => row(0)));
    await readSpendLedger(KEY, { site: 'cn', since: 0, maxPages: 1000, timeoutMs: 5000, fetchFn: stub.fetchFn });
    expect(stub.requests).toHaveLength(20);
  });

  it('drops and counts garbage rows instead of failing the read', async () => {
    const stub = pagedLedger([row(0, '主流', 'abc'), row(0, '轻量', 1), { gmt_created: 'soon', model_tier: '旗舰', total_amount: 2 }, 7]);
    const outcome = await readSpendLedger(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: stub.fetchFn });
    expect(outcome).toMatchObject({ ok: true, dropped: 3, rows: [{ tier: 'lite', credits: 1 }] });
  });

  it('an answered empty ledger is zero rows; a ledger that did not come back is not_returned', async () => {
    const empty = pagedLedger([]);
    expect(await readSpendLedger(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: empty.fetchFn })).toMatchObject({ ok: true, rows: [] });
    for (const data of [{ total: 0 }, { records: null }]) {
      const ignored = stubFetch(() => jsonResponse(200, { success: true, data }));
      expect(await readSpendLedger(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: ignored.fetchFn })).toEqual({
        ok: false,
        reason: 'not_returned',
        status: 200,
        detail: null,
      });
    }
  });

  it('records that are not a list are unreadable', async () => {
    const stub = stubFetch(() => jsonResponse(200, { success: true, data: { records: 'none' } }));
    expect(await readSpendLedger(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: stub.fetchFn })).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('a later page that fails fails the read, rather than passing a part for the whole', async () => {
    const full = Array.from({ length: 100 }, () => row(0));
    const stub = stubFetch((url): StubAnswer =>
      url.searchParams.get('page') === '1' ? jsonResponse(200, { success: true, data: { records: full } }) : 'network-error',
    );
    expect(await readSpendLedger(KEY, { site: 'cn', since: 0, timeoutMs: 1000, fetchFn: stub.fetchFn })).toEqual({
      ok: false,
      reason: 'unreachable',
      status: null,
      detail: 'network',
    });
  });

  it('the deadline covers the whole read, not each page', async () => {
    const full = Array.from({ length: 100 }, () => row(0));
    const stub = stubFetch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return jsonResponse(200, { success: true, data: { records: full } });
    });
    const started = performance.now();
    const outcome = await readSpendLedger(KEY, { site: 'cn', since: 0, timeoutMs: 100, fetchFn: stub.fetchFn });
    expect(outcome).toMatchObject({ ok: false, reason: 'unreachable', detail: 'timeout' });
    expect(performance.now() - started).toBeLessThan(400);
    expect(stub.requests.length).toBeLessThan(10);
  });

  it('passes a refusal on as it is', async () => {
    const stub = stubFetch(() => jsonResponse(401, { success: false, code: 'InvalidToken', message: 'Invalid token' }));
    expect(await readSpendLedger(KEY, { site: 'cn', since: DEC_1, timeoutMs: 1000, fetchFn: stub.fetchFn })).toEqual({
      ok: false,
      reason: 'refused',
      status: 401,
      detail: 'InvalidToken',
    });
  });
});
