import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from './types';
import { dailyUsage } from './daily-usage';

const RESET = Date.parse('2026-10-04T16:00:00.000Z'); // the start of quota day 2026-10-05
const HOUR = 3_600_000;
const NOW = RESET + 10 * HOUR;

function point(at: number, model: [number, number] | null, account: [number, number] | null): HistoryPoint {
  return {
    at,
    model_request_remaining: model?.[0] ?? null,
    model_request_limit: model?.[1] ?? null,
    request_remaining: account?.[0] ?? null,
    request_limit: account?.[1] ?? null,
  };
}

describe('dailyUsage', () => {
  it('gives one entry per quota day, oldest first, ending today', () => {
    expect(dailyUsage({}, 3, NOW)).toEqual([
      { day: '2026-10-03', used: null },
      { day: '2026-10-04', used: null },
      { day: '2026-10-05', used: null },
    ]);
  });

  it('takes the most the account had spent by any check that day', () => {
    const models = {
      'a/1': [point(RESET + HOUR, [490, 500], [1990, 2000]), point(RESET + 5 * HOUR, [400, 500], [1700, 2000])],
      'b/2': [point(RESET + 3 * HOUR, [450, 500], [1800, 2000]), point(RESET - HOUR, [10, 500], [1000, 2000])],
    };
    expect(dailyUsage(models, 2, NOW)).toEqual([
      { day: '2026-10-04', used: 1000 },
      { day: '2026-10-05', used: 300 },
    ]);
  });

  it('adds up each model’s most when ModelScope sends no account numbers', () => {
    const models = {
      'a/1': [point(RESET + HOUR, [490, 500], null), point(RESET + 2 * HOUR, [480, 500], null)],
      'b/2': [point(RESET + HOUR, [150, 200], null)],
    };
    expect(dailyUsage(models, 1, NOW)).toEqual([{ day: '2026-10-05', used: 70 }]);
  });
});
