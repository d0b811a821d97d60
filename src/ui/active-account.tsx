import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_SITE, type Site } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { activeKeyIn, keyringItem, secretIn, sessionSecretsItem, type Keyring, type SavedKey } from '@src/storage/keyring';
import { seededFingerprint } from './first-paint';
import { useStoredValue } from './use-stored-value';

/** The saved keys and the one in use, worked out once for the whole page. */
export interface ActiveAccountState {
  keyring: Keyring;
  key: SavedKey | null;
  /** The active key's secret; null when there is none, or a session-only one was forgotten with the browser. */
  secret: string | null;
  /** The active key's site (the China site while no key is active). */
  site: Site;
  /** What everything stored about the key is filed under; null without a secret. */
  keyId: string | null;
}

const ActiveAccountContext = createContext<ActiveAccountState | undefined>(undefined);

/** The fingerprint of a secret on a site, once known: never another key's while a new one is worked out. */
function useFingerprint(secret: string | null | undefined, site: Site): string | null | undefined {
  const named = secret ? `${site}\n${secret}` : null;
  const [known, setKnown] = useState<{ of: string; id: string } | null>(() => {
    const seeded = secret ? seededFingerprint(secret, site) : undefined;
    return named !== null && seeded !== undefined ? { of: named, id: seeded } : null;
  });
  useEffect(() => {
    if (!secret) return;
    let live = true;
    const of = `${site}\n${secret}`;
    void keyFingerprint(secret, site).then((id) => live && setKnown((current) => (current?.of === of && current.id === id ? current : { of, id })));
    return () => {
      live = false;
    };
  }, [secret, site]);
  if (secret === undefined) return undefined;
  if (secret === null) return null;
  return known?.of === named ? known.id : undefined;
}

/**
 * Provides the active account to the tree: the keyring, the key in use, its secret, site and fingerprint, each worked
 * out once here. Undefined until all of it is known, so no page shows "no key" or another key's figures meanwhile.
 */
export function ActiveAccountProvider({ children }: { children: ReactNode }) {
  const [keyring] = useStoredValue(keyringItem);
  const [sessionSecrets] = useStoredValue(sessionSecretsItem);
  const key = keyring ? activeKeyIn(keyring) : null;
  const secret = keyring === undefined || sessionSecrets === undefined ? undefined : key ? secretIn(key, sessionSecrets) : null;
  const site = key?.site ?? DEFAULT_SITE;
  const keyId = useFingerprint(secret, site);
  const state = useMemo(
    () => (keyring === undefined || secret === undefined || keyId === undefined ? undefined : { keyring, key, secret, site, keyId }),
    [keyring, key, secret, site, keyId],
  );
  return <ActiveAccountContext.Provider value={state}>{children}</ActiveAccountContext.Provider>;
}

/** The active account of the page; undefined while it loads. */
export function useActiveAccount(): ActiveAccountState | undefined {
  return useContext(ActiveAccountContext);
}
