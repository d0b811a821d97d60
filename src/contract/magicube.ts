import { z } from 'zod';
import { ApiKeySchema, ReplyErrorSchema } from './common';
import { RequestSiteSchema } from './site';

export const MagicubeRequestSchema = z.object({
  type: z.literal('magicube'),
  api_key: ApiKeySchema.optional(),
  site: RequestSiteSchema,
});
export type MagicubeRequest = z.infer<typeof MagicubeRequestSchema>;

/** Magicube (魔粒) credits: a unit of their own, never calls. */
export const MagicubeBalanceSchema = z.object({
  total_balance: z.number().nonnegative(),
  available_balance: z.number().nonnegative(),
  frozen_amount: z.number().nonnegative(),
});
export type MagicubeBalance = z.infer<typeof MagicubeBalanceSchema>;

export const MagicubeReplySchema = z.object({
  success: z.boolean(),
  data: MagicubeBalanceSchema.nullable(),
  message: z.string(),
  error: ReplyErrorSchema.optional(),
});
export type MagicubeReply = z.infer<typeof MagicubeReplySchema>;
