import type { LedgerRow } from '@src/modelscope/magicube-shapes';
import { ledgerCells, sumCells } from './ledger-cells';
import { DAY_MS, lastReset, quotaDay, startOfQuotaDays } from './reset-time';

/** A ledger as read: its rows, the start of the window asked for, and whether the read reached back that far. */
export interface LedgerRead {
  rows: readonly LedgerRow[];
  since: number;
  complete: boolean;
}

/** One day of the series: its spend when the read covers the whole day, otherwise only that it does not. */
export type DaySpend =
  | { day: string; covered: true; credits: number; calls: number | null }
  | { day: string; covered: false };

/** Spend per day; a ledger that did not come back is a series of its own, never a run of zeros. */
export type SpendSeries = { answered: false } | { answered: true; days: DaySpend[] };

/** The start of the first day a read holds whole. */
function coveredFrom(ledger: LedgerRead): number {
  if (ledger.complete) return ledger.since;
  // The page bound stopped the read inside its oldest day, so only the days after it are whole.
  const oldest = ledger.rows.reduce((min, row) => Math.min(min, row.at), Number.POSITIVE_INFINITY);
  return oldest === Number.POSITIVE_INFINITY ? oldest : lastReset(oldest) + DAY_MS;
}

/**
 * Credits and calls on each of the last `days` Beijing days, oldest first, from the spend ledger. A day without rows
 * is 0 only when the read covers it; `null` for the ledger means it did not come back at all.
 */
export function dailySpendSeries(ledger: LedgerRead | null, days: number, now: number): SpendSeries {
  if (ledger === null) return { answered: false };
  const cells = [...ledgerCells(ledger.rows).values()];
  const from = coveredFrom(ledger);
  const first = startOfQuotaDays(days, now);
  return {
    answered: true,
    days: Array.from({ length: days }, (_, index): DaySpend => {
      const start = first + index * DAY_MS;
      const day = quotaDay(start);
      if (start < from) return { day, covered: false };
      const { hundredths, calls } = sumCells(cells.filter((cell) => cell.day === day));
      return { day, covered: true, credits: hundredths / 100, calls };
    }),
  };
}
