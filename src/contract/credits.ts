import { z } from 'zod/mini';
import { ApiKeySchema, ReplyErrorSchema } from './common';
import { MagicubeBalanceSchema } from './magicube';
import { RequestSiteSchema } from './site';

export const CreditsRequestSchema = z.object({
  type: z.literal('credits'),
  api_key: z.optional(ApiKeySchema),
  site: RequestSiteSchema,
});
export type CreditsRequest = z.infer<typeof CreditsRequestSchema>;

const Iso = z.iso.datetime();
const Credits = z.number().check(z.nonnegative());
const Count = z.int().check(z.nonnegative());

/** How one free source answered: `ok`, or why it gave nothing; with the time of the figures shown (null: none yet). */
export const CreditsSourceSchema = z.object({
  status: z.enum(['ok', 'refused', 'not_returned', 'unreachable', 'unreadable', 'upstream_error']),
  /** When the figures from this source were read; older than the last try when the last try failed (cached). */
  read_at: z.nullable(Iso),
  /** Rows the last read left out because ModelScope sent them unusable (the figures may then be short); 0 for the balance. */
  dropped: Count,
});
export type CreditsSource = z.infer<typeof CreditsSourceSchema>;

const TierSpendSchema = z.object({
  tier: z.string(),
  raw_tier: z.string(),
  /** Null when ModelScope sent no count for the tier. */
  calls: z.nullable(Count),
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
  calls_left_estimate: z.nullable(Count),
});
export type ModelCredits = z.infer<typeof ModelCreditsSchema>;

/** The whole account in credits, from the free Magicube endpoints; every part null when its source gave nothing. */
export const CreditsPictureSchema = z.object({
  balance: z.nullable(MagicubeBalanceSchema),
  /** Today (Beijing day) by tier, from the spend ledger: every app using this token, not only this extension. */
  today: z.nullable(
    z.object({ day: z.string(), tiers: z.array(TierSpendSchema), total_calls: z.nullable(Count), total_credits: Credits }),
  ),
  tier_prices: z.nullable(z.array(z.object({ tier: z.string(), raw_tier: z.string(), price: Credits }))),
  /** Learned prices: our own pages only; another extension gets an empty list. */
  models: z.array(ModelCreditsSchema),
  grants: z.nullable(
    z.object({
      /** Whether today's login grant (`daily_active`) and Alibaba Cloud grant (`aliyun_bindlogin`) arrived. */
      daily_active: z.boolean(),
      aliyun_bindlogin: z.boolean(),
      /** The next expiry of short-term credits: up to `credits` expire at `at` (an estimate). */
      next_expiry: z.nullable(z.object({ at: Iso, credits: Credits })),
    }),
  ),
  /** At today's pace the available balance lasts until about then (an estimate); null: not spending, or beyond today. */
  run_out_at: z.nullable(Iso),
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
  data: z.nullable(CreditsPictureSchema),
  message: z.string(),
  error: z.optional(ReplyErrorSchema),
});
export type CreditsReply = z.infer<typeof CreditsReplySchema>;
