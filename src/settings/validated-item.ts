import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';
import { settingsReady } from './migrations';
import { resetAndRecord } from './repairs';

export interface ValidatedItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  /** The stored value; a corrupt one is replaced by the fallback (this item only) and the repair recorded. */
  get(): Promise<T>;
  /** Refuses a value its schema rejects, so nothing corrupt is ever written. */
  set(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** A storage item whose every read and write goes through a zod schema. */
export function defineValidatedItem<T>(key: StorageItemKey, schema: z.ZodType<T>, fallback: T): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, { fallback });
  const parseOrNull = (raw: unknown): T | null => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };
  return {
    key,
    fallback,
    async get() {
      await settingsReady();
      const valid = parseOrNull(await item.getValue());
      if (valid !== null) return valid;
      await resetAndRecord(key, fallback);
      return fallback;
    },
    async set(value) {
      await settingsReady();
      await item.setValue(schema.parse(value));
    },
    watch(callback) {
      return item.watch((raw) => callback(parseOrNull(raw) ?? fallback));
    },
  };
}
