// The badge as the view works it out, from what is stored of the active account: its results, its record's balance,
// the site's prices and the active list.
import { describe, expect, it } from 'vitest';
import type { Balance } from '@src/modelscope/magicube-shapes';
import type { ProbeResult } from '@src/modelscope/probe';
import { BADGE_COLOURS, badgeColours, badgeText, type BadgeState } from '@src/quota/badge-state';
import { accountRecord, neverAnswered } from '@test/support/account-record';
import { probeResult, NO_NUMBERS } from '@test/support/balance-item';
import { accountView } from './view';

const NOW = Date.parse('2026-10-05T04:00:00.000Z'); // 12:00 in China; the last reset was 2026-10-04T16:00Z
const TODAY = '2026-10-05T03:00:00.000Z';
const YESTERDAY = '2026-10-04T15:00:00.000Z';

const result = (model: string, change: Partial<ProbeResult> = {}) => probeResult(model, { checked_at: TODAY, ...change });
const refused = (model: string, checked_at = TODAY) =>
  result(model, { ...NO_NUMBERS, error_kind: 'auth', status: 401, error: 'HTTP 401', checked_at });
const noHeaders = (model: string) => result(model, { ...NO_NUMBERS, error_kind: 'no_quota_headers', error: 'none' });
/** What the balance endpoint last said: a balance read then, or that it refused the key then. */
type MagicubeRecord = { status: 'ok'; checked_at: string; balance: Balance } | { status: 'refused'; checked_at: string };
const balance: MagicubeRecord = {
  status: 'ok',
  checked_at: TODAY,
  balance: { total_balance: 1500.5, available_balance: 1234.5, frozen_amount: 266 },
};

interface BadgeInputs {
  hasKey: boolean;
  models: readonly string[];
  results: Readonly<Record<string, ProbeResult>>;
  magicube: MagicubeRecord | null;
  prices: Readonly<Record<string, { price: number }>>;
  now: number;
}

function inputs(change: Partial<BadgeInputs> = {}): BadgeInputs {
  return { hasKey: true, models: ['a/1', 'b/2'], results: {}, magicube: null, prices: {}, now: NOW, ...change };
}

/** The account's record with only its balance as `magicube` says; the other sources do not weigh on the badge. */
function recordOf(magicube: MagicubeRecord | null, now: number) {
  if (magicube === null) return accountRecord(now, { balance: neverAnswered('not_returned', now) });
  const at = Date.parse(magicube.checked_at);
  if (magicube.status === 'refused') return accountRecord(now, { balance: { value: null, read_at: null, last: { at, outcome: 'refused', dropped: 0 } } });
  return accountRecord(now, { balance: { value: magicube.balance, read_at: at, last: { at, outcome: 'ok', dropped: 0 } } });
}

function badgeState({ hasKey, models, results, magicube, prices, now }: BadgeInputs): BadgeState {
  if (!hasKey) return { kind: 'no-key' };
  const known = Object.fromEntries(Object.entries(prices).map(([model, { price }]) => [model, { tier: 't', rawTier: 't', price, learned_at: now, source: 'ledger' as const }]));
  const kept = Object.fromEntries(Object.entries(results).map(([model, item]) => [model, { ...item, cached: false }]));
  return accountView({ record: recordOf(magicube, now), results: kept, prices: { models: known, notes: {} }, models, now }).badge;
}
const show = (change: Partial<BadgeInputs>) => {
  const state = badgeState(inputs(change));
  return { text: badgeText(state), colours: badgeColours(state) };
};

