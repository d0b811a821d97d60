import { i18n } from '#i18n';
import { DEFAULT_SITE, type Site } from '@src/contract';
import { defaultFavourites } from '@src/storage/default-models';
import { favouriteListsItem, MAX_LISTS } from '@src/storage/favourite-lists';
import { chooseList } from '@src/storage/key-lists';
import { addKey, keyringItem, setActiveKey, type NewKey, type SavedKey } from '@src/storage/keyring';
import type { WriteResult } from '@src/storage/write-result';
import { ask } from './messaging';

/**
 * A first list for a site other than the China one: its defaults that the site's free catalogue lists (the first of
 * the catalogue when none is), or the defaults alone when the catalogue cannot be read. Gives the list's id (an
 * existing one of the same name), or null when there is no room for it.
 */
async function addSiteList(site: Site): Promise<string | null> {
  const asked = await ask({ command: 'catalogue', site });
  const catalogue = asked.ok ? (asked.reply.ids ?? null) : null;
  const listed = catalogue && defaultFavourites(site).filter((model) => catalogue.includes(model));
  const models = catalogue === null ? defaultFavourites(site) : listed?.length ? listed : catalogue.slice(0, 4);
  const id = `list-${crypto.randomUUID().slice(0, 8)}`;
  const name = i18n.t(`ui.lists.siteListName.${site}`);
  // One such list: a key of the site added again later finds it (the user may have changed its models since).
  const saved = await favouriteListsItem.update((all) =>
    all.lists.length >= MAX_LISTS || all.lists.some((list) => list.name === name) ? all : { ...all, lists: [...all.lists, { id, name, models }] },
  );
  return saved.ok ? (saved.value.lists.find((list) => list.name === name)?.id ?? null) : null;
}

/**
 * Saves a key (the active one when `activate`, or when it is the first). The first key of the international site
 * brings a list of that site's models as its own list, since the China site's defaults may not be served there.
 */
export async function addKeyWithSiteList(key: NewKey, { activate }: { activate: boolean }): Promise<WriteResult<SavedKey>> {
  const firstOfSite = !(await keyringItem.get()).keys.some((saved) => saved.site === key.site);
  const saved = await addKey(key);
  if (!saved.ok) return saved;
  if (activate) {
    const active = await setActiveKey(saved.value.id);
    if (!active.ok) return active;
  }
  const listId = firstOfSite && key.site !== DEFAULT_SITE ? await addSiteList(key.site) : null;
  if (listId !== null) {
    const active = (await keyringItem.get()).activeId === saved.value.id;
    const tied = await chooseList(listId, saved.value.id, active);
    if (!tied.ok) return tied;
  }
  return saved;
}
