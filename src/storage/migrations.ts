import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { ApiKeySchema, ModelIdSchema } from '@src/contract';
import { recordRepair } from './repairs';

/**
 * Settings versions. 1: one `apiKey` string and one `favourites` list. 2: a keyring of labelled keys and named
 * favourite lists. Each migration is idempotent and gives fixed ids, so two pages migrating at once agree.
 */
export const SETTINGS_VERSION = 2;
const versionItem = storage.defineItem<unknown>('local:settingsVersion', { fallback: 0 });

async function migrateV1toV2(): Promise<void> {
  const [apiKey, favourites, keyring, lists] = await Promise.all([
    storage.getItem('local:apiKey'),
    storage.getItem('local:favourites'),
    storage.getItem('local:keyring'),
    storage.getItem('local:favouriteLists'),
  ]);
  // An unreadable old value is dropped: the new item starts from its default, which is what a repair would do.
  const key = ApiKeySchema.safeParse(apiKey);
  if (key.success && keyring === null) {
    await storage.setItem('local:keyring', {
      keys: [{ id: 'key-1', label: 'Key 1', remember: true, secret: key.data }],
      activeId: 'key-1',
    });
  }
  const models = z.array(ModelIdSchema).min(1).max(50).safeParse(favourites);
  if (models.success && lists === null) {
    await storage.setItem('local:favouriteLists', {
      lists: [{ id: 'list-1', name: 'Favourites', models: [...new Set(models.data)] }],
      activeId: 'list-1',
    });
  }
  if (apiKey !== null && !key.success) await recordRepair('local:apiKey');
  if (favourites !== null && !models.success) await recordRepair('local:favourites');
  await storage.removeItems(['local:apiKey', 'local:favourites']);
}

const MIGRATIONS: Record<number, () => Promise<void>> = { 2: migrateV1toV2 };

async function migrate(): Promise<void> {
  const stored = await versionItem.getValue();
  const from = typeof stored === 'number' && Number.isInteger(stored) ? stored : 0;
  for (let version = Math.max(from, 1) + 1; version <= SETTINGS_VERSION; version += 1) {
    await MIGRATIONS[version]?.();
  }
  if (from !== SETTINGS_VERSION) await versionItem.setValue(SETTINGS_VERSION);
}

let migrated: Promise<void> | undefined;

/** Brings stored settings to the current version once per page or worker; every settings read waits for it. */
export function settingsReady(): Promise<void> {
  migrated ??= migrate().catch((error: unknown) => {
    migrated = undefined;
    throw error;
  });
  return migrated;
}
