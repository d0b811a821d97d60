import { z } from 'zod/mini';
import { ApiKeySchema, ErrorKindSchema, ModelIdSchema, ReplyErrorSchema } from './common';
import { MAX_MODELS_PER_REQUEST } from './limits';
import { RequestSiteSchema } from './site';

export const BalanceRequestSchema = z.object({
  type: z.literal('balance'),
  models: z.optional(
    z.pipe(
      z
        .array(ModelIdSchema, { error: 'modelsNotList' })
        .check(z.minLength(1, 'modelsEmpty'), z.maxLength(MAX_MODELS_PER_REQUEST, 'modelsTooMany')),
      // Ids are case-sensitive: only exact repeats are dropped, first occurrence kept.
      z.transform((ids) => [...new Set(ids)]),
    ),
  ),
  api_key: z.optional(ApiKeySchema),
  force: z.optional(z.boolean({ error: 'forceNotBoolean' })),
  site: RequestSiteSchema,
});
export type BalanceRequest = z.infer<typeof BalanceRequestSchema>;

const CountSchema = z.nullable(z.int().check(z.nonnegative()));

/** One model's result: the original service's six fields, then what this extension adds. */
export const BalanceItemSchema = z.object({
  model: z.string(),
  request_limit: CountSchema,
  request_remaining: CountSchema,
  model_request_limit: CountSchema,
  model_request_remaining: CountSchema,
  error: z.nullable(z.string()),
  error_kind: z.nullable(ErrorKindSchema),
  status: z.nullable(z.int()),
  latency_ms: z.nullable(z.int().check(z.nonnegative())),
  checked_at: z.iso.datetime(),
  cached: z.boolean(),
  // Added with the credit world; a result stored before it has neither, hence the defaults.
  /** Magicube credits one call of this model costs, when its price is known (learned or set by hand). */
  price: z._default(z.nullable(z.number().check(z.positive())), null),
  /** floor(available Magicube balance / price): calls the balance still pays for; null when either is unknown. */
  calls_left_estimate: z._default(z.nullable(z.int().check(z.nonnegative())), null),
  // Added with the international site, whose Qwen-Ambassador models were seen counting calls by the month.
  /** This model's calls this month, from ModelScope's monthly headers; never mixed with the daily ones above. */
  model_month_request_limit: z._default(CountSchema, null),
  model_month_request_remaining: z._default(CountSchema, null),
});
export type BalanceItem = z.infer<typeof BalanceItemSchema>;

export const BalanceReplySchema = z.object({
  success: z.boolean(),
  data: z.array(BalanceItemSchema),
  message: z.string(),
  error: z.optional(ReplyErrorSchema),
});
export type BalanceReply = z.infer<typeof BalanceReplySchema>;
