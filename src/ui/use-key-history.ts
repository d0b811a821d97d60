import { useEffect, useState } from 'react';
import { historyItem, keyHistoryOf, type KeyHistory } from '../settings/history';
import { keyFingerprint } from '../settings/key-fingerprint';

const EMPTY: KeyHistory = { models: {}, magicube: [] };

/** The stored history of one key (each model's checks and the Magicube readings), kept in step as results land. */
export function useKeyHistory(apiKey: string | null | undefined): KeyHistory {
  const [history, setHistory] = useState<KeyHistory>(EMPTY);
  useEffect(() => {
    setHistory(EMPTY);
    if (!apiKey) return;
    let live = true;
    let unwatch = () => {};
    void keyFingerprint(apiKey).then(async (keyId) => {
      if (!live) return;
      unwatch = historyItem.watch((all) => setHistory(keyHistoryOf(all, keyId)));
      const all = await historyItem.get();
      if (live) setHistory(keyHistoryOf(all, keyId));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [apiKey]);
  return history;
}
