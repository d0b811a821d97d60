import { useEffect, useState } from 'react';
import type { Site } from '@src/contract';
import { accountPicturesItem, type AccountPictureRecord } from '@src/storage/account-pictures';
import { followItemForKey } from './follow-stored';

/**
 * The stored account picture (ledger, grants, tier prices, rules) of one key, kept in step with storage: null when
 * none was read yet or there is no key, undefined while loading.
 */
export function useAccountPicture(apiKey: string | null | undefined, site: Site): AccountPictureRecord | null | undefined {
  const [picture, setPicture] = useState<AccountPictureRecord | null>();
  useEffect(() => {
    if (apiKey === undefined) return;
    setPicture(apiKey === null ? null : undefined);
    if (apiKey === null) return;
    return followItemForKey(apiKey, site, accountPicturesItem, (all, keyId) => setPicture(all[keyId] ?? null));
  }, [apiKey, site]);
  return picture;
}
