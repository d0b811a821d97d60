import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod/mini';
import { settingsReady } from './migrations';
import { repairWrite, warnRepaired } from './repairs';
import { trackWrite, withStorageLock, writesSettled } from './write-lock';
import { invalidProblem, isDeclined, storageFailed, type Declined, type WriteResult } from './write-result';
import { plainItem } from './plain-item';

/** A change: from the value stored now to the next one, or a reason it cannot apply. Pure: it must not touch storage. */
export type Change<T> = (current: T) => T | Declined;

/**
 * What an unreadable stored value means. A `setting` is what the user made: it is replaced by its fallback and the
 * repair is recorded, so the user is told. A `cache` holds what ModelScope said or a check found, read again for free:
 * its fallback is taken silently, and its schema drops an unreadable entry alone (cache-item.ts).
 */
export type StoredKind = 'setting' | 'cache';

export interface ValidatedItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  readonly schema: z.ZodMiniType<T>;
  readonly kind: StoredKind;
  /**
   * The stored value, after this context's own writes have landed; a corrupt setting is replaced by the fallback (this
   * item only) and the repair recorded, a corrupt cache reads as its fallback.
   */
  get(): Promise<T>;
  /**
   * The one write path: reads what is stored now, applies `change`, validates, writes, all under the storage lock,
   * so writers in the worker and in every page take turns and none is lost. Never throws.
   */
  update(change: Change<T>): Promise<WriteResult<T>>;
  /** `update` to a whole new value. */
  set(value: T): Promise<WriteResult<T>>;
  watch(callback: (value: T) => void): () => void;
}

/** Named items, one for each value of V: TypeScript infers V from the items given. */
type ItemsOf<V extends Record<string, unknown>> = { [K in keyof V]: ValidatedItem<V[K]> };

function parsed<T>(item: ValidatedItem<T>, raw: unknown): T | null {
  const result = item.schema.safeParse(raw);
  return result.success ? result.data : null;
}

/**
 * Changes several items in one storage write (a key and its secret, every setting of an import), under the lock.
 * `change` returns the items it changes; the others stay as they are. A corrupt current value is changed from its fallback, which is written with a note of the repair in the same write.
 */
export function updateTogether<V extends Record<string, unknown>>(
  items: ItemsOf<V>,
  change: (current: V) => Partial<V> | Declined,
): Promise<WriteResult<V>> {
  return trackWrite(settingsReady().then(() => lockedUpdate(items, change)));
}

async function lockedUpdate<V extends Record<string, unknown>>(
  items: ItemsOf<V>,
  change: (current: V) => Partial<V> | Declined,
): Promise<WriteResult<V>> {
  const entries: Array<[string, ValidatedItem<unknown>]> = Object.entries(items);
  const firstKey = entries[0]?.[1].key ?? '';
  return withStorageLock(async () => {
    try {
      const raw = await storage.getItems(entries.map(([, item]) => item.key));
      const current: Record<string, unknown> = {};
      const repaired: StorageItemKey[] = [];
      entries.forEach(([name, item], index) => {
        const value = parsed(item, raw[index]?.value ?? null);
        if (value === null && raw[index]?.value != null && item.kind === 'setting') repaired.push(item.key);
        current[name] = value ?? item.fallback;
      });
      const next = change(current as V);
      if (isDeclined(next)) return { ok: false, problem: { code: 'declined', key: firstKey, issue: next.declined } };
      const writes: Array<{ key: StorageItemKey; value: unknown }> = [];
      for (const [name, item] of entries) {
        const changed = Object.hasOwn(next, name);
        if (!changed && !repaired.includes(item.key)) continue;
        const checked = item.schema.safeParse(changed ? next[name] : current[name]);
        if (!checked.success) return { ok: false, problem: invalidProblem(item.key, checked.error) };
        current[name] = checked.data;
        writes.push({ key: item.key, value: checked.data });
      }
      if (repaired.length > 0) writes.push(await repairWrite(repaired));
      if (writes.length > 0) await storage.setItems(writes);
      repaired.forEach(warnRepaired);
      return { ok: true, value: current as V };
    } catch (error) {
      return { ok: false, problem: storageFailed(firstKey, error) };
    }
  });
}

/** A setting: a storage item whose every read and write goes through a zod schema, repaired with a notice. */
export function defineValidatedItem<T>(key: StorageItemKey, schema: z.ZodMiniType<T>, fallback: T): ValidatedItem<T> {
  return defineStoredItem(key, schema, fallback, 'setting');
}

/** A storage item whose every read and write goes through a zod schema; what an unreadable value means is `kind`'s. */
export function defineStoredItem<T>(key: StorageItemKey, schema: z.ZodMiniType<T>, fallback: T, kind: StoredKind): ValidatedItem<T> {
  const raw = plainItem(key, fallback);
  // The same stored object read again (a page's early reads answer each read with one) gives the same value back, so
  // a page that already shows it is not rendered again for nothing.
  let lastRead: { raw: unknown; value: T | null } | undefined;
  const validRead = (stored: unknown): T | null => {
    if (lastRead !== undefined && lastRead.raw === stored && typeof stored === 'object' && stored !== null) return lastRead.value;
    const value = parsed(item, stored);
    lastRead = { raw: stored, value };
    return value;
  };
  const item: ValidatedItem<T> = {
    key,
    fallback,
    schema,
    kind,
    async get() {
      await settingsReady();
      // This page's or worker's own writes land first: what it changed, it reads back.
      await writesSettled();
      const valid = validRead(await raw.getValue());
      if (valid !== null) return valid;
      // A cache is read again for free: its next write replaces what could not be read.
      if (kind === 'cache') return fallback;
      // The repair is an update of its own: under the lock, it writes the fallback and its notice together.
      const repaired = await item.update((current) => current);
      return repaired.ok ? repaired.value : fallback;
    },
    async update(change) {
      const result = await updateTogether({ value: item }, ({ value }) => {
        const next = change(value);
        return isDeclined(next) ? next : { value: next };
      });
      return result.ok ? { ok: true, value: result.value.value } : result;
    },
    set(value) {
      return item.update(() => value);
    },
    watch(callback) {
      return raw.watch((value) => callback(parsed(item, value) ?? fallback));
    },
  };
  return item;
}
