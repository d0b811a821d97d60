import type { ErrorKind } from '@src/contract';
import { hasAnyQuotaNumber, isExhausted, type MonthlyQuota, type QuotaNumbers } from './quota-headers';

export interface Classification {
  kind: ErrorKind | null;
  /** Plain English, with the status and the upstream's own words; null when the probe gave numbers. */
  error: string | null;
}

interface ProbeResponse {
  status: number;
  quota: QuotaNumbers & Partial<MonthlyQuota>;
  /** Whether any quota header was present, even an unreadable one. */
  quotaHeadersSent: boolean;
  upstreamMessage: string | null;
}

/** What a non-2xx status means on any ModelScope endpoint. */
export function kindForErrorStatus(status: number): ErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'upstream';
  if (status >= 400) return 'bad_request';
  return 'bad_response';
}

/** Decides what a probe's HTTP answer means for the user. The body of a 2xx never matters: the headers are the answer. */
export function classifyProbeResponse(response: ProbeResponse): Classification {
  const { status, quota, quotaHeadersSent, upstreamMessage } = response;
  if (status >= 200 && status < 300) {
    if (hasAnyQuotaNumber(quota)) return { kind: null, error: null };
    if (!quotaHeadersSent) {
      return { kind: 'no_quota_headers', error: 'ModelScope reported no quota for this model' };
    }
    return { kind: 'bad_response', error: `HTTP ${status}: ModelScope sent quota headers that are not numbers` };
  }
  // A 429 is either the day's quota running out (its headers say 0 left) or too many calls at once.
  const kind = status === 429 && isExhausted(quota) ? 'quota_exhausted' : kindForErrorStatus(status);
  return { kind, error: upstreamMessage ? `HTTP ${status}: ${upstreamMessage}` : `HTTP ${status}` };
}
