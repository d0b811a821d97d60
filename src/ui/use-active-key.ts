import { keyringItem, sessionSecretsItem } from '@src/storage/keyring';
import { activeKeyOf, type ActiveKeyState } from './active-key-of';
import { useStoredValue } from './use-stored-value';

/** The keyring and the active key's secret, kept in step with storage. */
export function useActiveKey(): ActiveKeyState | undefined {
  const [keyring] = useStoredValue(keyringItem);
  const [sessionSecrets] = useStoredValue(sessionSecretsItem);
  // Until both have loaded, "no active key" is not known yet: saying null would flash the first-run guide.
  if (keyring === undefined || sessionSecrets === undefined) return undefined;
  return activeKeyOf(keyring, sessionSecrets);
}
