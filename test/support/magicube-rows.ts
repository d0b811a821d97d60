import type { GrantRow, LedgerRow } from '@src/modelscope/magicube-shapes';

export const HOUR_MS = 3_600_000;
/** 2026-12-01 00:00 in Beijing (16:00 UTC the day before): the start of a quota day. */
export const DEC_1_BEIJING = Date.UTC(2026, 10, 30, 16);

/** The website's Chinese names of the China site's tiers, which ModelScope's API may write instead of the English keys. */
const RAW_TIERS: Readonly<Record<string, string>> = { lite: '轻量', standard: '主流', ultra: '旗舰' };

/** A parsed spend-ledger row, as readSpendLedger gives it. */
export function ledgerRow(at: number, tier: string, credits: number, calls: number | null = null): LedgerRow {
  return { at, tier, rawTier: RAW_TIERS[tier] ?? tier, credits, calls };
}

/** A parsed grant row, as readGrants gives it. */
export function grantRow(at: number, ruleKey: string, credits: number, expiresAt: number | null = null): GrantRow {
  return { at, ruleKey, credits, expiresAt };
}
