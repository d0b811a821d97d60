import { z } from 'zod';
import { ApiKeySchema, ReplyErrorSchema } from './common';
import { MagicubeBalanceSchema } from './magicube';
import { RequestSiteSchema } from './site';

export const CreditsRequestSchema = z.object({
  type: z.literal('credits'),
  api_key: ApiKeySchema.optional(),
  site: RequestSiteSchema,
});
export type CreditsRequest = z.infer<typeof CreditsRequestSchema>;

const Iso = z.iso.datetime();
const Credits = z.number().nonnegative();
const Count = z.number().int().nonnegative();

/** How one free source answered: `ok`, or why it gave nothing; with the time of the figures shown (null: none yet). */
export const CreditsSourceSchema = z.object({
  status: z.enum(['ok', 'refused', 'not_returned', 'unreachable', 'unreadable', 'upstream_error']),
  /** When the figures from this source were read; older than the last try when the last try failed (cached). */
  read_at: Iso.nullable(),
  /** Rows the last read left out because ModelScope sent them unusable (the figures may then be short); 0 for the balance. */
  dropped: Count,
});
export type CreditsSource = z.infer<typeof CreditsSourceSchema>;

const TierSpendSchema = z.object({
  tier: z.string(),
  raw_tier: z.string(),
  /** Null when ModelScope sent no count for the tier. */
  calls: Count.nullable(),
  credits: Credits,
});

/** A model's learned (or hand-set) price, and the calls the available balance buys at it. */
export const ModelCreditsSchema = z.object({
  model: z.string(),
  tier: z.string(),
  price: Credits,
  source: z.enum(['ledger', 'manual']),
  learned_at: Iso,
  /** floor(available balance / price); null while the balance is unknown. */
  calls_left_estimate: Count.nullable(),
});
export type ModelCredits = z.infer<typeof ModelCreditsSchema>;

/** The whole account in credits, from the free Magicube endpoints; every part null when its source gave nothing. */
export const CreditsPictureSchema = z.object({
  balance: MagicubeBalanceSchema.nullable(),
  /** Today (Beijing day) by tier, from the spend ledger: every app using this token, not only this extension. */
  today: z
    .object({ day: z.string(), tiers: z.array(TierSpendSchema), total_calls: Count.nullable(), total_credits: Credits })
    .nullable(),
  tier_prices: z.array(z.object({ tier: z.string(), raw_tier: z.string(), price: Credits })).nullable(),
  /** Learned prices: our own pages only; another extension gets an empty list. */
  models: z.array(ModelCreditsSchema),
  grants: z
    .object({
      /** Whether today's login grant (`daily_active`) and Alibaba Cloud grant (`aliyun_bindlogin`) arrived. */
      daily_active: z.boolean(),
      aliyun_bindlogin: z.boolean(),
      /** The next expiry of short-term credits: up to `credits` expire at `at` (an estimate). */
      next_expiry: z.object({ at: Iso, credits: Credits }).nullable(),
    })
    .nullable(),
  /** At today's pace the available balance lasts until about then (an estimate); null: not spending, or beyond today. */
  run_out_at: Iso.nullable(),
  sources: z.object({
    balance: CreditsSourceSchema,
    ledger: CreditsSourceSchema,
    grants: CreditsSourceSchema,
    prices: CreditsSourceSchema,
    rules: CreditsSourceSchema,
  }),
});
export type CreditsPicture = z.infer<typeof CreditsPictureSchema>;

export const CreditsReplySchema = z.object({
  success: z.boolean(),
  data: CreditsPictureSchema.nullable(),
  message: z.string(),
  error: ReplyErrorSchema.optional(),
});
export type CreditsReply = z.infer<typeof CreditsReplySchema>;
