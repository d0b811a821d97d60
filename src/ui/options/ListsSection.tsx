import { i18n } from '#i18n';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { useCatalogue } from '../use-catalogue';
import { useActiveAccount } from '../active-account';
import { useNow } from '../use-now';
import { useListedOffers } from '../listed-offers';
import { useStoredValue } from '../use-stored-value';
import { ListsEditor } from './ListsEditor';

/** The favourite lists, with the active key's site's catalogue to suggest and check ids against, and each model's offer. */
export function ListsSection() {
  const [lists, updateLists] = useStoredValue(favouriteListsItem);
  const account = useActiveAccount();
  const catalogue = useCatalogue(account?.site);
  const now = useNow();
  // Each model's offer, read when due; a model just added is read at once, so its row says whether it can be called.
  const offers = useListedOffers();
  if (!lists) return null;
  return (
    <section id="lists" aria-labelledby="lists-title">
      <h2 id="lists-title">{i18n.t('ui.nav.lists')}</h2>
      <ListsEditor lists={lists} catalogue={catalogue} onChange={updateLists} offers={account?.keyId ? offers.entries : null} now={now} />
    </section>
  );
}
