import type { FavouriteList, FavouriteLists } from '@src/storage/favourite-lists';

/** Pure edits of the favourite lists; the caller saves the result through the validated item. */
function editList(all: FavouriteLists, listId: string, edit: (list: FavouriteList) => FavouriteList): FavouriteLists {
  return { ...all, lists: all.lists.map((list) => (list.id === listId ? edit(list) : list)) };
}

/** Adds a model at the end; one the list already holds (another page added it since) stays where it is. */
export function addModel(all: FavouriteLists, listId: string, model: string): FavouriteLists {
  return editList(all, listId, (list) => (list.models.includes(model) ? list : { ...list, models: [...list.models, model] }));
}

export function removeModel(all: FavouriteLists, listId: string, model: string): FavouriteLists {
  return editList(all, listId, (list) => ({ ...list, models: list.models.filter((id) => id !== model) }));
}

/** Moves a model one place up (-1) or down (+1); at either end it stays where it is. */
export function moveModel(all: FavouriteLists, listId: string, model: string, step: -1 | 1): FavouriteLists {
  return editList(all, listId, (list) => {
    const from = list.models.indexOf(model);
    const to = from + step;
    if (from < 0 || to < 0 || to >= list.models.length) return list;
    const models = [...list.models];
    [models[from], models[to]] = [models[to]!, models[from]!];
    return { ...list, models };
  });
}

export function renameList(all: FavouriteLists, listId: string, name: string): FavouriteLists {
  return editList(all, listId, (list) => ({ ...list, name: name.trim() }));
}

export function newList(all: FavouriteLists, id: string, name: string): FavouriteLists {
  return { ...all, lists: [...all.lists, { id, name, models: [] }] };
}

/** Deletes a list; the active role passes to the first remaining list. The last list cannot be deleted. */
export function deleteList(all: FavouriteLists, listId: string): FavouriteLists {
  const lists = all.lists.filter((list) => list.id !== listId);
  if (lists.length === 0) return all;
  return { lists, activeId: all.activeId === listId ? lists[0]!.id : all.activeId };
}
