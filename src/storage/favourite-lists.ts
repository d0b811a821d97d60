import { z } from 'zod';
import { MAX_MODELS_PER_REQUEST, ModelIdSchema } from '@src/contract';
import { DEFAULT_FAVOURITES } from './default-models';
import { defineValidatedItem } from './validated-item';

export const MAX_LISTS = 20;

export const FavouriteListSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'a list needs a name').max(40, 'a list name is at most 40 characters'),
  models: z.array(ModelIdSchema).max(MAX_MODELS_PER_REQUEST, `a list holds at most ${MAX_MODELS_PER_REQUEST} models`),
});
export type FavouriteList = z.infer<typeof FavouriteListSchema>;

export const FavouriteListsSchema = z
  .object({
    lists: z.array(FavouriteListSchema).min(1).max(MAX_LISTS),
    activeId: z.string(),
  })
  .refine(({ lists, activeId }) => lists.some((list) => list.id === activeId), 'the active list must exist')
  .refine(({ lists }) => new Set(lists.map((list) => list.id)).size === lists.length, 'list ids must be unique');
export type FavouriteLists = z.infer<typeof FavouriteListsSchema>;

export const DEFAULT_LIST_ID = 'list-1';
export const DEFAULT_LIST_NAME = 'Favourites';
export const DEFAULT_FAVOURITE_LISTS: FavouriteLists = {
  lists: [{ id: DEFAULT_LIST_ID, name: DEFAULT_LIST_NAME, models: DEFAULT_FAVOURITES }],
  activeId: DEFAULT_LIST_ID,
};

export const favouriteListsItem = defineValidatedItem('local:favouriteLists', FavouriteListsSchema, DEFAULT_FAVOURITE_LISTS);

export function activeList(lists: FavouriteLists): FavouriteList {
  // The schema guarantees the active list exists.
  return lists.lists.find((list) => list.id === lists.activeId) ?? lists.lists[0]!;
}

export async function activeFavourites(): Promise<string[]> {
  return activeList(await favouriteListsItem.get()).models;
}
