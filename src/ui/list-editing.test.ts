import { describe, expect, it } from 'vitest';
import type { FavouriteLists } from '@src/storage/favourite-lists';
import { addModel, deleteList, moveModel, newList, removeModel, renameList } from './list-editing';

const lists: FavouriteLists = {
  lists: [
    { id: 'coding', name: 'Coding', models: ['a/1', 'b/2', 'c/3'] },
    { id: 'vision', name: 'Vision', models: ['v/1'] },
  ],
  activeId: 'coding',
};

describe('list editing', () => {
  it('adds and removes a model in one list only', () => {
    expect(addModel(lists, 'vision', 'v/2').lists.map((list) => list.models)).toEqual([['a/1', 'b/2', 'c/3'], ['v/1', 'v/2']]);
    expect(removeModel(lists, 'coding', 'b/2').lists[0]?.models).toEqual(['a/1', 'c/3']);
  });

  it('adds a model already in the list only once, whatever the page showed when it asked', () => {
    expect(addModel(lists, 'coding', 'b/2')).toEqual(lists);
  });

  it('moves a model up and down, and not past either end', () => {
    expect(moveModel(lists, 'coding', 'b/2', -1).lists[0]?.models).toEqual(['b/2', 'a/1', 'c/3']);
    expect(moveModel(lists, 'coding', 'b/2', 1).lists[0]?.models).toEqual(['a/1', 'c/3', 'b/2']);
    expect(moveModel(lists, 'coding', 'a/1', -1)).toEqual(lists);
    expect(moveModel(lists, 'coding', 'c/3', 1)).toEqual(lists);
  });

  it('renames, creates and deletes lists, handing the active role on', () => {
    expect(renameList(lists, 'vision', '  Pictures ').lists[1]?.name).toBe('Pictures');
    expect(newList(lists, 'new', 'List 3').lists.map((list) => list.id)).toEqual(['coding', 'vision', 'new']);
    expect(deleteList(lists, 'coding')).toEqual({ lists: [lists.lists[1]], activeId: 'vision' });
    expect(deleteList(lists, 'vision').activeId).toBe('coding');
  });

  it('never deletes the last list', () => {
    const one: FavouriteLists = { lists: [lists.lists[0]!], activeId: 'coding' };
    expect(deleteList(one, 'coding')).toEqual(one);
  });
});
