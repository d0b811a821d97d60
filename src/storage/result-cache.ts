import { storage } from 'wxt/utils/storage';
import { BalanceItemSchema } from '@src/contract';
import type { ResultCache } from '@src/engine/check-models';
import { resultCacheKey } from './keys';

/**
 * Fresh probe results for every caller, in `storage.session` so they outlive a sleeping service worker but not the
 * browser. One entry per key fingerprint and model, so concurrent writes never overwrite each other.
 */
export const sessionResultCache: ResultCache = {
  async get(keyId, model, maxAgeMs) {
    if (maxAgeMs <= 0) return null;
    const parsed = BalanceItemSchema.safeParse(await storage.getItem(resultCacheKey(keyId, model)));
    if (!parsed.success) return null;
    const age = Date.now() - Date.parse(parsed.data.checked_at);
    return age >= 0 && age < maxAgeMs ? parsed.data : null;
  },
  async put(keyId, item) {
    await storage.setItem(resultCacheKey(keyId, item.model), item);
  },
};
