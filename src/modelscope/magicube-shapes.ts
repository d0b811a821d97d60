// The Magicube (魔粒) answers as this extension reads them, after parsing: each shape declared once, as the schema that
// checks it again wherever it is kept, with its type inferred. Amounts are credits, never calls.
import { z } from 'zod/mini';

const EpochMs = z.int().check(z.nonnegative());
const Credits = z.number().check(z.nonnegative());
const Count = z.int().check(z.nonnegative());
const Label = z.string().check(z.minLength(1), z.maxLength(100));

/** The account's credits: frozen ones are held for calls in flight; total = available + frozen. */
export const BalanceSchema = z.object({ total_balance: Credits, available_balance: Credits, frozen_amount: Credits });
export type Balance = z.infer<typeof BalanceSchema>;

/** One spend-ledger row: ModelScope aggregates confirmed spends per (Beijing day, tier), so a day's row grows. */
export const LedgerRowSchema = z.object({
  /** `gmt_created` as epoch milliseconds. */
  at: EpochMs,
  /** The tier id (tiers.ts). */
  tier: Label,
  /** `model_tier` exactly as ModelScope sent it (trimmed). */
  rawTier: Label,
  credits: Credits,
  /** Calls the row covers; null when ModelScope sent no `count`. */
  calls: z.nullable(Count),
});
export type LedgerRow = z.infer<typeof LedgerRowSchema>;

/** One grant (EARN row), e.g. `daily_active` or `aliyun_bindlogin`. */
export const GrantRowSchema = z.object({
  /** When it was issued, epoch milliseconds (Beijing midnight when ModelScope gives the day alone). */
  at: EpochMs,
  ruleKey: Label,
  credits: Credits,
  /** `expire_at` as epoch milliseconds, when the row carries it. */
  expiresAt: z.nullable(EpochMs),
});
export type GrantRow = z.infer<typeof GrantRowSchema>;

/** What one API-Inference request costs in a tier (scene `api_inference`, unit `request`). */
export const TierPriceSchema = z.object({ tier: Label, rawTier: Label, price: Credits, minCharge: z.nullable(Credits) });
export type TierPrice = z.infer<typeof TierPriceSchema>;

/** One way to earn credits, with today's progress; ModelScope leaves out fields at will, so each may be null. */
export const GrantRuleSchema = z.object({
  ruleKey: Label,
  title: z.nullable(z.string().check(z.maxLength(200))),
  /** `short_term` credits expire a day after they are earned, `long_term` ones after months. */
  scene: z._default(z.nullable(Label), null),
  credits: z.nullable(Credits),
  dailyCap: z.nullable(Credits),
  /** `today_used`, or `today_count` where ModelScope sends that instead. */
  todayUsed: z.nullable(z.number().check(z.nonnegative())),
  todayRemain: z.nullable(z.number().check(z.nonnegative())),
  todayEarned: z.nullable(Credits),
});
export type GrantRule = z.infer<typeof GrantRuleSchema>;
