import { z } from 'zod/mini';
import { MAX_MODELS_PER_REQUEST, ModelIdSchema } from '@src/contract';
import { DEFAULT_FAVOURITES } from './default-models';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

export const MAX_LISTS = 20;
export const MAX_LIST_NAME_LENGTH = 40;

export const FavouriteListSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1, 'listNameBlank'), z.maxLength(MAX_LIST_NAME_LENGTH, 'listNameTooLong')),
  models: z.array(ModelIdSchema).check(z.maxLength(MAX_MODELS_PER_REQUEST, 'listTooManyModels')),
});
export type FavouriteList = z.infer<typeof FavouriteListSchema>;

export const FavouriteListsSchema = z
  .object({
    lists: z.array(FavouriteListSchema).check(z.minLength(1), z.maxLength(MAX_LISTS)),
    activeId: z.string(),
  })
  .check(
    z.refine(({ lists, activeId }) => lists.some((list) => list.id === activeId), 'activeListMissing'),
    z.refine(({ lists }) => new Set(lists.map((list) => list.id)).size === lists.length, 'listIdsRepeat'),
  );
export type FavouriteLists = z.infer<typeof FavouriteListsSchema>;

export const DEFAULT_LIST_ID = 'list-1';
export const DEFAULT_LIST_NAME = 'Favourites';
export const DEFAULT_FAVOURITE_LISTS: FavouriteLists = {
  lists: [{ id: DEFAULT_LIST_ID, name: DEFAULT_LIST_NAME, models: DEFAULT_FAVOURITES }],
  activeId: DEFAULT_LIST_ID,
};

export const favouriteListsItem = defineValidatedItem(STORAGE_KEYS.favouriteLists, FavouriteListsSchema, DEFAULT_FAVOURITE_LISTS);

export function activeList(lists: FavouriteLists): FavouriteList {
  // The schema guarantees the active list exists.
  return lists.lists.find((list) => list.id === lists.activeId) ?? lists.lists[0]!;
}

export async function activeFavourites(): Promise<string[]> {
  return activeList(await favouriteListsItem.get()).models;
}
