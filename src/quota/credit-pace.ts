import type { LedgerRow } from '@src/modelscope/magicube-shapes';
import { toHundredths } from './hundredths';
import { ledgerCells, sumCells } from './ledger-cells';
import { lastReset, nextReset, quotaDay } from './reset-time';

/** Less spending time than this says too little to extrapolate from. */
const MIN_SPAN_MS = 10 * 60_000;

/**
 * An estimate: when the available credits run out if spending goes on at today's rate so far (today's ledger
 * credits over the time since today's first ledger row, or since midnight when rows carry a date alone). Null when
 * nothing was spent today, too little time has passed, nothing is left, or the credits outlast the Beijing day.
 */
export function estimateCreditRunOut(rows: readonly LedgerRow[], available: number, now: number): number | null {
  const day = quotaDay(now);
  const todayRows = rows.filter((row) => quotaDay(row.at) === day && row.at <= now);
  const spent = sumCells([...ledgerCells(todayRows).values()]).hundredths;
  const left = toHundredths(available);
  if (spent <= 0 || !(left > 0)) return null;
  const since = Math.max(lastReset(now), Math.min(...todayRows.map((row) => row.at)));
  const span = now - since;
  if (span < MIN_SPAN_MS) return null;
  const runOutAt = now + (left * span) / spent;
  return runOutAt < nextReset(now) ? Math.round(runOutAt) : null;
}
