// The Magicube (魔粒) answers as this extension reads them, after parsing. Amounts are credits, never calls.
import type { TierId } from './tiers';

/** One spend-ledger row: ModelScope aggregates confirmed spends per (Beijing day, tier), so a day's row grows. */
export interface LedgerRow {
  /** `gmt_created` as epoch milliseconds. */
  at: number;
  tier: TierId;
  /** `model_tier` exactly as ModelScope sent it (trimmed). */
  rawTier: string;
  credits: number;
  /** Calls the row covers; null when ModelScope sent no `count`. */
  calls: number | null;
}

/** One grant (EARN row), e.g. `daily_active` or `aliyun_bindlogin`. */
export interface GrantRow {
  /** When it was issued, epoch milliseconds. */
  at: number;
  ruleKey: string;
  credits: number;
  /** `expire_at` as epoch milliseconds, when the row carries it. */
  expiresAt: number | null;
}

/** What one API-Inference request costs in a tier (scene `api_inference`, unit `request`). */
export interface TierPrice {
  tier: TierId;
  rawTier: string;
  price: number;
  minCharge: number | null;
}

/** One way to earn credits, with today's progress; ModelScope leaves out fields at will, so each may be null. */
export interface GrantRule {
  ruleKey: string;
  title: string | null;
  credits: number | null;
  dailyCap: number | null;
  /** `today_used`, or `today_count` where ModelScope sends that instead. */
  todayUsed: number | null;
  todayRemain: number | null;
  todayEarned: number | null;
}
