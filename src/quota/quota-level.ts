/** How close a remaining count is to zero, as the badge and the bars colour it. */
export type QuotaLevel = 'ok' | 'low' | 'critical' | 'unknown';

/** Green from 50 % of the limit, amber from 10 %, red below 10 % or at 0; unknown without both numbers. */
export function quotaLevel(remaining: number | null, limit: number | null): QuotaLevel {
  if (remaining === null) return 'unknown';
  if (remaining === 0) return 'critical';
  if (limit === null || limit === 0) return 'unknown';
  const share = remaining / limit;
  if (share >= 0.5) return 'ok';
  if (share >= 0.1) return 'low';
  return 'critical';
}

/** The calls spent of a limit (limit − remaining, never below 0), or null when either number is unknown. */
export function callsUsed(remaining: number | null, limit: number | null): number | null {
  return remaining === null || limit === null ? null : Math.max(0, limit - remaining);
}

/** Remaining as a share of the limit, 0 to 1, or null when it cannot be known. */
export function remainingShare(remaining: number | null, limit: number | null): number | null {
  if (remaining === null || limit === null || limit === 0) return null;
  return Math.min(1, Math.max(0, remaining / limit));
}
