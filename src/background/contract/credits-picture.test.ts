// The `credits` reply's picture, built from the account's view of its record: the public shape other extensions read.
import { describe, expect, it } from 'vitest';
import { offerAfterRead } from '@src/account/offers';
import type { AccountRecord, LastRead } from '@src/account/record';
import { accountView } from '@src/account/view';
import { CreditsPictureSchema } from '@src/contract';
import type { Balance } from '@src/modelscope/magicube-shapes';
import type { Offer } from '@src/modelscope/providers';
import type { ModelPrice } from '@src/storage/model-prices';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, grantRow, ledgerRow } from '@test/support/magicube-rows';
import { creditsPicture, modelOffers } from './credits-picture';

const NOW = DEC_1 + 10 * HOUR; // 10:00 in Beijing
const READ = NOW - 30_000;
const iso = (at: number) => new Date(at).toISOString();
const ok = (at = READ): LastRead => ({ at, outcome: 'ok', dropped: 0 });

const BALANCE = { balance: { total_balance: 123.5, available_balance: 123.5, frozen_amount: 0 } satisfies Balance };

/** Everything answered at READ: 123.5 credits, 12 calls (14.5 credits) today, yesterday's 40, both grants, two tier prices. */
function answered(): AccountRecord {
  return {
    balance: { value: BALANCE.balance, read_at: READ, last: ok() },
    ledger: {
      value: {
        rows: [ledgerRow(DEC_1 + 8 * HOUR, 'standard', 11, 11), ledgerRow(DEC_1 + 8 * HOUR, 'lite', 0.5, 1), ledgerRow(DEC_1 + 9 * HOUR, 'ultra', 3, 0), ledgerRow(DEC_1 - 2 * HOUR, 'standard', 40, 40)],
        since: DEC_1 - 13 * 24 * HOUR,
        complete: true,
      },
      read_at: READ,
      last: ok(),
    },
    grants: {
      value: { rows: [grantRow(DEC_1 + 7 * HOUR, 'daily_active', 200), grantRow(DEC_1 - 12 * HOUR, 'aliyun_bindlogin', 50)], since: DEC_1 - 13 * 24 * HOUR, complete: true },
      read_at: READ,
      last: ok(),
    },
    rates: {
      value: [
        { tier: 'lite', rawTier: '轻量', price: 0.5, minCharge: 0.5 },
        { tier: 'standard', rawTier: '主流', price: 1, minCharge: null },
      ],
      read_at: READ,
      last: ok(),
    },
    rules: { value: [], read_at: READ, last: ok() },
    offers: {},
  };
}

interface PictureInputs {
  account: AccountRecord;
  /** The site's known prices, by model. */
  prices: Record<string, ModelPrice>;
  /** The models whose prices the picture lists: the active list (none for another extension). */
  models: string[];
}

function picture({ account = answered(), prices = {}, models = [] }: Partial<PictureInputs> = {}) {
  const view = accountView({ record: account, results: {}, prices: { models: prices, notes: {} }, models, now: NOW });
  const result = creditsPicture(view.credits!, view.rows, []);
  // Whatever it is built from, the picture is one the contract accepts.
  expect(CreditsPictureSchema.safeParse(result).success).toBe(true);
  return result;
}

const never = () => ({ value: null, read_at: null, last: { at: READ, outcome: 'not_returned' as const, dropped: 0 } });

