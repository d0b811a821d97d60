import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OfferEntry } from '@src/account/offers';
import { accountsItem } from '@src/account/record';
import { MAX_MODELS_PER_REQUEST } from '@src/contract';
import type { ActiveAccountState } from './active-account';
import { ask, askedText } from './messaging';
import { useStoredValue } from './use-stored-value';

export interface Offers {
  /** What the provider list last said of each model, from the active account's record; a model not read is absent. */
  entries: Readonly<Record<string, OfferEntry>>;
  /** Why the latest read could not be asked for (no reply from the background…); null when it could. */
  problem: string | null;
  /** Reads the offers of `models`: those due, or every one when `now`. Free. */
  read: (models: readonly string[], now?: boolean) => Promise<void>;
}

/** Asks in chunks the command accepts, one after another: the background bounds its own concurrency. */
async function askOffers(models: readonly string[], offersNow: boolean): Promise<string | null> {
  for (let start = 0; start < models.length; start += MAX_MODELS_PER_REQUEST) {
    const asked = await ask({ command: 'refresh', models: models.slice(start, start + MAX_MODELS_PER_REQUEST), offersNow });
    if (!asked.ok || !asked.reply.ok) return askedText(asked);
  }
  return null;
}

const NONE: Readonly<Record<string, OfferEntry>> = {};

/**
 * The provider list's offers of the models a page shows, as kept in the active account's record, and a way to read
 * them again; those of `models` that are due are asked for when the page shows them. Needs a saved key: the offers
 * are kept with its account.
 */
export function useOffers(account: ActiveAccountState | undefined, models: readonly string[]): Offers {
  const [records] = useStoredValue(accountsItem);
  const [problem, setProblem] = useState<string | null>(null);
  const keyId = account?.keyId ?? null;
  const read = useCallback(
    async (asked: readonly string[], now = false) => {
      if (keyId !== null && asked.length > 0) setProblem(await askOffers(asked, now));
    },
    [keyId],
  );
  // As one string, so a new array of the same models asks nothing again.
  const listed = models.join('\n');
  useEffect(() => {
    if (listed !== '') void read(listed.split('\n'));
  }, [read, listed]);
  const entries = (keyId !== null ? records?.[keyId]?.offers : undefined) ?? NONE;
  return useMemo(() => ({ entries, problem, read }), [entries, problem, read]);
}
