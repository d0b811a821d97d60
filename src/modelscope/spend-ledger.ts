import type { LedgerRow } from './magicube-shapes';
import { parseAmount, parseLabel, parseMagicubeTime, parseWholeCount } from './magicube-values';
import { tierId } from './tiers';
import { readTransactions, type TransactionReadOptions, type TransactionsOutcome } from './transactions';

export type LedgerOutcome = TransactionsOutcome<LedgerRow>;

/** One `SPEND_CONFIRM` record, or null when its time, tier, amount or count is unusable. A missing count is null. */
export function parseLedgerRow(raw: unknown): LedgerRow | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const at = parseMagicubeTime(record.gmt_created);
  const rawTier = parseLabel(record.model_tier);
  const tier = rawTier === null ? null : tierId(rawTier);
  const credits = parseAmount(record.total_amount);
  const hasCount = record.count !== undefined && record.count !== null;
  const calls = hasCount ? parseWholeCount(record.count) : null;
  if (at === null || rawTier === null || tier === null || credits === null || (hasCount && calls === null)) return null;
  return { at, tier, rawTier, credits, calls };
}

/** The confirmed spends since `options.since`, aggregated per (Beijing day, tier) by ModelScope. Free. Never throws. */
export function readSpendLedger(apiKey: string, options: TransactionReadOptions): Promise<LedgerOutcome> {
  return readTransactions('SPEND_CONFIRM', apiKey, options, parseLedgerRow);
}
