import { favouriteListsItem } from './favourite-lists';
import { keyringItem } from './keyring';
import { updateTogether } from './validated-item';
import { decline, type WriteResult } from './write-result';

/** The active key and the active list change together, in one write. */
const KEY_AND_LISTS = { keyring: keyringItem, lists: favouriteListsItem };

/**
 * Makes a key the active one, and with it the list it was last used with (a key of the international site checks a
 * list of that site's models); a key with no list of its own, or whose list was deleted, keeps the active list. The
 * key switched away from remembers the active list, so switching back brings it back.
 */
export function switchToKey(id: string): Promise<WriteResult<unknown>> {
  return updateTogether(KEY_AND_LISTS, ({ keyring, lists }) => {
    const key = keyring.keys.find((saved) => saved.id === id);
    if (!key) return decline('keyGone');
    const listId = key.listId !== undefined && lists.lists.some((list) => list.id === key.listId) ? key.listId : lists.activeId;
    const keys = keyring.keys.map((saved) => (saved.id === keyring.activeId && saved.id !== id ? { ...saved, listId: lists.activeId } : saved));
    return { keyring: { keys, activeId: id }, lists: { ...lists, activeId: listId } };
  });
}

/** Makes a list the active one, remembered as the active key's list: `activate` false only ties it to `keyId`. */
export function chooseList(listId: string, keyId: string | null, activate = true): Promise<WriteResult<unknown>> {
  return updateTogether(KEY_AND_LISTS, ({ keyring, lists }) => {
    if (!lists.lists.some((list) => list.id === listId)) return decline('listGone');
    const keys = keyring.keys.map((key) => (key.id === keyId ? { ...key, listId } : key));
    return { keyring: { ...keyring, keys }, lists: activate ? { ...lists, activeId: listId } : lists };
  });
}
