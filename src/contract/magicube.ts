import { z } from 'zod/mini';
import { ApiKeySchema, ReplyErrorSchema } from './common';
import { RequestSiteSchema } from './site';

export const MagicubeRequestSchema = z.object({
  type: z.literal('magicube'),
  api_key: z.optional(ApiKeySchema),
  site: RequestSiteSchema,
});
export type MagicubeRequest = z.infer<typeof MagicubeRequestSchema>;

/** Magicube (魔粒) credits: a unit of their own, never calls. */
export const MagicubeBalanceSchema = z.object({
  total_balance: z.number().check(z.nonnegative()),
  available_balance: z.number().check(z.nonnegative()),
  frozen_amount: z.number().check(z.nonnegative()),
});
export type MagicubeBalance = z.infer<typeof MagicubeBalanceSchema>;

export const MagicubeReplySchema = z.object({
  success: z.boolean(),
  data: z.nullable(MagicubeBalanceSchema),
  message: z.string(),
  error: z.optional(ReplyErrorSchema),
});
export type MagicubeReply = z.infer<typeof MagicubeReplySchema>;
