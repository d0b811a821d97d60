import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';
import { settingsReady } from './migrations';
import { resetAndRecord } from './repairs';

/** A value checked against its item's schema, ready to be written together with others. */
export interface CheckedWrite {
  readonly key: StorageItemKey;
  readonly value: unknown;
}

export interface ValidatedItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  /** The stored value; a corrupt one is replaced by the fallback (this item only) and the repair recorded. */
  get(): Promise<T>;
  /** Refuses a value its schema rejects, so nothing corrupt is ever written. */
  set(value: T): Promise<void>;
  /** Checks a value for `setTogether`; throws like `set` on a value the schema rejects. */
  checked(value: T): CheckedWrite;
  watch(callback: (value: T) => void): () => void;
}

/** Writes several checked values at once, so a page closed half-way never leaves only some of them changed. */
export async function setTogether(writes: readonly CheckedWrite[]): Promise<void> {
  await settingsReady();
  await storage.setItems([...writes]);
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
    checked(value) {
      return { key, value: schema.parse(value) };
    },
    watch(callback) {
      return item.watch((raw) => callback(parseOrNull(raw) ?? fallback));
    },
  };
}
