import { useMemo } from 'react';
import { historyItem, keyHistoryOf, type KeyHistory } from '@src/account/history';
import { useStoredValue } from './use-stored-value';

const EMPTY: KeyHistory = { models: {}, magicube: [] };

/** The stored history of one key (each model's checks and the Magicube readings), kept in step as results land. */
export function useKeyHistory(keyId: string | null | undefined): KeyHistory {
  const [history] = useStoredValue(historyItem);
  return useMemo(() => (history && keyId ? keyHistoryOf(history, keyId) : EMPTY), [history, keyId]);
}
