import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { useActiveAccount } from './active-account';
import { useOffers, type Offers } from './use-offers';
import { useStoredValue } from './use-stored-value';

/** The models of every favourite list, each once, and what the provider list says of them. */
export interface ListedOffers extends Offers {
  /** Undefined while the lists load. */
  models: readonly string[] | undefined;
}

const ListedOffersContext = createContext<ListedOffers | undefined>(undefined);

/**
 * Provides the offers of every listed model to a page whose sections show them (Options: the lists and the prices),
 * asked for once for the whole page rather than once a section; a model added to a list is asked for at once.
 */
export function ListedOffersProvider({ children }: { children: ReactNode }) {
  const account = useActiveAccount();
  const [lists] = useStoredValue(favouriteListsItem);
  const models = useMemo(() => lists && [...new Set(lists.lists.flatMap((list) => list.models))], [lists]);
  const offers = useOffers(account, models ?? []);
  const value = useMemo(() => ({ ...offers, models }), [offers, models]);
  return <ListedOffersContext.Provider value={value}>{children}</ListedOffersContext.Provider>;
}

/** The listed models' offers, from the page's ListedOffersProvider. */
export function useListedOffers(): ListedOffers {
  const offers = useContext(ListedOffersContext);
  if (offers === undefined) throw new Error('useListedOffers needs a ListedOffersProvider above it');
  return offers;
}
