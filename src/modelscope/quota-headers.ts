export interface QuotaNumbers {
  request_limit: number | null;
  request_remaining: number | null;
  model_request_limit: number | null;
  model_request_remaining: number | null;
}

/** This model's calls this month: the international site's Qwen-Ambassador models were seen sending these. */
export interface MonthlyQuota {
  model_month_request_limit: number | null;
  model_month_request_remaining: number | null;
}

export const QUOTA_HEADERS: Record<keyof QuotaNumbers | keyof MonthlyQuota, string> = {
  request_limit: 'modelscope-ratelimit-requests-limit',
  request_remaining: 'modelscope-ratelimit-requests-remaining',
  model_request_limit: 'modelscope-ratelimit-model-requests-limit',
  model_request_remaining: 'modelscope-ratelimit-model-requests-remaining',
  model_month_request_limit: 'modelscope-ratelimit-model-month-requests-limit',
  model_month_request_remaining: 'modelscope-ratelimit-model-month-requests-remaining',
};

/** A header value as a non-negative integer; anything else (absent, empty, "abc", "-5", "1.5") is null, never 0. */
export function parseCount(raw: string | null): number | null {
  if (raw === null) return null;
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export function parseQuotaHeaders(headers: Headers): QuotaNumbers {
  return {
    request_limit: parseCount(headers.get(QUOTA_HEADERS.request_limit)),
    request_remaining: parseCount(headers.get(QUOTA_HEADERS.request_remaining)),
    model_request_limit: parseCount(headers.get(QUOTA_HEADERS.model_request_limit)),
    model_request_remaining: parseCount(headers.get(QUOTA_HEADERS.model_request_remaining)),
  };
}

/** The monthly headers, read apart so they are never mixed with the daily figures. */
export function parseMonthlyQuota(headers: Headers): MonthlyQuota {
  return {
    model_month_request_limit: parseCount(headers.get(QUOTA_HEADERS.model_month_request_limit)),
    model_month_request_remaining: parseCount(headers.get(QUOTA_HEADERS.model_month_request_remaining)),
  };
}

/** Whether any of the quota headers (daily or monthly) was sent at all, readable or not. */
export function hasAnyQuotaHeader(headers: Headers): boolean {
  return Object.values(QUOTA_HEADERS).some((name) => headers.has(name));
}

export function hasAnyQuotaNumber(quota: QuotaNumbers & Partial<MonthlyQuota>): boolean {
  return Object.values(quota).some((value) => value !== null);
}

/** ModelScope says 0 calls are left, for the model (today or this month) or for the whole account. */
export function isExhausted(quota: QuotaNumbers & Partial<MonthlyQuota>): boolean {
  return quota.model_request_remaining === 0 || quota.request_remaining === 0 || quota.model_month_request_remaining === 0;
}

export const NO_QUOTA: QuotaNumbers = {
  request_limit: null,
  request_remaining: null,
  model_request_limit: null,
  model_request_remaining: null,
};

export const NO_MONTHLY_QUOTA: MonthlyQuota = { model_month_request_limit: null, model_month_request_remaining: null };
