import { useEffect, useState } from 'react';
import { sessionResultCache } from '@src/account/results';

const NONE: ReadonlySet<string> = new Set();

/**
 * Which of `models` have a result fresh enough that the next check reuses it instead of spending a call. `changed`:
 * anything whose change may change that (results landing, time passing); re-counting is cheap (storage.session reads).
 */
export function useFreshModels(keyId: string | null, models: readonly string[], cacheSeconds: number | undefined, changed: string): ReadonlySet<string> {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NONE);
  const asked = models.join('\n');
  useEffect(() => {
    const named = asked === '' ? [] : asked.split('\n');
    if (!keyId || cacheSeconds === undefined) return setFresh(NONE);
    let live = true;
    void Promise.all(named.map((model) => sessionResultCache.get(keyId, model, cacheSeconds * 1000))).then((hits) => {
      if (live) setFresh(new Set(named.filter((_, index) => hits[index])));
    });
    return () => {
      live = false;
    };
  }, [keyId, asked, cacheSeconds, changed]);
  return fresh;
}
