import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { z } from 'zod';

const RepairSchema = z.object({ key: z.string(), at: z.iso.datetime() });
export type Repair = z.infer<typeof RepairSchema>;
const MAX_REPAIRS_KEPT = 20;

const repairsItem = storage.defineItem<unknown>('local:repairs', { fallback: [] });

const parseRepairs = (raw: unknown): Repair[] => {
  const parsed = z.array(RepairSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
};

/** Repairs the user has not seen yet; a corrupt list of repairs is itself simply dropped. */
export async function listRepairs(): Promise<Repair[]> {
  return parseRepairs(await repairsItem.getValue());
}

export function watchRepairs(callback: (repairs: Repair[]) => void): () => void {
  return repairsItem.watch((raw) => callback(parseRepairs(raw)));
}

async function withRepairOf(key: StorageItemKey): Promise<Repair[]> {
  return [...(await listRepairs()), { key, at: new Date().toISOString() }].slice(-MAX_REPAIRS_KEPT);
}

const warnRepaired = (key: StorageItemKey) =>
  console.warn(`ModelScope Quota: the stored setting ${key} was unreadable and has been reset to its default.`);

/** Notes that a stored setting was unreadable and dropped, so the UI can say so. */
export async function recordRepair(key: StorageItemKey): Promise<void> {
  await repairsItem.setValue(await withRepairOf(key));
  warnRepaired(key);
}

/**
 * Resets an unreadable setting to its default and notes it in one storage write: a page closed half-way through
 * must not leave a setting silently reset with no notice.
 */
export async function resetAndRecord<T>(key: StorageItemKey, fallback: T): Promise<void> {
  const repairs = await withRepairOf(key);
  await storage.setItems([
    { key, value: fallback },
    { key: repairsItem.key, value: repairs },
  ]);
  warnRepaired(key);
}

export async function clearRepairs(): Promise<void> {
  await repairsItem.setValue([]);
}
