import { i18n } from '#i18n';
import { DEFAULT_LIST_ID, DEFAULT_LIST_NAME, type FavouriteList } from '@src/storage/favourite-lists';

/** The first list keeps its stored English name until renamed; show it in the UI language meanwhile. */
export function listDisplayName(list: FavouriteList): string {
  return list.id === DEFAULT_LIST_ID && list.name === DEFAULT_LIST_NAME ? i18n.t('ui.lists.defaultName') : list.name;
}
