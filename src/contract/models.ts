import { z } from 'zod/mini';
import { ReplyErrorSchema } from './common';
import { RequestSiteSchema } from './site';

export const ModelsRequestSchema = z.object({ type: z.literal('models'), site: RequestSiteSchema });
export type ModelsRequest = z.infer<typeof ModelsRequestSchema>;

/** The API-Inference catalogue: model ids, in the order ModelScope lists them. */
export const ModelsReplySchema = z.object({
  success: z.boolean(),
  data: z.array(z.string()),
  message: z.string(),
  error: z.optional(ReplyErrorSchema),
});
export type ModelsReply = z.infer<typeof ModelsReplySchema>;
