import { DEFAULT_SITE, type Site } from '@src/contract';
import { keyringItem, sessionSecretsItem, type Keyring, type SavedKey } from '@src/storage/keyring';
import { useStoredValue } from './use-stored-value';

export interface ActiveKeyState {
  keyring: Keyring;
  active: SavedKey | null;
  /** The active key's secret; null when there is none, or a session-only one was forgotten with the browser. */
  secret: string | null;
  /** The active key's site (the China site while no key is active). */
  site: Site;
}

/** The keyring and the active key's secret, kept in step with storage. */
export function useActiveKey(): ActiveKeyState | undefined {
  const [keyring] = useStoredValue(keyringItem);
  const [sessionSecrets] = useStoredValue(sessionSecretsItem);
  // Until both have loaded, "no active key" is not known yet: saying null would flash the first-run guide.
  if (keyring === undefined || sessionSecrets === undefined) return undefined;
  const active = keyring.keys.find((key) => key.id === keyring.activeId) ?? null;
  // Both stores are at hand: the secret is there, with no read of its own (secretOf's rule).
  const secret = active ? (active.secret ?? sessionSecrets[active.id] ?? null) : null;
  return { keyring, active, secret, site: active?.site ?? DEFAULT_SITE };
}
