import { z } from 'zod/mini';
import type { GrantRow, GrantRule, LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';

// Storage's schemas of the parsed Magicube shapes: what a read left behind is checked again when it is read back.
const EpochMs = z.int().check(z.nonnegative());
const Credits = z.number().check(z.nonnegative());
const Count = z.int().check(z.nonnegative());
const Label = z.string().check(z.minLength(1), z.maxLength(100));

export const LedgerRowSchema: z.ZodMiniType<LedgerRow> = z.object({
  at: EpochMs,
  tier: Label,
  rawTier: Label,
  credits: Credits,
  calls: z.nullable(Count),
});

export const GrantRowSchema: z.ZodMiniType<GrantRow> = z.object({
  at: EpochMs,
  ruleKey: Label,
  credits: Credits,
  expiresAt: z.nullable(EpochMs),
});

export const TierPriceSchema: z.ZodMiniType<TierPrice> = z.object({
  tier: Label,
  rawTier: Label,
  price: Credits,
  minCharge: z.nullable(Credits),
});

export const GrantRuleSchema: z.ZodMiniType<GrantRule> = z.object({
  ruleKey: Label,
  title: z.nullable(z.string().check(z.maxLength(200))),
  credits: z.nullable(Credits),
  dailyCap: z.nullable(Credits),
  todayUsed: z.nullable(z.number().check(z.nonnegative())),
  todayRemain: z.nullable(z.number().check(z.nonnegative())),
  todayEarned: z.nullable(Credits),
});
