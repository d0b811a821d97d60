import { z } from 'zod/mini';
import { ReplyErrorSchema } from './common';

export const HealthRequestSchema = z.object({ type: z.literal('health') });
export type HealthRequest = z.infer<typeof HealthRequestSchema>;

/** Same shape as the original service's `GET /health`. */
const HealthyReplySchema = z.object({
  status: z.literal('healthy'),
  service: z.literal('ModelScope Balance Query'),
  version: z.string(),
});

/** Health itself cannot fail, but another extension is refused it while external access is off. */
const HealthRefusedSchema = z.object({ success: z.literal(false), message: z.string(), error: ReplyErrorSchema });

export const HealthReplySchema = z.union([HealthyReplySchema, HealthRefusedSchema]);
export type HealthReply = z.infer<typeof HealthReplySchema>;
