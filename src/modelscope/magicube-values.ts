// Small total functions for the values in Magicube rows: anything unusable gives null, never 0 or NaN.

/** Magicube writes times as text in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** Below this an epoch number is seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const EPOCH_SECONDS_BELOW = 1e11;
// Outside these years a time is garbage, not an old or future ledger row.
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function plausible(ms: number): number | null {
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < LATEST_MS ? Math.round(ms) : null;
}

function fromEpoch(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  return plausible(value < EPOCH_SECONDS_BELOW ? value * 1000 : value);
}

/** Milliseconds east of UTC for `Z`, `+08:00` or `-0530`; Beijing when the text names no zone. */
function offsetMs(zone: string | undefined): number {
  if (zone === undefined) return BEIJING_OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3_600_000 + Number(digits.slice(2)) * 60_000);
}

function fromText(text: string): number | null {
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = parts;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2026-02-30 over to March: a calendar date that does not exist is garbage.
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  return plausible(wall - offsetMs(zone));
}

/**
 * A Magicube time as epoch milliseconds. Accepts every form seen: `"YYYY-MM-DD HH:MM:SS"` in Beijing time, a date
 * alone (Beijing midnight), ISO text with a zone, and epoch seconds or milliseconds as a number or digits.
 */
export function parseMagicubeTime(raw: unknown): number | null {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text));
  return fromText(text);
}

/** A non-negative amount of credits, as a number or a numeric string ("1.50"); anything else is null. */
export function parseAmount(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return /^\d{1,12}(\.\d{1,6})?$/.test(text) ? Number(text) : null;
}

/** A whole non-negative count, as a number or digits; anything else is null. */
export function parseWholeCount(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^\s*\d{1,15}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** A non-blank string, trimmed and bounded; anything else is null. */
export function parseLabel(raw: unknown, maxLength = 100): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text ? text.slice(0, maxLength) : null;
}
