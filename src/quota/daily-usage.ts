import type { HistoryPoint } from './types';
import { callsUsed } from './quota-level';
import { DAY_MS, quotaDay, startOfQuotaDays } from './reset-time';

export interface DayUsage {
  /** The quota day, YYYY-MM-DD in China Standard Time. */
  day: string;
  /** Calls used that day; null when no check that day carried numbers. */
  used: number | null;
}

/**
 * Calls used on each of the last `days` quota days, oldest first, by ModelScope's own count: the most the account had
 * spent at any check that day or, without account numbers, the sum of each model's most.
 */
export function dailyUsage(models: Readonly<Record<string, readonly HistoryPoint[]>>, days: number, now: number): DayUsage[] {
  const first = startOfQuotaDays(days, now);
  return Array.from({ length: days }, (_, index) => {
    const start = first + index * DAY_MS;
    let account: number | null = null;
    let modelTotal: number | null = null;
    for (const points of Object.values(models)) {
      let modelMost: number | null = null;
      for (const point of points) {
        if (point.at < start || point.at >= start + DAY_MS) continue;
        const byAccount = callsUsed(point.request_remaining, point.request_limit);
        const byModel = callsUsed(point.model_request_remaining, point.model_request_limit);
        if (byAccount !== null) account = Math.max(account ?? 0, byAccount);
        if (byModel !== null) modelMost = Math.max(modelMost ?? 0, byModel);
      }
      if (modelMost !== null) modelTotal = (modelTotal ?? 0) + modelMost;
    }
    return { day: quotaDay(start), used: account ?? modelTotal };
  });
}
