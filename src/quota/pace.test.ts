import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from './types';
import { paceToday } from './pace';

const RESET = Date.parse('2026-10-04T16:00:00.000Z'); // midnight in China
const MIN = 60_000;
const NOW = RESET + 10 * 60 * MIN; // 10:00 in China

function point(minutesAfterReset: number, modelRemaining: number | null, accountRemaining: number | null = 2000): HistoryPoint {
  return {
    at: RESET + minutesAfterReset * MIN,
    model_request_remaining: modelRemaining,
    model_request_limit: modelRemaining === null ? null : 500,
    request_remaining: accountRemaining,
    request_limit: accountRemaining === null ? null : 2000,
  };
}

describe('paceToday', () => {
  it('says what was used today and, at the pace between the checks, when the calls run out', () => {
    // 100 calls in 2 hours, 300 left: 6 more hours.
    const pace = paceToday([point(8 * 60, 300), point(6 * 60, 400)], NOW);
    expect(pace).toEqual({ remaining: 300, limit: 500, usedToday: 200, runOutAt: RESET + 14 * 60 * MIN });
  });

  it('follows the account when it has fewer calls left than the model', () => {
    const pace = paceToday([point(60, 480, 150), point(120, 470, 100)], NOW);
    expect(pace).toMatchObject({ remaining: 100, limit: 2000, usedToday: 1900, runOutAt: RESET + 240 * MIN });
  });

  it('gives used today from one check, but no pace', () => {
    expect(paceToday([point(60, 450)], NOW)).toEqual({ remaining: 450, limit: 500, usedToday: 50, runOutAt: null });
  });

  it('does not extrapolate from checks minutes apart, nor from a quota that is not falling', () => {
    expect(paceToday([point(60, 450), point(65, 440)], NOW)?.runOutAt).toBeNull();
    expect(paceToday([point(60, 450), point(120, 450)], NOW)?.runOutAt).toBeNull();
  });

  it('has nothing to run out of at 0', () => {
    expect(paceToday([point(60, 40), point(120, 0)], NOW)).toMatchObject({ remaining: 0, usedToday: 500, runOutAt: null });
  });

  it('counts only checks since the last reset, and since the last rise', () => {
    expect(paceToday([point(-60, 10)], NOW)).toBeNull();
    const pace = paceToday([point(-30, 20), point(60, 300), point(120, 480), point(180, 470)], NOW);
    expect(pace?.runOutAt).toBe(RESET + 180 * MIN + 470 * 60 * MIN / 10);
  });

  it('ignores checks without numbers', () => {
    expect(paceToday([point(60, null, null)], NOW)).toBeNull();
  });
});
