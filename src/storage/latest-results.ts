import { z } from 'zod/mini';
import { BalanceItemSchema, type BalanceItem } from '@src/contract';
import { keepNewest } from '@src/lib/keep-newest';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';
import type { WriteResult } from './write-result';

/** The latest result of each model, per key fingerprint, from our own pages' checks: what the popup shows at once. */
export const LatestResultsSchema = z.record(z.string(), z.record(z.string(), BalanceItemSchema));
export type LatestResults = z.infer<typeof LatestResultsSchema>;
export const latestResultsItem = defineValidatedItem(STORAGE_KEYS.latestResults, LatestResultsSchema, {});

const MAX_KEYS_KEPT = 10;
const MAX_MODELS_PER_KEY = 200;

const checkedAt = (item: BalanceItem) => Date.parse(item.checked_at);
const newestCheck = (results: Record<string, BalanceItem>) => Math.max(0, ...Object.values(results).map(checkedAt));

/** Keeps the store bounded: the most recently checked keys and models win. */
function bounded(all: LatestResults): LatestResults {
  const keys = keepNewest(all, newestCheck, MAX_KEYS_KEPT);
  return Object.fromEntries(
    Object.entries(keys).map(([keyId, byModel]) => [keyId, keepNewest(byModel, checkedAt, MAX_MODELS_PER_KEY)]),
  );
}

/** Stores results of one key in one write: each replaces its model's earlier result. */
export function saveLatestResults(keyId: string, items: readonly BalanceItem[]): Promise<WriteResult<LatestResults>> {
  const byModel = Object.fromEntries(items.map((item) => [item.model, item]));
  return latestResultsItem.update((all) => bounded({ ...all, [keyId]: { ...all[keyId], ...byModel } }));
}

export async function latestResultsFor(keyId: string): Promise<Record<string, BalanceItem>> {
  return (await latestResultsItem.get())[keyId] ?? {};
}
