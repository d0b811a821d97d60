import { z } from 'zod';
import { BalanceItemSchema, type BalanceItem } from '../contract';
import { inOrder } from './in-order';
import { defineValidatedItem } from './validated-item';

/** The latest result of each model, per key fingerprint, from our own pages' checks: what the popup shows at once. */
export const LatestResultsSchema = z.record(z.string(), z.record(z.string(), BalanceItemSchema));
export type LatestResults = z.infer<typeof LatestResultsSchema>;
export const latestResultsItem = defineValidatedItem('local:latestResults', LatestResultsSchema, {});

const MAX_KEYS_KEPT = 10;
const MAX_MODELS_PER_KEY = 200;

/** Two checks finishing together both land. */
const serialized = inOrder();

function newestFirst(results: Record<string, BalanceItem>): number {
  return Math.max(0, ...Object.values(results).map((item) => Date.parse(item.checked_at)));
}

/** Keeps the store bounded: the most recently checked keys and models win. */
function bounded(all: LatestResults): LatestResults {
  const keys = Object.entries(all)
    .sort(([, a], [, b]) => newestFirst(b) - newestFirst(a))
    .slice(0, MAX_KEYS_KEPT);
  return Object.fromEntries(
    keys.map(([keyId, byModel]) => [
      keyId,
      Object.fromEntries(
        Object.entries(byModel)
          .sort(([, a], [, b]) => Date.parse(b.checked_at) - Date.parse(a.checked_at))
          .slice(0, MAX_MODELS_PER_KEY),
      ),
    ]),
  );
}

export function saveLatestResult(keyId: string, item: BalanceItem): Promise<void> {
  return serialized(async () => {
    const all = await latestResultsItem.get();
    await latestResultsItem.set(bounded({ ...all, [keyId]: { ...all[keyId], [item.model]: item } }));
  });
}

export async function latestResultsFor(keyId: string): Promise<Record<string, BalanceItem>> {
  return (await latestResultsItem.get())[keyId] ?? {};
}
