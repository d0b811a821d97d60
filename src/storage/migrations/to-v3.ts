import { STORAGE_KEYS } from '../keys';
import type { MigrationStep } from './step';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 3, the credit world: check settings gain `probeEveryModel` (off: a Check spends only where a probe tells
 * something), alert settings gain the two opt-in grant alerts. Stored values keep everything the user chose; a value
 * that is not an object is left to its item's repair.
 */
export const toV3: MigrationStep = {
  version: 3,
  migrate(stored) {
    const set: Record<string, unknown> = {};
    const checks = stored[STORAGE_KEYS.checkSettings];
    if (isObject(checks) && !('probeEveryModel' in checks)) set[STORAGE_KEYS.checkSettings] = { ...checks, probeEveryModel: false };
    const alerts = stored[STORAGE_KEYS.alertSettings];
    if (isObject(alerts) && !('creditsExpiring' in alerts)) {
      set[STORAGE_KEYS.alertSettings] = { ...alerts, loginGrantMissingByHour: null, creditsExpiring: false };
    }
    return { set, remove: [], repaired: [] };
  },
};
