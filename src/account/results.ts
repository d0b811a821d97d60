import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import type { CheckedResult, ResultCache } from '@src/engine/check-models';
import { keepNewest } from '@src/lib/keep-newest';
import { ProbeResultSchema } from '@src/modelscope/probe';
import { droppingRecord, defineCacheItem } from '@src/storage/cache-item';
import { resultCacheKey, STORAGE_KEYS } from '@src/storage/keys';
import type { WriteResult } from '@src/storage/write-result';

/** A model's latest result as our last check of it got it: its probe, and whether that check reused it (no call made). */
const KeptResultSchema = z.extend(ProbeResultSchema, { cached: z._default(z.boolean(), false) }) satisfies z.ZodMiniType<CheckedResult>;

/** The latest result of each model, per key fingerprint, from our own checks: what the popup shows at once. */
export const latestResultsItem = defineCacheItem(STORAGE_KEYS.latestResults, droppingRecord(KeptResultSchema));
export type LatestResults = Awaited<ReturnType<typeof latestResultsItem.get>>;

const MAX_KEYS_KEPT = 10;
const MAX_MODELS_PER_KEY = 200;

const checkedAt = (item: CheckedResult) => Date.parse(item.checked_at);
const newestCheck = (results: Record<string, CheckedResult>) => Math.max(0, ...Object.values(results).map(checkedAt));

/** Keeps the store bounded: the most recently checked keys and models win. */
function bounded(all: LatestResults): LatestResults {
  const keys = keepNewest(all, newestCheck, MAX_KEYS_KEPT);
  return Object.fromEntries(Object.entries(keys).map(([keyId, byModel]) => [keyId, keepNewest(byModel, checkedAt, MAX_MODELS_PER_KEY)]));
}

/** Stores results of one key in one write: each replaces its model's earlier result. */
export function saveLatestResults(keyId: string, items: readonly CheckedResult[]): Promise<WriteResult<LatestResults>> {
  const byModel = Object.fromEntries(items.map((item) => [item.model, item]));
  return latestResultsItem.update((all) => bounded({ ...all, [keyId]: { ...all[keyId], ...byModel } }));
}

export async function latestResultsFor(keyId: string): Promise<Record<string, CheckedResult>> {
  return (await latestResultsItem.get())[keyId] ?? {};
}

/**
 * Fresh probe results for every caller, in `storage.session` so they outlive a sleeping service worker but not the
 * browser. One entry per key fingerprint and model, so concurrent writes never overwrite each other; one that cannot
 * be read is no result.
 */
export const sessionResultCache: ResultCache = {
  async get(keyId, model, maxAgeMs) {
    if (maxAgeMs <= 0) return null;
    const parsed = ProbeResultSchema.safeParse(await storage.getItem(resultCacheKey(keyId, model)));
    if (!parsed.success) return null;
    const age = Date.now() - Date.parse(parsed.data.checked_at);
    return age >= 0 && age < maxAgeMs ? parsed.data : null;
  },
  async put(keyId, item) {
    await storage.setItem(resultCacheKey(keyId, item.model), item);
  },
};
