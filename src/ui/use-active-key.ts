import { useEffect, useState } from 'react';
import { DEFAULT_SITE, type Site } from '@src/contract';
import { keyringItem, secretOf, sessionSecretsItem, type Keyring, type SavedKey } from '@src/storage/keyring';
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
  const [secret, setSecret] = useState<string | null>();
  const active = keyring?.keys.find((key) => key.id === keyring.activeId) ?? null;
  useEffect(() => {
    // Until the keyring has loaded, "no active key" is not known yet: saying null would flash the first-run guide.
    // `active` keeps its identity while the keyring is unchanged, so this runs only when the key or its secret may have.
    if (keyring === undefined) return;
    let live = true;
    if (!active) setSecret(null);
    else void secretOf(active).then((found) => live && setSecret(found));
    return () => {
      live = false;
    };
  }, [keyring, active, sessionSecrets]);
  if (keyring === undefined || sessionSecrets === undefined || secret === undefined) return undefined;
  return { keyring, active, secret, site: active?.site ?? DEFAULT_SITE };
}
