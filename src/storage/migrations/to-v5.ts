import { LEGACY_KEYS } from '../keys';
import type { MigrationStep } from './step';

/**
 * Version 5, the account in one record: the Magicube balances and the account pictures, two caches of what ModelScope
 * said, give way to one record per key (`accounts`), read again for free. Nothing the user made changes.
 */
export const toV5: MigrationStep = {
  version: 5,
  migrate: () => ({ set: {}, remove: [LEGACY_KEYS.magicubeBalances, LEGACY_KEYS.accountPictures], repaired: [] }),
};
