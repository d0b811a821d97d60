import { z } from 'zod';
import type { GrantRow, GrantRule, LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';

// Storage's schemas of the parsed Magicube shapes: what a read left behind is checked again when it is read back.
const EpochMs = z.number().int().nonnegative();
const Credits = z.number().nonnegative();
const Count = z.number().int().nonnegative();
const Label = z.string().min(1).max(100);

export const LedgerRowSchema: z.ZodType<LedgerRow> = z.object({
  at: EpochMs,
  tier: Label,
  rawTier: Label,
  credits: Credits,
  calls: Count.nullable(),
});

export const GrantRowSchema: z.ZodType<GrantRow> = z.object({
  at: EpochMs,
  ruleKey: Label,
  credits: Credits,
  expiresAt: EpochMs.nullable(),
});

export const TierPriceSchema: z.ZodType<TierPrice> = z.object({
  tier: Label,
  rawTier: Label,
  price: Credits,
  minCharge: Credits.nullable(),
});

export const GrantRuleSchema: z.ZodType<GrantRule> = z.object({
  ruleKey: Label,
  title: z.string().max(200).nullable(),
  credits: Credits.nullable(),
  dailyCap: Credits.nullable(),
  todayUsed: z.number().nonnegative().nullable(),
  todayRemain: z.number().nonnegative().nullable(),
  todayEarned: Credits.nullable(),
});
