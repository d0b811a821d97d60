import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { firstRead } from './first-reads';

/**
 * One stored value by its key, unvalidated. Rather than storage.defineItem, which reads its value the moment it is
 * defined: a page that defines every item would ask for all of them before its first real read.
 */
export function plainItem<T>(key: StorageItemKey, fallback: T) {
  return {
    key,
    getValue: async () => {
      const early = await firstRead(key);
      return early ? (early.value ?? fallback) : storage.getItem<unknown>(key, { fallback });
    },
    setValue: (value: unknown) => storage.setItem(key, value),
    watch: (callback: (value: unknown) => void) => storage.watch<unknown>(key, (value) => callback(value ?? fallback)),
  };
}
