import { describe, expect, it } from 'vitest';
import { lastReset, nextReset, quotaDay, startOfQuotaDays, untilNextReset } from './reset-time';

const at = (iso: string) => Date.parse(iso);

describe('the daily reset (midnight China Standard Time, UTC+8)', () => {
  it('falls at 16:00 UTC', () => {
    expect(new Date(lastReset(at('2026-10-05T03:00:00Z'))).toISOString()).toBe('2026-10-04T16:00:00.000Z');
    expect(new Date(nextReset(at('2026-10-05T03:00:00Z'))).toISOString()).toBe('2026-10-05T16:00:00.000Z');
  });

  it('starts a new quota day exactly at the reset', () => {
    expect(quotaDay(at('2026-10-05T15:59:59.999Z'))).toBe('2026-10-05');
    expect(quotaDay(at('2026-10-05T16:00:00.000Z'))).toBe('2026-10-06');
    expect(lastReset(at('2026-10-05T16:00:00.000Z'))).toBe(at('2026-10-05T16:00:00.000Z'));
  });

  it('counts down in whole minutes, rounded up', () => {
    expect(untilNextReset(at('2026-10-05T10:48:00Z'))).toEqual({ hours: 5, minutes: 12 });
    expect(untilNextReset(at('2026-10-05T15:59:30Z'))).toEqual({ hours: 0, minutes: 1 });
    expect(untilNextReset(at('2026-10-05T16:00:00Z'))).toEqual({ hours: 24, minutes: 0 });
  });

  it('starts a span of quota days at the reset that began the first of them', () => {
    expect(new Date(startOfQuotaDays(1, at('2026-10-05T03:00:00Z'))).toISOString()).toBe('2026-10-04T16:00:00.000Z');
    expect(new Date(startOfQuotaDays(14, at('2026-10-05T03:00:00Z'))).toISOString()).toBe('2026-09-21T16:00:00.000Z');
  });
});
