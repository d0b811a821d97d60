import type { LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';
import type { TierId } from '@src/modelscope/tiers';
import { toHundredths } from './hundredths';
import { ledgerCells, type LedgerCell } from './ledger-cells';

/** What two ledger reads around one paid call say about the called model's tier and price. */
export type PriceLesson =
  | { kind: 'learned'; tier: TierId; rawTier: string; price: number }
  /** More than one (day, tier) moved, or one moved in a way a call cannot explain: another client spent meanwhile. */
  | { kind: 'poisoned'; tiers: TierId[] }
  /** Nothing moved yet: the ledger lags; read it again (a bounded number of times). */
  | { kind: 'not_yet' };

interface Movement {
  cell: LedgerCell;
  hundredths: number;
  calls: number | null;
}

/** The cells that differ between the reads. A cell the second read lacks is left out (its window may have moved on). */
function movements(before: readonly LedgerRow[], after: readonly LedgerRow[]): Movement[] {
  const earlier = ledgerCells(before);
  const moved: Movement[] = [];
  for (const [key, cell] of ledgerCells(after)) {
    // A cell new in the second read (a new day after midnight, or a tier's first call) moved from nothing.
    const was = earlier.get(key) ?? { hundredths: 0, calls: 0 };
    const hundredths = cell.hundredths - was.hundredths;
    const calls = cell.calls === null || was.calls === null ? null : cell.calls - was.calls;
    if (hundredths !== 0 || (calls !== null && calls !== 0)) moved.push({ cell, hundredths, calls });
  }
  return moved;
}

/**
 * Learns the tier and price of the model called once between two reads of the spend ledger. Exactly one (day, tier)
 * must have moved: then price = Δcredits / Δcalls, to the hundredth. Without counts, the movement must be the tier's
 * listed price (one call) or, with no listed price, is taken to be the caller's one call.
 */
export function learnPriceFromLedger(
  before: readonly LedgerRow[],
  after: readonly LedgerRow[],
  listed: readonly TierPrice[] = [],
  /** The calls made in the window, when known: a tier that moved by more was also spent on by someone else. */
  callsMade?: number,
): PriceLesson {
  const moved = movements(before, after);
  const [only] = moved;
  if (only === undefined) return { kind: 'not_yet' };
  const poisoned: PriceLesson = { kind: 'poisoned', tiers: [...new Set(moved.map((movement) => movement.cell.tier))].sort() };
  if (moved.length > 1 || only.hundredths < 0 || (only.calls !== null && only.calls <= 0)) return poisoned;
  if (callsMade !== undefined && only.calls !== null && only.calls !== callsMade) return poisoned;
  const { tier, rawTier } = only.cell;
  if (only.calls !== null) return { kind: 'learned', tier, rawTier, price: Math.round(only.hundredths / only.calls) / 100 };
  const listedPrice = listed.find((price) => price.tier === tier)?.price;
  if (listedPrice === undefined) return { kind: 'learned', tier, rawTier, price: only.hundredths / 100 };
  return toHundredths(listedPrice) === only.hundredths ? { kind: 'learned', tier, rawTier, price: listedPrice } : poisoned;
}
