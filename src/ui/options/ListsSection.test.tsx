import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { CATALOGUE_IDS } from '@test/fake-modelscope/behaviours';
import { serveLocale } from '@test/support/i18n';
import { written } from '@test/support/written';
import { ListsSection } from './ListsSection';

beforeEach(async () => {
  // Stands in for the background's free `models` message.
  fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
    sendResponse({ success: true, data: [...CATALOGUE_IDS], message: 'catalogue' });
    return true;
  });
  written(await favouriteListsItem.set({ lists: [{ id: 'coding', name: 'Coding', models: ['a/one'] }], activeId: 'coding' }));
});

describe('ListsSection', () => {
  it.each([
    ['en', 'List name', 'Not saved: a list needs a name'],
    ['zh_CN', '列表名称', '未保存：列表需要一个名称'],
  ] as const)('in %s, says in words that a cleared list name is not saved, and keeps the saved one', async (locale, field, sentence) => {
    await serveLocale(locale);
    render(<ListsSection />);
    const name = await screen.findByLabelText(field);
    await expect.poll(() => (name as HTMLInputElement).value).toBe('Coding');
    await userEvent.clear(name);
    await userEvent.tab();
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect((await favouriteListsItem.get()).lists.map((list) => list.name)).toEqual(['Coding']);
  });

  it('follows a model another page added meanwhile, and does not add it twice', async () => {
    render(<ListsSection />);
    await userEvent.type(await screen.findByPlaceholderText('Add a model id'), 'b/two');
    // Another page adds the same model after this one rendered.
    written(await favouriteListsItem.update((all) => ({ ...all, lists: [{ ...all.lists[0]!, models: ['a/one', 'b/two', 'c/three'] }] })));
    await screen.findByText('c/three');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('“b/two” is already in this list.');
    await expect.poll(async () => (await favouriteListsItem.get()).lists[0]?.models).toEqual(['a/one', 'b/two', 'c/three']);
  });
});
