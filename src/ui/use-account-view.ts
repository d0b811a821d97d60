import { useMemo } from 'react';
import { accountsItem } from '@src/account/record';
import { latestResultsItem } from '@src/account/results';
import { accountView, type AccountView } from '@src/account/view';
import { modelPricesItem, sitePricesIn } from '@src/storage/model-prices';
import type { ActiveAccountState } from './active-account';
import { useStoredValue } from './use-stored-value';

/**
 * The active account's view, as the badge and the contract see it, from what is stored, kept in step as the background
 * writes: undefined while loading or without a key.
 */
export function useAccountView(account: ActiveAccountState | undefined, models: readonly string[] | undefined, now: number): AccountView | undefined {
  const [records] = useStoredValue(accountsItem);
  const [results] = useStoredValue(latestResultsItem);
  const [prices] = useStoredValue(modelPricesItem);
  const keyId = account?.keyId;
  const site = account?.site;
  return useMemo(() => {
    if (!keyId || site === undefined || records === undefined || results === undefined || prices === undefined || models === undefined) return undefined;
    return accountView({ record: records[keyId] ?? null, results: results[keyId] ?? {}, prices: sitePricesIn(prices, site), models, now });
  }, [keyId, site, records, results, prices, models, now]);
}
