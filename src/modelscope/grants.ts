import type { GrantRow } from './magicube-shapes';
import { parseAmount, parseLabel, parseMagicubeTime } from './magicube-values';
import { readTransactions, type TransactionReadOptions, type TransactionsOutcome } from './transactions';

export type GrantsOutcome = TransactionsOutcome<GrantRow>;

/** One `EARN` record, or null when its time, rule or amount is unusable. An unusable `expire_at` counts as absent. */
export function parseGrantRow(raw: unknown): GrantRow | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const at = parseMagicubeTime(record.gmt_created);
  const ruleKey = parseLabel(record.rule_key);
  const credits = parseAmount(record.total_amount);
  if (at === null || ruleKey === null || credits === null) return null;
  return { at, ruleKey, credits, expiresAt: parseMagicubeTime(record.expire_at) };
}

/** The credits granted since `options.since` (daily login, linked Alibaba Cloud account, …). Free. Never throws. */
export function readGrants(apiKey: string, options: TransactionReadOptions): Promise<GrantsOutcome> {
  return readTransactions('EARN', apiKey, options, parseGrantRow);
}
