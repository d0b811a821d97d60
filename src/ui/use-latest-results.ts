import { useEffect, useState } from 'react';
import type { BalanceItem, Site } from '@src/contract';
import { latestResultsItem } from '@src/storage/latest-results';
import { followItemForKey } from './follow-stored';

/**
 * The stored results for one key (`null`: none saved; `undefined`: not known yet), updated as each result lands.
 * Undefined during the first load, so a page never flashes "not checked yet" before the stored results arrive.
 */
export function useLatestResults(apiKey: string | null | undefined, site: Site): Record<string, BalanceItem> | undefined {
  const [results, setResults] = useState<Record<string, BalanceItem>>();
  useEffect(() => {
    // `undefined` is a key still loading; `null` is no key. On a switch of key, empty rows until the new key's
    // results arrive: never another key's numbers.
    if (apiKey === undefined) return;
    setResults((previous) => (apiKey !== null && previous === undefined ? undefined : {}));
    if (apiKey === null) return;
    return followItemForKey(apiKey, site, latestResultsItem, (all, keyId) => setResults(all[keyId] ?? {}));
  }, [apiKey, site]);
  return results;
}
