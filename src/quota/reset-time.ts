/**
 * ModelScope's daily quota is believed to reset at midnight China Standard Time (UTC+8, no daylight saving).
 * No source names the time zone, so everything here is an estimate and the UI says so. Both sites count "today" this
 * way: the international site says nothing otherwise.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The estimated reset at or before `now`: the start of the current quota day. */
export function lastReset(now: number): number {
  return Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

export function nextReset(now: number): number {
  return lastReset(now) + DAY_MS;
}

/** The start of the last `days` quota days, today counting as one. */
export function startOfQuotaDays(days: number, now: number): number {
  return lastReset(now) - (days - 1) * DAY_MS;
}

/** The quota day a moment belongs to, as YYYY-MM-DD in China Standard Time. */
export function quotaDay(at: number): string {
  return new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Hours and minutes until the next reset, rounded up to the minute so it never reads "0 min" too early. */
export function untilNextReset(now: number): { hours: number; minutes: number } {
  const minutesLeft = Math.ceil((nextReset(now) - now) / 60_000);
  return { hours: Math.floor(minutesLeft / 60), minutes: minutesLeft % 60 };
}
