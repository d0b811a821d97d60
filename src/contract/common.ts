import { z } from 'zod';

/** Why one model's check did not produce numbers (or, for `no_quota_headers`, produced none). */
export const ERROR_KINDS = [
  'auth',
  'forbidden',
  'not_found',
  'quota_exhausted',
  'rate_limited',
  'bad_request',
  'upstream',
  'network',
  'timeout',
  'bad_response',
  'no_quota_headers',
] as const;
export const ErrorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

/** What went wrong with a whole request, as opposed to one model's result. */
export const REPLY_ERROR_CODES = ['invalid_request', 'internal_error', 'external_access_off', ...ERROR_KINDS] as const;
export const ReplyErrorSchema = z.object({
  code: z.enum(REPLY_ERROR_CODES),
  /** The request field at fault, for `invalid_request`. */
  field: z.string().optional(),
  /** The upstream HTTP status, when the upstream answered. */
  status: z.number().int().nullable().optional(),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

/** Most models a single balance request may name (the original service's limit). */
export const MAX_MODELS_PER_REQUEST = 50;
const MAX_MODEL_ID_LENGTH = 200;
const MAX_API_KEY_LENGTH = 512;

/** A model id as callers send it: trimmed, non-blank. */
export const ModelIdSchema = z
  .string({ error: 'each model id must be a string' })
  .trim()
  .min(1, 'a model id is blank')
  .max(MAX_MODEL_ID_LENGTH, `a model id is longer than ${MAX_MODEL_ID_LENGTH} characters`);

/** A ModelScope access token as callers send it: it must fit in an HTTP header. */
export const ApiKeySchema = z
  .string({ error: 'api_key must be a string' })
  .trim()
  .min(1, 'api_key is blank')
  .max(MAX_API_KEY_LENGTH, `api_key is longer than ${MAX_API_KEY_LENGTH} characters`)
  .regex(/^[\x21-\x7e]+$/, 'api_key contains spaces or characters that cannot be sent in an HTTP header');
