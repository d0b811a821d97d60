import { useEffect, useState } from 'react';
import { historyItem, keyHistoryOf, type KeyHistory } from '../settings/history';
import { keyFingerprint } from '../settings/key-fingerprint';
import { followStored } from './follow-stored';

const EMPTY: KeyHistory = { models: {}, magicube: [] };

/** The stored history of one key (each model's checks and the Magicube readings), kept in step as results land. */
export function useKeyHistory(apiKey: string | null | undefined): KeyHistory {
  const [history, setHistory] = useState<KeyHistory>(EMPTY);
  useEffect(() => {
    setHistory(EMPTY);
    if (!apiKey) return;
    let live = true;
    let stop = () => {};
    void keyFingerprint(apiKey).then((keyId) => {
      if (!live) return;
      stop = followStored(
        () => historyItem.get(),
        (callback) => historyItem.watch(callback),
        (all) => setHistory(keyHistoryOf(all, keyId)),
      );
    });
    return () => {
      live = false;
      stop();
    };
  }, [apiKey]);
  return history;
}
