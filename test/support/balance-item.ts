import type { BalanceItem } from '@src/contract';
import type { ProbeResult } from '@src/modelscope/probe';

/** A plain successful probe (400 of 500 model calls, 1900 of 2000 account calls left); `change` overrides any field. */
export function probeResult(model: string, change: Partial<ProbeResult> = {}): ProbeResult {
  return {
    model,
    request_limit: 2000,
    request_remaining: 1900,
    model_request_limit: 500,
    model_request_remaining: 400,
    model_month_request_limit: null,
    model_month_request_remaining: null,
    error: null,
    error_kind: null,
    status: 200,
    latency_ms: 100,
    checked_at: '2026-10-05T03:00:00.000Z',
    ...change,
  };
}

/** The same as the contract answers it: the probe, not reused, with no price known; `change` overrides any field. */
export function balanceItem(model: string, change: Partial<BalanceItem> = {}): BalanceItem {
  return { ...probeResult(model), cached: false, price: null, calls_left_estimate: null, ...change };
}

/** What a result without any quota number has in its four number fields. */
export const NO_NUMBERS = { request_limit: null, request_remaining: null, model_request_limit: null, model_request_remaining: null };
