import type { Site } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { activeKeyIn, keyringItem, secretIn, sessionSecretsItem, type SavedKey } from '@src/storage/keyring';

/** A key the extension can use: its secret, its site, and the fingerprint everything stored about it is filed under. */
export interface Account {
  apiKey: string;
  site: Site;
  keyId: string;
}

/** The saved key in use, as one account: what our pages, the schedule and the badge all work with. */
export interface ActiveAccount extends Account {
  key: SavedKey;
}

/** The account of a key sent in a request (another extension's own), filed under its fingerprint. */
export async function accountOf(apiKey: string, site: Site): Promise<Account> {
  return { apiKey, site, keyId: await keyFingerprint(apiKey, site) };
}

/** The active key as an account; null when none is saved or its session-only secret is gone. */
export async function activeAccount(): Promise<ActiveAccount | null> {
  const [keyring, sessionSecrets] = await Promise.all([keyringItem.get(), sessionSecretsItem.get()]);
  const key = activeKeyIn(keyring);
  const apiKey = key ? secretIn(key, sessionSecrets) : null;
  if (!key || !apiKey) return null;
  return { key, apiKey, site: key.site, keyId: await keyFingerprint(apiKey, key.site) };
}
