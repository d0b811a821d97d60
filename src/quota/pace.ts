import type { HistoryPoint } from './types';
import { effectiveQuota, type EffectiveQuota } from './lowest-quota';
import { callsUsed } from './quota-level';
import { lastReset } from './reset-time';

/** Checks closer together than this say too little to extrapolate a whole day from. */
const MIN_SPAN_MS = 10 * 60_000;

export interface Pace {
  /** The calls left at the latest check today (the lower of the model's and the account's), and its limit. */
  remaining: number;
  limit: number | null;
  /** limit − remaining: ModelScope's own count of today's calls; null without a limit. */
  usedToday: number | null;
  /** When the calls left reach 0 at the pace seen today; null when they are not falling, are 0 already, or too few checks. */
  runOutAt: number | null;
}

export interface TimedQuota extends EffectiveQuota {
  at: number;
}

/** A model's checks since the last reset (up to `now`) that carry a number, as the badge counts them, oldest first. */
export function todaysQuota(points: readonly HistoryPoint[], now: number): TimedQuota[] {
  const since = lastReset(now);
  return points
    .filter((point) => point.at >= since && point.at <= now)
    .flatMap((point) => {
      const quota = effectiveQuota(point);
      return quota ? [{ at: point.at, ...quota }] : [];
    })
    .sort((a, b) => a.at - b.at);
}

/** How fast today's quota is going for one model, from its checks since the last reset. Null without one. */
export function paceToday(points: readonly HistoryPoint[], now: number): Pace | null {
  const today = todaysQuota(points, now);
  const last = today.at(-1);
  if (!last) return null;
  // A rise means a top-up or a new limit: only the checks since then show the pace.
  let start = today.length - 1;
  while (start > 0 && today[start - 1]!.remaining >= today[start]!.remaining) start -= 1;
  const first = today[start]!;
  const used = first.remaining - last.remaining;
  const span = last.at - first.at;
  const falling = last.remaining > 0 && used > 0 && span >= MIN_SPAN_MS;
  return {
    remaining: last.remaining,
    limit: last.limit,
    usedToday: callsUsed(last.remaining, last.limit),
    runOutAt: falling ? last.at + (last.remaining * span) / used : null,
  };
}
