import { DEFAULT_SITE, type Site } from '@src/contract';
import { activeKeyIn, secretIn, type Keyring, type SavedKey } from '@src/storage/keyring';

export interface ActiveKeyState {
  keyring: Keyring;
  active: SavedKey | null;
  /** The active key's secret; null when there is none, or a session-only one was forgotten with the browser. */
  secret: string | null;
  /** The active key's site (the China site while no key is active). */
  site: Site;
}

/** The active key of a keyring, with its secret from wherever it is kept (both stores at hand, so no read of its own). */
export function activeKeyOf(keyring: Keyring, sessionSecrets: Record<string, string>): ActiveKeyState {
  const active = activeKeyIn(keyring);
  const secret = active ? secretIn(active, sessionSecrets) : null;
  return { keyring, active, secret, site: active?.site ?? DEFAULT_SITE };
}
