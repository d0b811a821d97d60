import type { LedgerRow } from '@src/modelscope/magicube-shapes';
import type { TierId } from '@src/modelscope/tiers';
import { toHundredths } from './hundredths';
import { quotaDay } from './reset-time';

/** What the ledger says was spent in one tier on one Beijing day. */
export interface LedgerCell {
  day: string;
  tier: TierId;
  rawTier: string;
  hundredths: number;
  /** Null when any row of the cell came without a count. */
  calls: number | null;
}

export const cellKey = (day: string, tier: TierId) => `${day}\n${tier}`;

/**
 * The ledger summed per (Beijing day, tier), keyed by `cellKey`. A row seen twice (a growing ledger shifts rows across
 * page boundaries between two page reads) counts once, as its larger copy: an aggregate row only grows.
 */
export function ledgerCells(rows: readonly LedgerRow[]): Map<string, LedgerCell> {
  const unique = new Map<string, LedgerRow>();
  for (const row of rows) {
    const key = `${row.at}\n${row.tier}`;
    const seen = unique.get(key);
    if (!seen || row.credits > seen.credits) unique.set(key, row);
  }
  const cells = new Map<string, LedgerCell>();
  for (const row of unique.values()) {
    const day = quotaDay(row.at);
    const key = cellKey(day, row.tier);
    const cell = cells.get(key);
    const hundredths = toHundredths(row.credits);
    if (!cell) {
      cells.set(key, { day, tier: row.tier, rawTier: row.rawTier, hundredths, calls: row.calls });
      continue;
    }
    cell.hundredths += hundredths;
    cell.calls = cell.calls === null || row.calls === null ? null : cell.calls + row.calls;
  }
  return cells;
}

/** The credits and calls of some cells together; calls are null when any cell's are. */
export function sumCells(cells: readonly LedgerCell[]): { hundredths: number; calls: number | null } {
  return {
    hundredths: cells.reduce((sum, cell) => sum + cell.hundredths, 0),
    calls: cells.reduce<number | null>((sum, cell) => (sum === null || cell.calls === null ? null : sum + cell.calls), 0),
  };
}
