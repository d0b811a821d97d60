import type { GrantRow } from '@src/modelscope/magicube-shapes';
import { toHundredths } from './hundredths';
import { DAY_MS, quotaDay } from './reset-time';

/** The two free daily grants: an active login on the website, and a linked Alibaba Cloud account. */
const DAILY_GRANT_RULES = ['daily_active', 'aliyun_bindlogin'] as const;
export type DailyGrantRule = (typeof DAILY_GRANT_RULES)[number];

const isDailyGrant = (ruleKey: string): ruleKey is DailyGrantRule => (DAILY_GRANT_RULES as readonly string[]).includes(ruleKey);

/** Whether each daily grant arrived today (Beijing day). The login grant comes from visiting the website, not the API. */
export function dailyGrantsToday(grants: readonly GrantRow[], now: number): Record<DailyGrantRule, boolean> {
  const today = quotaDay(now);
  const arrived = (rule: DailyGrantRule) => grants.some((grant) => grant.ruleKey === rule && quotaDay(grant.at) === today);
  return { daily_active: arrived('daily_active'), aliyun_bindlogin: arrived('aliyun_bindlogin') };
}

/** When a grant's credits expire: its `expire_at` (exact), or 24 h after issue for a daily grant; null when unknown. */
function grantExpiry(grant: GrantRow): { at: number; exact: boolean } | null {
  if (grant.expiresAt !== null) return { at: grant.expiresAt, exact: true };
  return isDailyGrant(grant.ruleKey) ? { at: grant.at + DAY_MS, exact: false } : null;
}

/** Credits that expire at one moment: one grant, or several that expire at the very same second. */
export interface GrantExpiry {
  at: number;
  credits: number;
  /** From the grants' own `expire_at`; false: 24 h after a daily grant was issued (ModelScope's rule, an estimate). */
  exact: boolean;
  /** When the earliest of these grants was issued: spending since then may have drawn on them. */
  issuedAt: number;
}

/**
 * Every expiry after `now`, soonest first, with the credits that expire then. A grant listed twice (rows shift across
 * pages as new ones arrive) counts once; its `expire_at` is part of what tells it apart, since `gmt_created` may be the
 * day alone and one rule can pay out several times a day (20 likes).
 */
export function grantExpiries(grants: readonly GrantRow[], now: number): GrantExpiry[] {
  const seen = new Set<string>();
  const byMoment = new Map<number, { hundredths: number; exact: boolean; issuedAt: number }>();
  for (const grant of grants) {
    const identity = `${grant.at}\n${grant.ruleKey}\n${grant.credits}\n${grant.expiresAt}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const expiry = grantExpiry(grant);
    if (expiry === null || expiry.at <= now) continue;
    const before = byMoment.get(expiry.at);
    byMoment.set(expiry.at, {
      hundredths: (before?.hundredths ?? 0) + toHundredths(grant.credits),
      exact: (before?.exact ?? true) && expiry.exact,
      issuedAt: Math.min(before?.issuedAt ?? Infinity, grant.at),
    });
  }
  return [...byMoment]
    .sort(([a], [b]) => a - b)
    .map(([at, { hundredths, exact, issuedAt }]) => ({ at, credits: hundredths / 100, exact, issuedAt }));
}
