import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { written } from '@test/support/written';
import { favouriteListsItem } from './favourite-lists';
import { chooseList, switchToKey } from './key-lists';
import { addKey, keyringItem } from './keyring';

const CN_KEY = `ms-${'1'.repeat(32)}`;
const AI_KEY = `ms-${'2'.repeat(32)}`;

beforeEach(() => fakeBrowser.reset());

async function twoKeysTwoLists() {
  const china = written(await addKey({ label: 'China', secret: CN_KEY, remember: true, site: 'cn' }));
  const intl = written(await addKey({ label: 'Intl', secret: AI_KEY, remember: true, site: 'ai' }));
  written(await favouriteListsItem.update((all) => ({ ...all, lists: [...all.lists, { id: 'intl-list', name: 'Intl', models: ['a/b'] }] })));
  return { china, intl };
}

describe('each key keeps its own list', () => {
  it('brings back the list a key was last used with when it is switched to, and the other key’s when switched back', async () => {
    const { china, intl } = await twoKeysTwoLists();
    written(await chooseList('intl-list', intl.id, false));
    expect((await favouriteListsItem.get()).activeId).toBe('list-1');

    written(await switchToKey(intl.id));
    expect(await favouriteListsItem.get()).toMatchObject({ activeId: 'intl-list' });
    expect((await keyringItem.get()).activeId).toBe(intl.id);

    written(await switchToKey(china.id));
    expect((await favouriteListsItem.get()).activeId).toBe('list-1');
  });

  it('keeps the active list for a key whose list was deleted since, and refuses a key that is gone', async () => {
    const { intl } = await twoKeysTwoLists();
    written(await chooseList('intl-list', intl.id, false));
    written(await favouriteListsItem.update((all) => ({ ...all, lists: all.lists.filter((list) => list.id !== 'intl-list') })));
    written(await switchToKey(intl.id));
    expect((await favouriteListsItem.get()).activeId).toBe('list-1');
    expect(await switchToKey('key-gone')).toMatchObject({ ok: false, problem: { issue: 'keyGone' } });
    expect(await chooseList('no-such-list', intl.id)).toMatchObject({ ok: false, problem: { issue: 'listGone' } });
  });
});
