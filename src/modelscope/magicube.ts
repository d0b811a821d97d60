import { z } from 'zod/mini';
import type { ErrorKind } from '@src/contract';
import { kindForErrorStatus } from './classify';
import { authHeaders, magicubeBalanceUrl } from './endpoints';
import { fetchWithDeadline, parseJson, readBoundedText, type SiteRequestOptions } from './http';
import { classifyMagicubeAnswer, type MagicubeFailureReason } from './magicube-read';
import { BalanceSchema, type Balance } from './magicube-shapes';
import { upstreamMessage } from './upstream-message';

export type MagicubeOutcome =
  | { ok: true; balance: Balance }
  /** `reason`: the same code the other Magicube reads give, for a page that shows each source's outcome. */
  | { ok: false; kind: ErrorKind; reason: MagicubeFailureReason; status: number | null; error: string };

const MagicubeBodySchema = z.object({ success: z.literal(true), data: BalanceSchema });

/** Reads the account's Magicube (魔粒) credits from the official endpoint. Free: it spends no call. Never throws. */
export async function fetchMagicubeBalance(apiKey: string, options: SiteRequestOptions): Promise<MagicubeOutcome> {
  const answer = await fetchWithDeadline(magicubeBalanceUrl(options.site), { headers: authHeaders(apiKey) }, options, readBoundedText);
  if (!answer.ok) return { ok: false, kind: answer.kind, reason: 'unreachable', status: null, error: answer.error };
  const body = parseJson(answer.body);
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = MagicubeBodySchema.safeParse(body);
    if (parsed.success) return { ok: true, balance: parsed.data.data };
  }
  const message = upstreamMessage(answer.body, apiKey);
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  const detail = [message, typeof code === 'string' ? `(${code.slice(0, 60)})` : null].filter(Boolean).join(' ');
  const ok2xx = answer.status >= 200 && answer.status < 300;
  const classified = classifyMagicubeAnswer(answer.status, answer.body, apiKey);
  return {
    ok: false,
    kind: ok2xx ? 'bad_response' : kindForErrorStatus(answer.status),
    // Data that came back but is not a balance is unreadable.
    reason: classified.ok ? 'unreadable' : classified.reason,
    status: answer.status,
    error: ok2xx
      ? `HTTP ${answer.status}: ModelScope's Magicube answer could not be read${detail ? ` ${detail}` : ''}`
      : `HTTP ${answer.status}${detail ? `: ${detail}` : ''}`,
  };
}