describe('the credits picture', () => {
  it('puts together the balance, today by tier (Beijing day), the tier prices, the grants and each source', () => {
    expect(picture()).toEqual({
      balance: BALANCE.balance,
      today: {
        day: '2026-12-01',
        tiers: [
          { tier: 'lite', raw_tier: '轻量', calls: 1, credits: 0.5 },
          { tier: 'standard', raw_tier: '主流', calls: 11, credits: 11 },
          { tier: 'ultra', raw_tier: '旗舰', calls: 0, credits: 3 },
        ],
        total_calls: 12,
        total_credits: 14.5,
      },
      tier_prices: [
        { tier: 'lite', raw_tier: '轻量', price: 0.5 },
        { tier: 'standard', raw_tier: '主流', price: 1 },
      ],
      models: [],
      // The Alibaba Cloud grant came yesterday: not today's. Neither row has expire_at, so both expire 24 h after issue
      // (estimates), and today's spend may have drawn on either.
      grants: {
        daily_active: true,
        aliyun_bindlogin: false,
        next_expiry: { at: iso(DEC_1 + 12 * HOUR), credits: 50 },
        expiries: [
          { at: iso(DEC_1 + 12 * HOUR), credits: 50, exact: false, up_to: true },
          { at: iso(DEC_1 + 31 * HOUR), credits: 200, exact: false, up_to: true },
        ],
      },
      // 14.5 credits since 08:00 (2 h): 123.5 more last about 17 h, beyond the Beijing day.
      run_out_at: null,
      offers: [],
      sources: Object.fromEntries(['balance', 'ledger', 'grants', 'prices', 'rules'].map((name) => [name, { status: 'ok', read_at: iso(READ), dropped: 0 }])),
    });
  });

  it('lists the active list’s models with a known price and the calls the balance buys at it, each once', () => {
    const prices = {
      'a/ultra': { tier: 'ultra', rawTier: '旗舰', price: 2, learned_at: DEC_1, source: 'ledger' as const },
      'b/light': { tier: 'lite', rawTier: '轻量', price: 0.5, learned_at: DEC_1 + HOUR, source: 'manual' as const },
      'c/not-listed': { tier: 'standard', rawTier: '主流', price: 1, learned_at: DEC_1, source: 'ledger' as const },
    };
    const { models } = picture({ prices, models: ['b/light', 'a/ultra', 'x/unknown', 'b/light'] });
    expect(models).toEqual([
      { model: 'b/light', tier: 'lite', price: 0.5, source: 'manual', learned_at: iso(DEC_1 + HOUR), calls_left_estimate: 247 },
      { model: 'a/ultra', tier: 'ultra', price: 2, source: 'ledger', learned_at: iso(DEC_1), calls_left_estimate: 61 },
    ]);
    const noBalance = { ...answered(), balance: { value: null, read_at: null, last: { at: READ, outcome: 'unreachable' as const, dropped: 0 } } };
    expect(picture({ prices, models: ['a/ultra'], account: noBalance }).models).toEqual([expect.objectContaining({ calls_left_estimate: null })]);
    expect(picture({ prices: { toString: prices['a/ultra'] }, models: ['constructor', 'toString'] }).models.map((m) => m.model)).toEqual(['toString']);
  });

  it('says each grant’s expiry exactly from expire_at, and “up to” only where spending since its day may have used it', () => {
    const account = answered();
    const login = grantRow(DEC_1 + 7 * HOUR, 'daily_active', 200, DEC_1 + 31 * HOUR + 41 * 60_000);
    const yesterdays = grantRow(DEC_1 - 12 * HOUR, 'aliyun_bindlogin', 50, DEC_1 + 12 * HOUR);
    account.grants = { ...account.grants, value: { rows: [login, yesterdays], since: DEC_1 - 13 * 24 * HOUR, complete: true } };
    // Only yesterday's spend: today's 200 are all there (the balance holds them), yesterday's 50 may be partly spent.
    account.ledger = { ...account.ledger, value: { rows: [ledgerRow(DEC_1 - 2 * HOUR, 'standard', 40, 40)], since: DEC_1, complete: true } };
    account.balance = { ...account.balance, value: { total_balance: 260, available_balance: 260, frozen_amount: 0 } };
    expect(picture({ account }).grants?.expiries).toEqual([
      { at: iso(DEC_1 + 12 * HOUR), credits: 50, exact: true, up_to: true },
      { at: iso(DEC_1 + 31 * HOUR + 41 * 60_000), credits: 200, exact: true, up_to: false },
    ]);
    // A ledger not read today cannot tell: every expiry is "up to".
    account.ledger = { ...account.ledger, read_at: DEC_1 - HOUR, last: { at: READ, outcome: 'unreachable', dropped: 0 } };
    expect(picture({ account }).grants?.expiries.map((expiry) => expiry.up_to)).toEqual([true, true]);
  });

  it('lists a model priced by the provider list as such, and carries the offers asked about, in the order asked', () => {
    const account = answered();
    const read = (offer: Offer) => offerAfterRead(undefined, { ok: true, offer }, READ);
    account.offers = {
      'q/served': read({ served: true, price: 2, tier: 'ultra', rawTier: 'ultra', others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] }),
      'z/dashscope': read({ served: false, price: null, tier: null, rawTier: null, others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] }),
      'x/typo': offerAfterRead(undefined, { ok: false, reason: 'no_such_model', status: 500 }, READ),
    };
    const view = accountView({ record: account, results: {}, prices: { models: {}, notes: {} }, models: ['q/served', 'z/dashscope'], now: NOW });
    const result = creditsPicture(view.credits!, view.rows, modelOffers(['z/dashscope', 'x/typo', 'q/served', 'n/never-read'], account.offers));
    expect(CreditsPictureSchema.safeParse(result).success).toBe(true);
    // 123.5 credits at 2 a call; the model nobody lets us call has no price to list.
    expect(result.models).toEqual([{ model: 'q/served', tier: 'ultra', price: 2, source: 'providers', learned_at: iso(READ), calls_left_estimate: 61 }]);
    expect(result.offers).toEqual([
      { model: 'z/dashscope', served: false, price: null, tier: null, providers: ['DashScope'], read_at: iso(READ), status: 'ok' },
      { model: 'x/typo', served: null, price: null, tier: null, providers: [], read_at: null, status: 'no_such_model' },
      { model: 'q/served', served: true, price: 2, tier: 'ultra', providers: ['DashScope'], read_at: iso(READ), status: 'ok' },
      // Kept nowhere yet: not read, which is not a failure to read.
      { model: 'n/never-read', served: null, price: null, tier: null, providers: [], read_at: null, status: 'not_read' },
    ]);
  });

  it('gives null, never 0, for a part whose source never answered, and says how each went', () => {
    const account = { ...answered(), ledger: never(), grants: { ...never(), last: { at: READ, outcome: 'unreachable' as const, dropped: 0 } }, rates: never() };
    const result = picture({ account });
    expect(result).toMatchObject({ today: null, grants: null, tier_prices: null, run_out_at: null, balance: BALANCE.balance });
    expect(result.sources).toEqual({
      balance: { status: 'ok', read_at: iso(READ), dropped: 0 },
      ledger: { status: 'not_returned', read_at: null, dropped: 0 },
      grants: { status: 'unreachable', read_at: null, dropped: 0 },
      prices: { status: 'not_returned', read_at: null, dropped: 0 },
      rules: { status: 'ok', read_at: iso(READ), dropped: 0 },
    });
  });

  it('keeps the last good figures of a source whose latest read failed, with the time they were read', () => {
    const earlier = NOW - 20 * 60_000;
    const account = answered();
    account.ledger = { ...account.ledger, read_at: earlier, last: { at: READ, outcome: 'upstream_error', dropped: 0 } };
    const result = picture({ account });
    expect(result.today?.total_credits).toBe(14.5);
    expect(result.sources.ledger).toEqual({ status: 'upstream_error', read_at: iso(earlier), dropped: 0 });
  });

  it('does not take a ledger or grants read before today began for today’s: today is not known then', () => {
    const account = answered();
    const yesterday = DEC_1 - HOUR;
    account.ledger = { ...account.ledger, read_at: yesterday, last: { at: READ, outcome: 'unreachable', dropped: 0 } };
    account.grants = { ...account.grants, read_at: yesterday, last: { at: READ, outcome: 'unreachable', dropped: 0 } };
    expect(picture({ account })).toMatchObject({ today: null, grants: null, run_out_at: null });
  });

  it('says today’s spend was 0 only when the ledger answered today without a row of today', () => {
    const account = answered();
    account.ledger = { ...account.ledger, value: { rows: [ledgerRow(DEC_1 - 2 * HOUR, 'standard', 40, 40)], since: DEC_1, complete: true } };
    expect(picture({ account }).today).toEqual({ day: '2026-12-01', tiers: [], total_calls: 0, total_credits: 0 });
  });

  it('says how many unusable rows a source left out', () => {
    const account = answered();
    account.ledger = { ...account.ledger, last: { at: READ, outcome: 'ok', dropped: 2 } };
    expect(picture({ account }).sources.ledger).toEqual({ status: 'ok', read_at: iso(READ), dropped: 2 });
  });

  it('estimates when the balance runs out at today’s pace, within the Beijing day', () => {
    const account = answered();
    account.balance = { ...account.balance, value: { total_balance: 7.25, available_balance: 7.25, frozen_amount: 0 } };
    // 14.5 credits over 2 h since the first row: 7.25 more last another hour.
    expect(picture({ account }).run_out_at).toBe(iso(NOW + HOUR));
  });

  it('gives no balance once the key was refused, and the last good one, with its time, after a failed read', () => {
    const account = answered();
    account.balance = { ...account.balance, last: { at: READ + 1000, outcome: 'refused', dropped: 0 } };
    expect(picture({ account })).toMatchObject({ balance: null, sources: { balance: { status: 'refused', read_at: null } }, models: [] });
    account.balance = { ...account.balance, last: { at: READ + 5000, outcome: 'unreachable', dropped: 0 } };
    expect(picture({ account })).toMatchObject({ balance: BALANCE.balance, sources: { balance: { status: 'unreachable', read_at: iso(READ) } } });
    account.balance = { value: null, read_at: null, last: { at: READ + 5000, outcome: 'unreachable', dropped: 0 } };
    expect(picture({ account })).toMatchObject({ balance: null, run_out_at: null, sources: { balance: { status: 'unreachable', read_at: null } } });
  });
});
