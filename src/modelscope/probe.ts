import type { ErrorKind } from '@src/contract';
import { classifyProbeResponse } from './classify';
import { authHeaders, CHAT_COMPLETIONS_URL, probeRequestBody } from './endpoints';
import { discardBody, fetchWithDeadline, readBoundedText, type HttpOptions } from './http';
import { hasAnyQuotaHeader, NO_QUOTA, parseQuotaHeaders, type QuotaNumbers } from './quota-headers';
import { upstreamMessage } from './upstream-message';

export interface ProbeOutcome extends QuotaNumbers {
  error_kind: ErrorKind | null;
  error: string | null;
  status: number | null;
  latency_ms: number | null;
}

/** Spends one call of the user's daily quota on `model` to read ModelScope's rate-limit headers. Never throws. */
export async function probeModel(model: string, apiKey: string, options: HttpOptions): Promise<ProbeOutcome> {
  const answer = await fetchWithDeadline(
    CHAT_COMPLETIONS_URL,
    {
      method: 'POST',
      headers: { ...authHeaders(apiKey), 'Content-Type': 'application/json' },
      body: probeRequestBody(model),
    },
    options,
    // Only an error body says anything the headers do not.
    async (response) => (response.ok ? (await discardBody(response), '') : readBoundedText(response)),
  );
  if (!answer.ok) {
    return { ...NO_QUOTA, error_kind: answer.kind, error: answer.error, status: null, latency_ms: answer.latencyMs };
  }
  const quota = parseQuotaHeaders(answer.headers);
  const { kind, error } = classifyProbeResponse({
    status: answer.status,
    quota,
    quotaHeadersSent: hasAnyQuotaHeader(answer.headers),
    upstreamMessage: upstreamMessage(answer.body, apiKey),
  });
  return { ...quota, error_kind: kind, error, status: answer.status, latency_ms: answer.latencyMs };
}
