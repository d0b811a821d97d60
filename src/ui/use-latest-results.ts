import { useEffect, useState } from 'react';
import type { BalanceItem, Site } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { latestResultsItem } from '@src/storage/latest-results';
import { seededFingerprint, seededValue } from './first-paint';
import { followItem } from './follow-stored';

type AllResults = Awaited<ReturnType<typeof latestResultsItem.get>>;

/**
 * The stored results for one key (`null`: none saved; `undefined`: not known yet), updated as each result lands.
 * Undefined during the first load, so a page never flashes "not checked yet" before the stored results arrive.
 */
export function useLatestResults(apiKey: string | null | undefined, site: Site): Record<string, BalanceItem> | undefined {
  // Read from the first render, while the key itself is still loading: the popup's first paint waits for both.
  const [all, setAll] = useState<AllResults | undefined>(() => seededValue(latestResultsItem));
  useEffect(() => followItem(latestResultsItem, setAll), []);
  const named = apiKey ? `${site}\n${apiKey}` : null;
  const [keyId, setKeyId] = useState<{ of: string; id: string } | null>(() => {
    const seeded = apiKey ? seededFingerprint(apiKey, site) : undefined;
    return named !== null && seeded !== undefined ? { of: named, id: seeded } : null;
  });
  useEffect(() => {
    if (!apiKey) return;
    let live = true;
    const of = `${site}\n${apiKey}`;
    void keyFingerprint(apiKey, site).then((id) => live && setKeyId((known) => (known?.of === of && known.id === id ? known : { of, id })));
    return () => {
      live = false;
    };
  }, [apiKey, site]);
  // `undefined` is a key still loading; `null` is no key. On a switch of key, empty rows until the new key's
  // fingerprint is known: never another key's numbers.
  if (apiKey === undefined || all === undefined) return undefined;
  if (apiKey === null) return {};
  if (keyId === null) return undefined;
  return keyId.of === named ? (all[keyId.id] ?? {}) : {};
}
