import { z } from 'zod/mini';
import { authHeaders } from './endpoints';
import { fetchWithDeadline, parseJson, readBoundedText, type HttpOptions } from './http';
import { redactSecret } from './upstream-message';

/**
 * Why a Magicube read gave no data, as a code the UI translates:
 * - `refused`: the token was refused (401, 403 unless it names another cause, or `success:false` with an auth code);
 * - `not_returned`: a 2xx without the data, as when the endpoint silently ignores a request, never "0";
 * - `unreachable`: no answer (network error or deadline);
 * - `unreadable`: an answer that cannot be parsed;
 * - `upstream_error`: any other error ModelScope answered (5xx, a 403 or 429 `QuotaLimitExceed`, `success:false`).
 */
export type MagicubeFailureReason = 'refused' | 'not_returned' | 'unreachable' | 'unreadable' | 'upstream_error';

export type MagicubeFailure =
  | { ok: false; reason: 'unreachable'; status: null; detail: 'network' | 'timeout' }
  /** `detail`: ModelScope's own error code (e.g. `InvalidToken`), when it sent a safe one. */
  | { ok: false; reason: Exclude<MagicubeFailureReason, 'unreachable'>; status: number; detail: string | null };

export interface MagicubeData {
  ok: true;
  status: number;
  /** The envelope's `data`, present and non-empty, for the endpoint's own parser. */
  data: unknown;
}

const ENVELOPE_MAX_CHARS = 1024 * 1024;

const EnvelopeSchema = z.object({
  success: z.optional(z.boolean()),
  code: z.optional(z.unknown()),
  data: z.optional(z.unknown()),
});

const AUTH_CODE = /token|auth|login|forbidden|permission|credential/i;
const SAFE_CODE = /^[A-Za-z][\w.-]{0,59}$/;

/** ModelScope's error code when it is a short identifier that does not carry the token; null otherwise. */
function safeCode(raw: unknown, apiKey: string): string | null {
  if (typeof raw !== 'string' || !SAFE_CODE.test(raw)) return null;
  return redactSecret(raw, apiKey) === raw ? raw : null;
}

function isEmpty(data: unknown): boolean {
  if (data === undefined || data === null) return true;
  return typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0;
}

function failure(reason: Exclude<MagicubeFailureReason, 'unreachable'>, status: number, detail: string | null): MagicubeFailure {
  return { ok: false, reason, status, detail };
}

/** What an answer of a Magicube endpoint holds: its `data`, or why it holds none. */
export function classifyMagicubeAnswer(status: number, body: string, apiKey: string): MagicubeData | MagicubeFailure {
  const envelope = EnvelopeSchema.safeParse(parseJson(body));
  const code = envelope.success ? safeCode(envelope.data.code, apiKey) : null;
  // A 403 that names a limit (`QuotaLimitExceed`: a page over 100 rows) is not about the token.
  const limitNotAuth = status === 403 && code !== null && !AUTH_CODE.test(code);
  if ((status === 401 || status === 403) && !limitNotAuth) return failure('refused', status, code);
  if (status < 200 || status >= 300) return failure('upstream_error', status, code);
  if (!envelope.success) return failure('unreadable', status, null);
  const { success, data } = envelope.data;
  if (success === false) return failure(code !== null && AUTH_CODE.test(code) ? 'refused' : 'upstream_error', status, code);
  if (isEmpty(data)) return failure('not_returned', status, code);
  return { ok: true, status, data };
}

/** One GET on a Magicube endpoint, down to its `data`. Free: it spends no call. Never throws. */
export async function readMagicubeData(url: string, apiKey: string, options: HttpOptions): Promise<MagicubeData | MagicubeFailure> {
  const answer = await fetchWithDeadline(url, { headers: authHeaders(apiKey) }, options, (response) =>
    readBoundedText(response, ENVELOPE_MAX_CHARS),
  );
  if (!answer.ok) return { ok: false, reason: 'unreachable', status: null, detail: answer.kind };
  return classifyMagicubeAnswer(answer.status, answer.body, apiKey);
}
