import { accountsItem } from '@src/account/record';
import { latestResultsItem } from '@src/account/results';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { activeKeyIn, keyringItem, secretIn, sessionSecretsItem } from '@src/storage/keyring';
import { modelPricesItem } from '@src/storage/model-prices';
import type { ValidatedItem } from '@src/storage/validated-item';

/**
 * Values read before a page's first render, so that render shows the stored figures at once instead of an empty
 * page and a round of effects and re-renders later. They seed the first render's state only: every hook still reads
 * and follows storage as ever, and what the first render did not take is forgotten, never shown later as if fresh.
 */
const seeds = new Map<object, unknown>();
const fingerprints = new Map<string, string>();

async function seed<T>(item: ValidatedItem<T>): Promise<T> {
  const value = await item.get();
  seeds.set(item, value);
  return value;
}

/** The value read for `item` before the first render, if any. */
export function seededValue<T>(item: ValidatedItem<T>): T | undefined {
  return seeds.get(item) as T | undefined;
}

/** The fingerprint of `apiKey` on `site` worked out before the first render, if it was. */
export function seededFingerprint(apiKey: string, site: string): string | undefined {
  return fingerprints.get(`${site}\n${apiKey}`);
}

/** Reads what the popup's first render shows: the keyring, the lists, the account, its results and prices, the key's fingerprint. */
export async function readBeforeFirstRender(): Promise<void> {
  const [keyring, sessionSecrets] = await Promise.all([
    seed(keyringItem),
    seed(sessionSecretsItem),
    seed(favouriteListsItem),
    seed(accountsItem),
    seed(latestResultsItem),
    seed(modelPricesItem),
  ]);
  const key = activeKeyIn(keyring);
  const secret = key ? secretIn(key, sessionSecrets) : null;
  if (key && secret) fingerprints.set(`${key.site}\n${secret}`, await keyFingerprint(secret, key.site));
}

/** After the first render: later renders read storage themselves. */
export function forgetFirstRenderSeeds(): void {
  seeds.clear();
  fingerprints.clear();
}
