import { useEffect, useState } from 'react';
import type { Site } from '@src/contract';
import { historyItem, keyHistoryOf, type KeyHistory } from '@src/storage/history';
import { followItemForKey } from './follow-stored';

const EMPTY: KeyHistory = { models: {}, magicube: [] };

/** The stored history of one key (each model's checks and the Magicube readings), kept in step as results land. */
export function useKeyHistory(apiKey: string | null | undefined, site: Site): KeyHistory {
  const [history, setHistory] = useState<KeyHistory>(EMPTY);
  useEffect(() => {
    setHistory(EMPTY);
    if (!apiKey) return;
    return followItemForKey(apiKey, site, historyItem, (all, keyId) => setHistory(keyHistoryOf(all, keyId)));
  }, [apiKey, site]);
  return history;
}
