import { favouriteListsItem } from '@src/storage/favourite-lists';

/** Replaces the models of the active list through the validated item, keeping every other list as it is. */
export async function setActiveListModels(models: string[]): Promise<void> {
  const all = await favouriteListsItem.get();
  await favouriteListsItem.set({
    ...all,
    lists: all.lists.map((list) => (list.id === all.activeId ? { ...list, models } : list)),
  });
}
