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

/** When a grant's credits expire: its `expire_at`, or 24 h after issue for a daily grant; null when unknown. */
function grantExpiry(grant: GrantRow): number | null {
  if (grant.expiresAt !== null) return grant.expiresAt;
  return isDailyGrant(grant.ruleKey) ? grant.at + DAY_MS : null;
}

export interface GrantExpiry {
  at: number;
  /** "Up to": some of these credits may be spent already, and ModelScope does not say which grant a spend drew on. */
  credits: number;
}

/**
 * The next moment after `now` that granted credits expire, with how many expire then. Null when none is known. A
 * grant listed twice (rows shift across pages as new ones arrive) counts once.
 */
export function nextGrantExpiry(grants: readonly GrantRow[], now: number): GrantExpiry | null {
  const seen = new Set<string>();
  let next: { at: number; hundredths: number } | null = null;
  for (const grant of grants) {
    const identity = `${grant.at}\n${grant.ruleKey}\n${grant.credits}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const at = grantExpiry(grant);
    if (at === null || at <= now || (next !== null && at > next.at)) continue;
    const hundredths = toHundredths(grant.credits);
    next = next !== null && at === next.at ? { at, hundredths: next.hundredths + hundredths } : { at, hundredths };
  }
  return next && { at: next.at, credits: next.hundredths / 100 };
}
