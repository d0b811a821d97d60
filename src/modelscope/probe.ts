import type { ErrorKind } from '@src/contract';
import { classifyProbeResponse } from './classify';
import { authHeaders, chatCompletionsUrl, probeRequestBody } from './endpoints';
import { discardBody, fetchWithDeadline, readBoundedText, type SiteRequestOptions } from './http';
import { hasAnyQuotaHeader, NO_MONTHLY_QUOTA, NO_QUOTA, parseMonthlyQuota, parseQuotaHeaders, type MonthlyQuota, type QuotaNumbers } from './quota-headers';
import { upstreamMessage } from './upstream-message';

export interface ProbeOutcome extends QuotaNumbers, MonthlyQuota {
  error_kind: ErrorKind | null;
  error: string | null;
  status: number | null;
  latency_ms: number | null;
}

/** Spends one call of the user's daily quota on `model` to read ModelScope's rate-limit headers. Never throws. */
export async function probeModel(model: string, apiKey: string, options: SiteRequestOptions): Promise<ProbeOutcome> {
  const answer = await fetchWithDeadline(
    chatCompletionsUrl(options.site),
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
    return { ...NO_QUOTA, ...NO_MONTHLY_QUOTA, error_kind: answer.kind, error: answer.error, status: null, latency_ms: answer.latencyMs };
  }
  const quota = parseQuotaHeaders(answer.headers);
  const monthly = parseMonthlyQuota(answer.headers);
  const { kind, error } = classifyProbeResponse({
    status: answer.status,
    quota: { ...quota, ...monthly },
    quotaHeadersSent: hasAnyQuotaHeader(answer.headers),
    upstreamMessage: upstreamMessage(answer.body, apiKey),
  });
  return { ...quota, ...monthly, error_kind: kind, error, status: answer.status, latency_ms: answer.latencyMs };
}
