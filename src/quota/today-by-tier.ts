import type { LedgerRow } from '@src/modelscope/magicube-shapes';
import type { TierId } from '@src/modelscope/tiers';
import { ledgerCells, sumCells } from './ledger-cells';
import { quotaDay } from './reset-time';

export interface TierSpend {
  tier: TierId;
  rawTier: string;
  /** Null when ModelScope sent no count for the tier's row. */
  calls: number | null;
  credits: number;
}

export interface TodaySpend {
  /** Today in Beijing time, YYYY-MM-DD. */
  day: string;
  /** The tiers spent in today, by tier id. */
  tiers: TierSpend[];
  totals: { calls: number | null; credits: number };
}

/** Today's (Beijing day's) confirmed calls and credits per tier, from the spend ledger, with their totals. */
export function todayByTier(rows: readonly LedgerRow[], now: number): TodaySpend {
  const day = quotaDay(now);
  const today = [...ledgerCells(rows).values()].filter((cell) => cell.day === day).sort((a, b) => (a.tier < b.tier ? -1 : 1));
  const { hundredths, calls } = sumCells(today);
  return {
    day,
    tiers: today.map((cell) => ({ tier: cell.tier, rawTier: cell.rawTier, calls: cell.calls, credits: cell.hundredths / 100 })),
    totals: { calls, credits: hundredths / 100 },
  };
}
