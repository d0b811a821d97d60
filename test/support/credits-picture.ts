import { CreditsPictureSchema, CreditsReplySchema, type CreditsPicture, type CreditsReply, type CreditsSource } from '@src/contract';

/** 14:00 in Beijing on 2026-12-01: the moment the pictures below were answered at. */
export const PICTURE_NOW = Date.parse('2026-12-01T06:00:00.000Z');

export const readSecondsAgo = (seconds: number, now = PICTURE_NOW): CreditsSource => ({
  status: 'ok',
  read_at: new Date(now - seconds * 1000).toISOString(),
  dropped: 0,
});

/**
 * A credits picture as the background answers it: 140 of 143.5 credits available, 12 lightweight and 2 flagship
 * calls spent today, both daily grants in, 200 credits expiring at 09:14 tomorrow, every source read 20 s before
 * `now`. Parsed with the contract's schema, so a test can only build what the background may send.
 */
export function creditsPicture(change: Partial<CreditsPicture> = {}, now = PICTURE_NOW): CreditsPicture {
  const fresh = readSecondsAgo(20, now);
  return CreditsPictureSchema.parse({
    balance: { total_balance: 143.5, available_balance: 140, frozen_amount: 3.5 },
    today: {
      day: '2026-12-01',
      tiers: [
        { tier: 'flagship', raw_tier: '旗舰', calls: 2, credits: 4 },
        { tier: 'lightweight', raw_tier: '轻量', calls: 12, credits: 6 },
      ],
      total_calls: 14,
      total_credits: 10,
    },
    tier_prices: [
      { tier: 'lightweight', raw_tier: '轻量', price: 0.5 },
      { tier: 'mainstream', raw_tier: '主流', price: 1 },
      { tier: 'flagship', raw_tier: '旗舰', price: 2 },
    ],
    models: [],
    grants: {
      daily_active: true,
      aliyun_bindlogin: true,
      next_expiry: { at: new Date(Date.parse('2026-12-02T01:14:00.000Z')).toISOString(), credits: 200 },
    },
    run_out_at: null,
    sources: { balance: fresh, ledger: fresh, grants: fresh, prices: fresh, rules: fresh },
    ...change,
  });
}

export function creditsReply(picture: CreditsPicture | null, message = 'ok'): CreditsReply {
  return CreditsReplySchema.parse({ success: picture !== null, data: picture, message });
}

