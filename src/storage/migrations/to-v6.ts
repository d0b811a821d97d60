import { STORAGE_KEYS } from '../keys';
import type { MigrationStep, StoredChanges } from './step';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tier ids of versions before 6, from the website's Chinese names, and ModelScope's own English keys for them. */
const RENAMED_TIERS: Readonly<Record<string, string>> = { lightweight: 'lite', mainstream: 'standard', flagship: 'ultra' };

function renamedTier(price: unknown): unknown {
  if (!isObject(price) || typeof price.tier !== 'string' || !Object.hasOwn(RENAMED_TIERS, price.tier)) return price;
  return { ...price, tier: RENAMED_TIERS[price.tier] };
}

/** Each site's learned and hand-set prices with their tiers renamed; null when nothing changes. */
function pricesWithRenamedTiers(stored: unknown): Record<string, unknown> | null {
  if (!isObject(stored)) return null;
  let changed = false;
  const sites = Object.fromEntries(
    Object.entries(stored).map(([site, prices]) => {
      if (!isObject(prices) || !isObject(prices.models)) return [site, prices];
      const models = Object.fromEntries(Object.entries(prices.models).map(([model, price]) => [model, renamedTier(price)]));
      changed ||= Object.entries(models).some(([model, price]) => price !== (prices.models as Record<string, unknown>)[model]);
      return [site, { ...prices, models }];
    }),
  );
  return changed ? sites : null;
}

/**
 * Version 6, prices from ModelScope's provider list: tiers take ModelScope's own names (`lite`, `standard`, `ultra`,
 * as on the wire), and the alerts gain one, off until the user turns it on: a favourite's price or service changed.
 * Whatever is not in the shape expected is left to its item's repair.
 */
export const toV6: MigrationStep = {
  version: 6,
  migrate(stored) {
    const changes: StoredChanges = { set: {}, remove: [], repaired: [] };
    const prices = pricesWithRenamedTiers(stored[STORAGE_KEYS.modelPrices]);
    if (prices !== null) changes.set[STORAGE_KEYS.modelPrices] = prices;
    const alerts = stored[STORAGE_KEYS.alertSettings];
    if (isObject(alerts) && !('offerChanged' in alerts)) changes.set[STORAGE_KEYS.alertSettings] = { ...alerts, offerChanged: false };
    return changes;
  },
};
