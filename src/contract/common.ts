import { z } from 'zod/mini';
import { MAX_API_KEY_LENGTH, MAX_MODEL_ID_LENGTH } from './limits';

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
/** `site_access_missing`: the browser has not granted the extension the hosts of the request's site; nothing was sent. */
export const REPLY_ERROR_CODES = ['invalid_request', 'internal_error', 'external_access_off', 'site_access_missing', ...ERROR_KINDS] as const;
export const ReplyErrorSchema = z.object({
  code: z.enum(REPLY_ERROR_CODES),
  /** The request field at fault, for `invalid_request`. */
  field: z.optional(z.string()),
  /** The upstream HTTP status, when the upstream answered. */
  status: z.optional(z.nullable(z.int())),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

export { MAX_MODELS_PER_REQUEST } from './limits';

// Every message a schema here gives is a problem code of problems.ts; the words are the locale files'.

/** A model id as callers send it: trimmed, non-blank. */
export const ModelIdSchema = z
  .string({ error: 'modelIdNotString' })
  .check(z.trim(), z.minLength(1, 'modelIdBlank'), z.maxLength(MAX_MODEL_ID_LENGTH, 'modelIdTooLong'));

/** A ModelScope access token as callers send it: it must fit in an HTTP header. */
export const ApiKeySchema = z
  .string({ error: 'apiKeyNotString' })
  .check(
    z.trim(),
    z.minLength(1, 'apiKeyBlank'),
    z.maxLength(MAX_API_KEY_LENGTH, 'apiKeyTooLong'),
    z.regex(/^[\x21-\x7e]+$/, 'apiKeyBadCharacters'),
  );
