import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { STORAGE_KEYS } from '../keys';
import { repairWrite, warnRepaired } from '../repairs';
import { withStorageLock } from '../write-lock';
import type { MigrationStep } from './step';
import { toV2 } from './to-v2';
import { toV3 } from './to-v3';
import { toV4 } from './to-v4';
import { toV5 } from './to-v5';
import { toV6 } from './to-v6';
import { plainItem } from '../plain-item';

/** Every step in order; the last one's version is the current settings version. */
export const MIGRATION_STEPS: readonly MigrationStep[] = [toV2, toV3, toV4, toV5, toV6];
export const SETTINGS_VERSION = MIGRATION_STEPS.at(-1)?.version ?? 1;

const versionItem = plainItem(STORAGE_KEYS.settingsVersion, 0);

async function storedLocal(): Promise<Record<string, unknown>> {
  const snapshot = await storage.snapshot('local');
  return Object.fromEntries(Object.entries(snapshot).map(([name, value]) => [`local:${name}`, value]));
}

/** Runs the steps after the stored version, each landing in one write with its repair notes and the new version. */
async function migrate(): Promise<void> {
  const stored = await versionItem.getValue();
  const from = typeof stored === 'number' && Number.isInteger(stored) ? stored : 0;
  // A fresh install (nothing stored) and version 1 both start from the oldest shape: version 1 had no version item.
  const steps = MIGRATION_STEPS.filter((candidate) => candidate.version > Math.max(from, 1));
  for (const step of steps) {
    const changes = step.migrate(await storedLocal());
    const writes: Array<{ key: StorageItemKey; value: unknown }> = Object.entries(changes.set).map(([key, value]) => ({
      key: key as StorageItemKey,
      value,
    }));
    const repaired = changes.repaired as StorageItemKey[];
    if (repaired.length > 0) writes.push(await repairWrite(repaired));
    writes.push({ key: versionItem.key, value: step.version });
    await storage.setItems(writes);
    await storage.removeItems(changes.remove as StorageItemKey[]);
    repaired.forEach(warnRepaired);
  }
  // Each step wrote its own version; a version this code does not know (newer, or garbage) is set to ours.
  if (steps.length === 0 && from !== SETTINGS_VERSION) await versionItem.setValue(SETTINGS_VERSION);
}

/** Settings already at this version need nothing: the lock is taken only when a step may have to run. */
async function migrateIfBehind(): Promise<void> {
  // Every step writes its version last, so a current version read here means every step has landed.
  if ((await versionItem.getValue()) === SETTINGS_VERSION) return;
  await withStorageLock(migrate);
}

let migrated: Promise<void> | undefined;

/** Brings stored settings to the current version once per page or worker; every settings read waits for it. */
export function settingsReady(): Promise<void> {
  migrated ??= migrateIfBehind().catch((error: unknown) => {
    migrated = undefined;
    throw error;
  });
  return migrated;
}
