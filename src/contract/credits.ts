import { z } from 'zod/mini';
import { ApiKeySchema, ModelIdSchema, ReplyErrorSchema } from './common';
import { MAX_MODELS_PER_REQUEST } from './limits';
import { MagicubeBalanceSchema } from './magicube';
import { RequestSiteSchema } from './site';

export const CreditsRequestSchema = z.object({
  type: z.literal('credits'),
  api_key: z.optional(ApiKeySchema),
  /** Models whose offer (price, tier, whether API-Inference serves them) the reply carries; free, and keyless. */
  models: z.optional(
    z.pipe(
      z
        .array(ModelIdSchema, { error: 'modelsNotList' })
        .check(z.minLength(1, 'modelsEmpty'), z.maxLength(MAX_MODELS_PER_REQUEST, 'modelsTooMany')),
      z.transform((ids) => [...new Set(ids)]),
    ),
  ),
  site: RequestSiteSchema,
});
export type CreditsRequest = z.infer<typeof CreditsRequestSchema>;

const Iso = z.iso.datetime();
const Credits = z.number().check(z.nonnegative());
const Count = z.int().check(z.nonnegative());

/**
 * How one free source answered: `ok`, or why it gave nothing (`not_read`: no key was given, so nothing of the account
 * was read); with the time of the figures shown (null: none yet).
 */
export const CreditsSourceSchema = z.object({
  status: z.enum(['ok', 'refused', 'not_returned', 'unreachable', 'unreadable', 'upstream_error', 'not_read']),
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

/** A model's known price (ModelScope's provider list, learned from the ledger, or set by hand), and the calls the available balance buys at it. */
export const ModelCreditsSchema = z.object({
  model: z.string(),
  tier: z.string(),
  price: Credits,
  source: z.enum(['providers', 'ledger', 'manual']),
  learned_at: Iso,
  /** floor(available balance / price); null while the balance is unknown. */
  calls_left_estimate: z.nullable(Count),
});
export type ModelCredits = z.infer<typeof ModelCreditsSchema>;

/**
 * What ModelScope's provider list says of one model asked about: whether a ModelScope token can call it at all, and what
 * a call costs in credits and in which tier; null where not known. `status`: how the latest read went (`no_such_model`:
 * ModelScope answered 500, for an unknown id or while it is down; `not_offered`: the site has no provider list;
 * `not_read`: not read yet).
 */
export const ModelOfferSchema = z.object({
  model: z.string(),
  served: z.nullable(z.boolean()),
  price: z.nullable(z.number().check(z.positive())),
  tier: z.nullable(z.string()),
  /** Who else serves it, each paid with their own keys (DashScope, …). */
  providers: z.array(z.string()),
  read_at: z.nullable(Iso),
  status: z.enum(['ok', 'no_such_model', 'not_offered', 'unreachable', 'unreadable', 'upstream_error', 'not_read']),
});
export type ModelOffer = z.infer<typeof ModelOfferSchema>;

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
      /** The next expiry of granted credits: the first of `expiries`, as the original reply had it. */
      next_expiry: z.nullable(z.object({ at: Iso, credits: Credits })),
      /**
       * Every expiry ahead among the grants read, soonest first. `exact`: from the grants' own `expire_at` (else 24 h
       * after a daily grant was issued); `up_to`: spending since the grant may have used some of these credits.
       */
      expiries: z.array(z.object({ at: Iso, credits: Credits, exact: z.boolean(), up_to: z.boolean() })),
    }),
  ),
  /** At today's pace the available balance lasts until about then (an estimate); null: not spending, or beyond today. */
  run_out_at: z.nullable(Iso),
  /** The offers of the models asked about (our own pages: the active list when none is named). */
  offers: z.array(ModelOfferSchema),
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
