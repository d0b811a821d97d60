import { STORAGE_KEYS } from '../keys';
import type { MigrationStep } from './step';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 4, both ModelScope sites: every saved key names its site, and every key saved before sites existed is a
 * China-site key. A keyring that is not an object, or a key that is not one, is left to the keyring's repair.
 */
export const toV4: MigrationStep = {
  version: 4,
  migrate(stored) {
    const keyring = stored[STORAGE_KEYS.keyring];
    if (!isObject(keyring) || !Array.isArray(keyring.keys)) return { set: {}, remove: [], repaired: [] };
    const keys = keyring.keys.map((key: unknown) => (isObject(key) && !('site' in key) ? { ...key, site: 'cn' } : key));
    return { set: { [STORAGE_KEYS.keyring]: { ...keyring, keys } }, remove: [], repaired: [] };
  },
};
