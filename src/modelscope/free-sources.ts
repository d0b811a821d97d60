import { readGrantRules, type GrantRulesOutcome } from './grant-rules';
import { readGrants, type GrantsOutcome } from './grants';
import { fetchMagicubeBalance, type MagicubeOutcome } from './magicube';
import { readTierPrices, type TierPricesOutcome } from './spend-rates';
import { readSpendLedger, type LedgerOutcome } from './spend-ledger';
import type { TransactionReadOptions } from './transactions';

/** Everything the free Magicube endpoints say about one account, each answer on its own: one may fail alone. */
export interface FreeSources {
  balance: MagicubeOutcome;
  ledger: LedgerOutcome;
  grants: GrantsOutcome;
  rates: TierPricesOutcome;
  rules: GrantRulesOutcome;
}

/** Reads balance, spend ledger, grants, tier rates and earn rules in parallel. Spends no call. Never throws. */
export async function readFreeSources(apiKey: string, options: TransactionReadOptions): Promise<FreeSources> {
  const [balance, ledger, grants, rates, rules] = await Promise.all([
    fetchMagicubeBalance(apiKey, options),
    readSpendLedger(apiKey, options),
    readGrants(apiKey, options),
    readTierPrices(apiKey, options),
    readGrantRules(apiKey, options),
  ]);
  return { balance, ledger, grants, rates, rules };
}
