import { z } from 'zod';

export const HealthRequestSchema = z.object({ type: z.literal('health') });
export type HealthRequest = z.infer<typeof HealthRequestSchema>;

/** Same shape as the original service's `GET /health`. */
export const HealthReplySchema = z.object({
  status: z.literal('healthy'),
  service: z.literal('ModelScope Balance Query'),
  version: z.string(),
});
export type HealthReply = z.infer<typeof HealthReplySchema>;
