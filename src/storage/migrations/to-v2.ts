import { z } from 'zod/mini';
import { ApiKeySchema, ModelIdSchema } from '@src/contract';
import { LEGACY_KEYS, STORAGE_KEYS } from '../keys';
import type { MigrationStep } from './step';

/**
 * Version 1 kept one `apiKey` string and one `favourites` list; version 2 has a keyring of labelled keys and named
 * favourite lists. An unreadable old value is dropped (and noted): the new item starts from its default, as a repair
 * would. Fixed ids, so two pages migrating at once agree.
 */
export const toV2: MigrationStep = {
  version: 2,
  migrate(stored) {
    const set: Record<string, unknown> = {};
    const repaired: string[] = [];
    const apiKey = stored[LEGACY_KEYS.apiKey];
    const favourites = stored[LEGACY_KEYS.favourites];
    const key = ApiKeySchema.safeParse(apiKey);
    if (key.success && stored[STORAGE_KEYS.keyring] === undefined) {
      set[STORAGE_KEYS.keyring] = { keys: [{ id: 'key-1', label: 'Key 1', remember: true, secret: key.data }], activeId: 'key-1' };
    }
    const models = z.array(ModelIdSchema).check(z.minLength(1), z.maxLength(50)).safeParse(favourites);
    if (models.success && stored[STORAGE_KEYS.favouriteLists] === undefined) {
      set[STORAGE_KEYS.favouriteLists] = {
        lists: [{ id: 'list-1', name: 'Favourites', models: [...new Set(models.data)] }],
        activeId: 'list-1',
      };
    }
    if (apiKey !== undefined && !key.success) repaired.push(LEGACY_KEYS.apiKey);
    if (favourites !== undefined && !models.success) repaired.push(LEGACY_KEYS.favourites);
    return { set, remove: [LEGACY_KEYS.apiKey, LEGACY_KEYS.favourites], repaired };
  },
};
