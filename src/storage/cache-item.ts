import type { StorageItemKey } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { defineStoredItem, type ValidatedItem } from './validated-item';

/**
 * A record of entries checked one by one: an entry its schema refuses is left out alone, so one unreadable entry
 * never costs the others. Anything but an object is refused whole.
 */
export function droppingRecord<T>(entry: z.ZodMiniType<T>) {
  return z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((record): Record<string, T> =>
      Object.fromEntries(
        Object.entries(record).flatMap(([id, value]) => {
          const parsed = entry.safeParse(value);
          return parsed.success ? [[id, parsed.data] as const] : [];
        }),
      ),
    ),
  );
}

/**
 * A cache: what ModelScope said or a check found, kept per key fingerprint (or per key and model), read again for free.
 * An entry that cannot be read is dropped alone and silently; the user made nothing here, so there is nothing to tell
 * them nor to migrate.
 */
export function defineCacheItem<T>(key: StorageItemKey, entry: z.ZodMiniType<T>): ValidatedItem<Record<string, T>> {
  return defineStoredItem(key, droppingRecord(entry), {}, 'cache');
}