describe('the badge', () => {
  it('shows the lowest remaining among the active favourites, the account counted too', () => {
    const results = {
      'a/1': result('a/1', { model_request_remaining: 321 }),
      'b/2': result('b/2', { model_request_remaining: 480, request_remaining: 260, request_limit: 2000 }),
      'c/3': result('c/3', { model_request_remaining: 2 }),
    };
    expect(show({ results })).toEqual({ text: '260', colours: BADGE_COLOURS.low }); // 13 % of 2000; c/3 is not a favourite
    expect(badgeState(inputs({ results }))).toMatchObject({ kind: 'quota', lowest: { model: 'b/2', source: 'account' } });
  });

  it.each([
    [500, 500, BADGE_COLOURS.ok],
    [250, 500, BADGE_COLOURS.ok],
    [249, 500, BADGE_COLOURS.low],
    [50, 500, BADGE_COLOURS.low],
    [49, 500, BADGE_COLOURS.critical],
    [0, 500, BADGE_COLOURS.critical],
    [0, null, BADGE_COLOURS.critical],
    [42, null, BADGE_COLOURS.unknown],
  ])('colours %s of %s by the share left', (remaining, limit, colours) => {
    const results = { 'a/1': result('a/1', { ...NO_NUMBERS, model_request_remaining: remaining, model_request_limit: limit }) };
    expect(show({ results })).toEqual({ text: String(remaining), colours });
  });

  it('shows a grey ? without a key, and without results', () => {
    expect(show({ hasKey: false })).toEqual({ text: '?', colours: BADGE_COLOURS.unknown });
    expect(badgeState(inputs({ hasKey: false }))).toEqual({ kind: 'no-key' });
    expect(show({})).toEqual({ text: '?', colours: BADGE_COLOURS.unknown });
    expect(badgeState(inputs())).toEqual({ kind: 'no-data', stale: false });
  });

  it('does not show numbers from before the daily reset: they no longer hold', () => {
    const results = { 'a/1': result('a/1', { model_request_remaining: 3, checked_at: YESTERDAY }) };
    expect(show({ results })).toEqual({ text: '?', colours: BADGE_COLOURS.unknown });
    expect(badgeState(inputs({ results }))).toEqual({ kind: 'no-data', stale: true });
  });

  it('shows a red ! when the newest word about the key is a refusal, from any model or from Magicube', () => {
    const results = { 'a/1': result('a/1', { checked_at: '2026-10-05T02:00:00.000Z' }), 'z/9': refused('z/9') };
    expect(show({ results })).toEqual({ text: '!', colours: BADGE_COLOURS.critical });
    expect(show({ results: { 'a/1': result('a/1') }, magicube: { status: 'refused', checked_at: '2026-10-05T03:30:00.000Z' } }).text).toBe('!');
  });

  it('forgets an old refusal once the key has worked since', () => {
    const results = { 'a/1': result('a/1', { model_request_remaining: 77 }), 'b/2': refused('b/2', '2026-10-05T01:00:00.000Z') };
    expect(show({ results }).text).toBe('77');
    expect(show({ results, magicube: { status: 'refused', checked_at: '2026-10-05T02:00:00.000Z' } }).text).toBe('77');
  });

  it('shows the available Magicube balance in its own colour when ModelScope reports no quota', () => {
    const results = { 'a/1': noHeaders('a/1'), 'b/2': noHeaders('b/2') };
    expect(show({ results, magicube: balance })).toEqual({ text: '1.2k', colours: BADGE_COLOURS.magicube });
    expect(Object.values(BADGE_COLOURS).filter((colours) => colours.background === BADGE_COLOURS.magicube.background)).toHaveLength(1);
  });

  it('prefers call counts to Magicube credits, and needs a known balance for them', () => {
    expect(show({ results: { 'a/1': noHeaders('a/1'), 'b/2': result('b/2', { model_request_remaining: 90 }) }, magicube: balance }).text).toBe('90');
    expect(show({ results: { 'a/1': noHeaders('a/1') } }).text).toBe('?');
    expect(show({ results: {}, magicube: balance }).text).toBe('?');
  });
});

