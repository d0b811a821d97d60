import { describe, expect, it } from 'vitest';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, ledgerRow } from '@test/support/magicube-rows';
import { startOfQuotaDays } from './reset-time';
import { dailySpendSeries } from './spend-series';

const DAY = 24 * HOUR;
const NOW = DEC_1 + 10 * HOUR;
const FOURTEEN_DAYS = startOfQuotaDays(14, NOW);

describe('dailySpendSeries', () => {
  it('a ledger that did not come back is its own answer, not fourteen zeros', () => {
    expect(dailySpendSeries(null, 14, NOW)).toEqual({ answered: false });
  });

  it('gives the last days oldest first, 0 for a covered day without rows', () => {
    const rows = [
      ledgerRow(DEC_1, 'standard', 3, 3),
      ledgerRow(DEC_1, 'lite', 0.5, 1),
      ledgerRow(DEC_1 - 2 * DAY, 'ultra', 4, 2),
    ];
    const series = dailySpendSeries({ rows, since: FOURTEEN_DAYS, complete: true }, 14, NOW);
    if (!series.answered) throw new Error('answered');
    expect(series.days).toHaveLength(14);
    expect(series.days[0]).toEqual({ day: '2026-11-18', covered: true, credits: 0, calls: 0 });
    expect(series.days.slice(-3)).toEqual([
      { day: '2026-11-29', covered: true, credits: 4, calls: 2 },
      { day: '2026-11-30', covered: true, credits: 0, calls: 0 },
      { day: '2026-12-01', covered: true, credits: 3.5, calls: 4 },
    ]);
  });

  it('does not call days before the window read covered', () => {
    const series = dailySpendSeries({ rows: [], since: DEC_1 - DAY, complete: true }, 3, NOW);
    expect(series).toEqual({
      answered: true,
      days: [
        { day: '2026-11-29', covered: false },
        { day: '2026-11-30', covered: true, credits: 0, calls: 0 },
        { day: '2026-12-01', covered: true, credits: 0, calls: 0 },
      ],
    });
  });

  it('a read the page bound cut short covers only the days after its oldest, possibly partial, day', () => {
    const rows = [ledgerRow(DEC_1, 'standard', 1, 1), ledgerRow(DEC_1 - DAY + 3 * HOUR, 'standard', 9, 9)];
    const series = dailySpendSeries({ rows, since: FOURTEEN_DAYS, complete: false }, 3, NOW);
    expect(series).toEqual({
      answered: true,
      days: [
        { day: '2026-11-29', covered: false },
        { day: '2026-11-30', covered: false },
        { day: '2026-12-01', covered: true, credits: 1, calls: 1 },
      ],
    });
  });

  it('keeps the credits of a day whose calls are unknown', () => {
    const series = dailySpendSeries({ rows: [ledgerRow(DEC_1, 'standard', 2)], since: DEC_1, complete: true }, 1, NOW);
    expect(series).toEqual({ answered: true, days: [{ day: '2026-12-01', covered: true, credits: 2, calls: null }] });
  });
});
