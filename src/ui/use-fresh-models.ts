import { useEffect, useState } from 'react';
import type { BalanceItem, Site } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { sessionResultCache } from '@src/storage/result-cache';

const NONE: ReadonlySet<string> = new Set();

/** Which of `models` have a result fresh enough that the next check reuses it instead of spending a call. */
export function useFreshModels(
  secret: string | null | undefined,
  site: Site,
  models: readonly string[],
  cacheSeconds: number | undefined,
  results: Readonly<Record<string, BalanceItem>>,
  now: number,
): ReadonlySet<string> {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NONE);
  useEffect(() => {
    if (!secret || cacheSeconds === undefined) return setFresh(NONE);
    let live = true;
    void (async () => {
      const keyId = await keyFingerprint(secret, site);
      const hits = await Promise.all(models.map((model) => sessionResultCache.get(keyId, model, cacheSeconds * 1000)));
      if (live) setFresh(new Set(models.filter((_, index) => hits[index])));
    })();
    // Results landing, and time passing, change what is fresh; re-counting is cheap (storage.session reads).
    return () => {
      live = false;
    };
  }, [secret, site, models, cacheSeconds, results, now]);
  return fresh;
}
