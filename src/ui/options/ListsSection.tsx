import { i18n } from '#i18n';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { useCatalogue } from '../use-catalogue';
import { useActiveAccount } from '../active-account';
import { useStoredValue } from '../use-stored-value';
import { ListsEditor } from './ListsEditor';

/** The favourite lists, with the active key's site's catalogue to suggest and check ids against. */
export function ListsSection() {
  const [lists, updateLists] = useStoredValue(favouriteListsItem);
  const catalogue = useCatalogue(useActiveAccount()?.site);
  if (!lists) return null;
  return (
    <section id="lists" aria-labelledby="lists-title">
      <h2 id="lists-title">{i18n.t('ui.nav.lists')}</h2>
      <ListsEditor lists={lists} catalogue={catalogue} onChange={updateLists} />
    </section>
  );
}
