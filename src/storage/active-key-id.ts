import { keyFingerprint } from '@src/lib/key-fingerprint';
import { activeKey, secretOf, type SavedKey } from './keyring';

export interface ActiveKeyWithId {
  key: SavedKey;
  secret: string;
  /** What everything stored per key (and site) is filed under, instead of the key. */
  keyId: string;
}

/** The active key, its secret and fingerprint; null when none is saved or its session-only secret is gone. */
export async function activeKeyWithId(): Promise<ActiveKeyWithId | null> {
  const key = await activeKey();
  const secret = key ? await secretOf(key) : null;
  return key && secret ? { key, secret, keyId: await keyFingerprint(secret, key.site) } : null;
}
