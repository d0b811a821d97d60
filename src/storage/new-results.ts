import { storage } from 'wxt/utils/storage';
import type { BalanceItem } from '@src/contract';
import { latestResultsItem, LatestResultsSchema, type LatestResults } from './latest-results';

export interface NewResults {
  keyId: string;
  items: BalanceItem[];
}

/** The results in `next` that `previous` did not have: a different check time is a different check. */
export function newResultsBetween(previous: LatestResults, next: LatestResults): NewResults[] {
  return Object.entries(next).flatMap(([keyId, byModel]) => {
    const items = Object.values(byModel).filter((item) => previous[keyId]?.[item.model]?.checked_at !== item.checked_at);
    return items.length > 0 ? [{ keyId, items }] : [];
  });
}

/**
 * Calls back with each result as it lands in the latest results, whoever checked (a page or the schedule). A reused
 * fresh result keeps its check time, so it is not new. Unreadable values count as empty.
 */
export function watchNewResults(callback: (results: NewResults[]) => void): () => void {
  const parse = (raw: unknown): LatestResults => LatestResultsSchema.safeParse(raw ?? {}).data ?? {};
  return storage.watch<unknown>(latestResultsItem.key, (next, previous) => {
    const results = newResultsBetween(parse(previous), parse(next));
    if (results.length > 0) callback(results);
  });
}
