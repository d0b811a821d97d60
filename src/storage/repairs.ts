import type { StorageItemKey } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { STORAGE_KEYS } from './keys';
import { withStorageLock } from './write-lock';
import { plainItem } from './plain-item';

const RepairSchema = z.object({ key: z.string(), at: z.iso.datetime() });
export type Repair = z.infer<typeof RepairSchema>;
const MAX_REPAIRS_KEPT = 20;

// Not a validated item: a corrupt list of repairs is itself simply dropped, and noting a repair must not need one.
const repairsItem = plainItem(STORAGE_KEYS.repairs, []);

const parseRepairs = (raw: unknown): Repair[] => {
  const parsed = z.array(RepairSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
};

/** Repairs the user has not seen yet. */
export async function listRepairs(): Promise<Repair[]> {
  return parseRepairs(await repairsItem.getValue());
}

export function watchRepairs(callback: (repairs: Repair[]) => void): () => void {
  return repairsItem.watch((raw) => callback(parseRepairs(raw)));
}

/** The write that notes repairs of `keys`, to land together with the values that replace them. Call under the lock. */
export async function repairWrite(keys: readonly StorageItemKey[]): Promise<{ key: StorageItemKey; value: Repair[] }> {
  const at = new Date().toISOString();
  const value = [...(await listRepairs()), ...keys.map((key) => ({ key, at }))].slice(-MAX_REPAIRS_KEPT);
  return { key: repairsItem.key, value };
}

export const warnRepaired = (key: StorageItemKey) =>
  console.warn(`ModelScope Quota: the stored setting ${key} was unreadable and has been reset to its default.`);

export async function clearRepairs(): Promise<void> {
  await withStorageLock(() => repairsItem.setValue([]));
}