describe('the badge in the credit world', () => {
  const priced = (price: number) => ({ price });
  const fewCredits: MagicubeRecord = { status: 'ok', checked_at: TODAY, balance: { total_balance: 20.5, available_balance: 20.5, frozen_amount: 0 } };

  it('shows the fewest calls the balance buys, at the list’s highest known price', () => {
    const results = { 'a/1': noHeaders('a/1'), 'b/2': noHeaders('b/2') };
    const prices = { 'a/1': priced(0.5), 'b/2': priced(2) };
    expect(badgeState(inputs({ results, magicube: balance, prices }))).toEqual({
      kind: 'derived',
      lowest: { model: 'b/2', calls: 617, price: 2, available: 1234.5, checkedAt: TODAY },
      unpriced: 0,
    });
    // 617 calls at 2 credits is more than half of what a day of free grants buys (125): green.
    expect(show({ results, magicube: balance, prices })).toEqual({ text: '617', colours: BADGE_COLOURS.ok });
  });

  it('needs no result to derive: a known price and a known balance are enough', () => {
    expect(show({ magicube: balance, prices: { 'a/1': priced(1) } }).text).toBe('1.2k');
    expect(badgeState(inputs({ magicube: balance, prices: { 'a/1': priced(1) } }))).toMatchObject({ kind: 'derived', unpriced: 1 });
  });

  it('takes quota headers where ModelScope sends them today, and the lower of the two figures', () => {
    const prices = { 'a/1': priced(0.5), 'b/2': priced(1) };
    // a/1 reports 30 calls in its headers: that beats the 2469 its price would give.
    const results = { 'a/1': result('a/1', { ...NO_NUMBERS, model_request_remaining: 30, model_request_limit: 500 }), 'b/2': noHeaders('b/2') };
    expect(badgeState(inputs({ results, magicube: balance, prices }))).toMatchObject({ kind: 'quota', lowest: { model: 'a/1', remaining: 30 } });
    // With few credits, the derived 20 calls of b/2 are lower than a/1's 30.
    expect(badgeState(inputs({ results, magicube: fewCredits, prices }))).toMatchObject({ kind: 'derived', lowest: { model: 'b/2', calls: 20 } });
    // Headers from before the reset no longer hold: a/1 falls back to its price.
    const stale = { ...results, 'a/1': result('a/1', { ...NO_NUMBERS, model_request_remaining: 3, model_request_limit: 500, checked_at: YESTERDAY }) };
    expect(badgeState(inputs({ results: stale, magicube: fewCredits, prices }))).toMatchObject({ kind: 'derived', lowest: { model: 'b/2', calls: 20 } });
    expect(badgeState(inputs({ results: stale, magicube: fewCredits, prices: { 'a/1': priced(0.5), 'b/2': priced(0.1) } }))).toMatchObject({
      kind: 'derived',
      lowest: { model: 'a/1', calls: 41 },
    });
  });

  it('says how many of the list’s models have no known price, and shows violet credits only while none has one', () => {
    const results = { 'a/1': noHeaders('a/1'), 'b/2': noHeaders('b/2') };
    expect(badgeState(inputs({ results, magicube: balance, prices: { 'b/2': priced(1) } }))).toMatchObject({ kind: 'derived', unpriced: 1 });
    expect(show({ results, magicube: balance, prices: { 'c/3': priced(1) } }).colours).toEqual(BADGE_COLOURS.magicube);
  });

  it('needs the balance: without it, or with the key refused, there is nothing to derive from', () => {
    const results = { 'a/1': noHeaders('a/1') };
    expect(show({ results, prices: { 'a/1': priced(1) } }).text).toBe('?');
    expect(show({ results, prices: { 'a/1': priced(1) }, magicube: { status: 'refused', checked_at: '2026-10-05T03:30:00.000Z' } }).text).toBe('!');
  });

});

describe('the badge with monthly counts (the international site’s Qwen-Ambassador models)', () => {
  const monthly = (model: string, remaining: number) =>
    result(model, { ...NO_NUMBERS, model_month_request_limit: 5500, model_month_request_remaining: remaining });

  it('shows the lowest calls left this month only when no daily figure exists, coloured by its share of the month', () => {
    const state = badgeState(inputs({ results: { 'a/1': monthly('a/1', 5000), 'b/2': monthly('b/2', 300) } }));
    expect(state).toMatchObject({ kind: 'monthly', lowest: { model: 'b/2', remaining: 300, limit: 5500 } });
    expect(badgeText(state)).toBe('300');
    expect(badgeColours(state)).toEqual(BADGE_COLOURS.critical);
  });

  it('never weighs a month’s calls against a day’s: a daily figure wins, however many the month has left', () => {
    const state = badgeState(inputs({ results: { 'a/1': monthly('a/1', 12), 'b/2': result('b/2') } }));
    expect(state).toMatchObject({ kind: 'quota', lowest: { model: 'b/2' } });
    expect(badgeText(state)).toBe('400');
  });

  it('does not count a monthly model as one whose price is still to learn', () => {
    const state = badgeState(inputs({ results: { 'a/1': monthly('a/1', 5000), 'b/2': noHeaders('b/2') }, magicube: balance, prices: { 'b/2': { price: 1 } } }));
    expect(state).toMatchObject({ kind: 'derived', unpriced: 0 });
  });
});
