import { buysOf, type CreditsView, type SourceView } from '@src/account/credits-view';
import { DAY_MS } from '@src/quota/reset-time';

/** 14:00 in Beijing on 2026-12-01: the moment the views below were made at. */
export const VIEW_NOW = Date.parse('2026-12-01T06:00:00.000Z');
/** 09:14 in Beijing on 2026-12-02: when today's login grant expires, 24 h after it was issued. */
const EXPIRY = Date.parse('2026-12-02T01:14:00.000Z');

export const readSecondsAgo = (seconds: number, now = VIEW_NOW): SourceView => ({ status: 'ok', readAt: now - seconds * 1000, dropped: 0 });

/**
 * The account in credits as the view gives it: 140 of 143.5 credits available, 12 lite and 2 ultra calls spent today,
 * both daily grants in, up to 200 credits expiring at 09:14 tomorrow (spent on since), nothing more to earn today,
 * every source read 20 s before `now`.
 * What the balance buys follows from the balance and the rates, as the view works it out.
 */
export function creditsView(change: Partial<CreditsView> = {}, now = VIEW_NOW): CreditsView {
  const fresh = readSecondsAgo(20, now);
  const view: CreditsView = {
    sources: { balance: fresh, ledger: fresh, grants: fresh, rates: fresh, rules: fresh },
    balance: { total_balance: 143.5, available_balance: 140, frozen_amount: 3.5 },
    today: {
      day: '2026-12-01',
      tiers: [
        { tier: 'ultra', rawTier: '旗舰', calls: 2, credits: 4 },
        { tier: 'lite', rawTier: '轻量', calls: 12, credits: 6 },
      ],
      totals: { calls: 14, credits: 10 },
    },
    runOutAt: null,
    grants: { dailyActive: true, aliyun: true, expiries: [{ at: EXPIRY, credits: 200, exact: true, issuedAt: EXPIRY - DAY_MS, upTo: true }] },
    earnable: { credits: 0, rules: [] },
    rates: [
      { tier: 'lite', rawTier: '轻量', price: 0.5, minCharge: 0.5 },
      { tier: 'standard', rawTier: '主流', price: 1, minCharge: 1 },
      { tier: 'ultra', rawTier: '旗舰', price: 2, minCharge: 2 },
    ],
    buys: null,
    spend: { answered: false },
    ...change,
  };
  return { ...view, buys: change.buys ?? buysOf(view.balance, view.rates) };
}
