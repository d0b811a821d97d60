import { z } from 'zod/mini';
import { ErrorKindSchema, type ErrorKind } from '@src/contract';
import { classifyProbeResponse } from './classify';
import { authHeaders, chatCompletionsUrl, probeRequestBody } from './endpoints';
import { discardBody, fetchWithDeadline, readBoundedText, type SiteRequestOptions } from './http';
import { hasAnyQuotaHeader, NO_MONTHLY_QUOTA, NO_QUOTA, parseMonthlyQuota, parseQuotaHeaders, type MonthlyQuota, type QuotaNumbers } from './quota-headers';
import { upstreamMessage } from './upstream-message';

const Count = z.nullable(z.int().check(z.nonnegative()));

/** One model's probe as it is kept: what ModelScope answered, and when. Any figure derived from it is the view's. */
export const ProbeResultSchema = z.object({
  model: z.string().check(z.minLength(1)),
  request_limit: Count,
  request_remaining: Count,
  model_request_limit: Count,
  model_request_remaining: Count,
  // Results kept before the monthly headers were read have none.
  model_month_request_limit: z._default(Count, null),
  model_month_request_remaining: z._default(Count, null),
  error: z.nullable(z.string()),
  error_kind: z.nullable(ErrorKindSchema),
  status: z.nullable(z.int()),
  latency_ms: z.nullable(z.int().check(z.nonnegative())),
  checked_at: z.iso.datetime(),
}) satisfies z.ZodMiniType<QuotaNumbers & MonthlyQuota & { error_kind: ErrorKind | null }>;
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

/** What one probe request gives, before it is filed under its model and time. */
export type ProbeOutcome = Omit<ProbeResult, 'model' | 'checked_at'>;

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
