import { useEffect, useState } from 'react';
import type { BalanceItem } from '../contract';
import { latestResultsItem } from '../settings/latest-results';
import { keyFingerprint } from '../settings/key-fingerprint';

/** The stored results for one key, updated as each model's result lands during a check. */
export function useLatestResults(apiKey: string | undefined): Record<string, BalanceItem> {
  const [results, setResults] = useState<Record<string, BalanceItem>>({});
  useEffect(() => {
    if (!apiKey) {
      setResults({});
      return;
    }
    let live = true;
    let unwatch = () => {};
    void keyFingerprint(apiKey).then(async (keyId) => {
      if (!live) return;
      unwatch = latestResultsItem.watch((all) => setResults(all[keyId] ?? {}));
      const all = await latestResultsItem.get();
      if (live) setResults(all[keyId] ?? {});
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [apiKey]);
  return results;
}
