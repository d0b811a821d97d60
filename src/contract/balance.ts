import { z } from 'zod';
import { ApiKeySchema, ErrorKindSchema, ModelIdSchema, ReplyErrorSchema } from './common';
import { MAX_MODELS_PER_REQUEST } from './limits';
import { RequestSiteSchema } from './site';

export const BalanceRequestSchema = z.object({
  type: z.literal('balance'),
  models: z
    .array(ModelIdSchema, { error: 'modelsNotList' })
    .min(1, 'modelsEmpty')
    .max(MAX_MODELS_PER_REQUEST, 'modelsTooMany')
    // Ids are case-sensitive: only exact repeats are dropped, first occurrence kept.
    .transform((ids) => [...new Set(ids)])
    .optional(),
  api_key: ApiKeySchema.optional(),
  force: z.boolean({ error: 'forceNotBoolean' }).optional(),
  site: RequestSiteSchema,
});
export type BalanceRequest = z.infer<typeof BalanceRequestSchema>;

const CountSchema = z.number().int().nonnegative().nullable();

/** One model's result: the original service's six fields, then what this extension adds. */
export const BalanceItemSchema = z.object({
  model: z.string(),
  request_limit: CountSchema,
  request_remaining: CountSchema,
  model_request_limit: CountSchema,
  model_request_remaining: CountSchema,
  error: z.string().nullable(),
  error_kind: ErrorKindSchema.nullable(),
  status: z.number().int().nullable(),
  latency_ms: z.number().int().nonnegative().nullable(),
  checked_at: z.iso.datetime(),
  cached: z.boolean(),
  // Added with the credit world; a result stored before it has neither, hence the defaults.
  /** Magicube credits one call of this model costs, when its price is known (learned or set by hand). */
  price: z.number().positive().nullable().default(null),
  /** floor(available Magicube balance / price): calls the balance still pays for; null when either is unknown. */
  calls_left_estimate: z.number().int().nonnegative().nullable().default(null),
  // Added with the international site, whose Qwen-Ambassador models were seen counting calls by the month.
  /** This model's calls this month, from ModelScope's monthly headers; never mixed with the daily ones above. */
  model_month_request_limit: CountSchema.default(null),
  model_month_request_remaining: CountSchema.default(null),
});
export type BalanceItem = z.infer<typeof BalanceItemSchema>;

export const BalanceReplySchema = z.object({
  success: z.boolean(),
  data: z.array(BalanceItemSchema),
  message: z.string(),
  error: ReplyErrorSchema.optional(),
});
export type BalanceReply = z.infer<typeof BalanceReplySchema>;
