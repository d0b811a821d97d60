import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { CATALOGUE_IDS } from '@test/fake-modelscope/behaviours';
import { serveLocale } from '@test/support/i18n';
import { accountsItem } from '@src/account/record';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { addKey } from '@src/storage/keyring';
import { accountRecord } from '@test/support/account-record';
import { renderInOptions } from '@test/support/render-in-page';
import { offerEntry } from '@test/support/rows';
import { written } from '@test/support/written';
import { ListsSection } from './ListsSection';

const KEY = `ms-${'a'.repeat(32)}`;
/** The provider list as the fake background reads it for the refresh command. */
const LISTED = { 'a/one': offerEntry({ price: 1, tier: 'standard' }, Date.now()), 'ZhipuAI/GLM-4.7': offerEntry({ others: ['DashScope'] }, Date.now()) };
let refreshed: string[][];

beforeEach(async () => {
  refreshed = [];
  // Stands in for the background: the free catalogue, and the refresh that reads the offers of the models named.
  fakeBrowser.runtime.onMessage.addListener((message: { command?: string; models?: string[] }, _sender, sendResponse) => {
    if (message.command !== 'refresh') {
      sendResponse({ ok: true, message: 'catalogue', ids: [...CATALOGUE_IDS] });
      return true;
    }
    refreshed.push(message.models ?? []);
    void (async () => {
      const keyId = await keyFingerprint(KEY, 'cn');
      const offers = Object.fromEntries((message.models ?? []).flatMap((model) => (Object.hasOwn(LISTED, model) ? [[model, LISTED[model as keyof typeof LISTED]]] : [])));
      const before = (await accountsItem.get())[keyId] ?? accountRecord(Date.now());
      await accountsItem.set({ [keyId]: { ...before, offers: { ...before.offers, ...offers } } });
      sendResponse({ ok: true, message: '' });
    })();
    return true;
  });
  written(await favouriteListsItem.set({ lists: [{ id: 'coding', name: 'Coding', models: ['a/one'] }], activeId: 'coding' }));
});

describe('ListsSection', () => {
  it('says at once whether a model added is served, and what a call costs', async () => {
    written(await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' }));
    renderInOptions(<ListsSection />);
    expect(await screen.findByText('standard · 1 credit · read now')).toBeTruthy();
    await userEvent.type(await screen.findByPlaceholderText('Add a model id'), 'ZhipuAI/GLM-4.7');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    const said = await screen.findByText(/^API-Inference does not serve this model/);
    expect(said.closest('li')?.textContent).toContain('ZhipuAI/GLM-4.7');
    expect(said.textContent).toContain('DashScope serve it');
    expect(refreshed).toEqual([['a/one'], ['a/one', 'ZhipuAI/GLM-4.7']]);
  });


  it.each([
    ['en', 'List name', 'Not saved: a list needs a name'],
    ['zh_CN', '列表名称', '未保存：列表需要一个名称'],
  ] as const)('in %s, says in words that a cleared list name is not saved, and keeps the saved one', async (locale, field, sentence) => {
    await serveLocale(locale);
    renderInOptions(<ListsSection />);
    const name = await screen.findByLabelText(field);
    await expect.poll(() => (name as HTMLInputElement).value).toBe('Coding');
    await userEvent.clear(name);
    await userEvent.tab();
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect((await favouriteListsItem.get()).lists.map((list) => list.name)).toEqual(['Coding']);
  });

  it('follows a model another page added meanwhile, and does not add it twice', async () => {
    renderInOptions(<ListsSection />);
    await userEvent.type(await screen.findByPlaceholderText('Add a model id'), 'b/two');
    // Another page adds the same model after this one rendered.
    written(await favouriteListsItem.update((all) => ({ ...all, lists: [{ ...all.lists[0]!, models: ['a/one', 'b/two', 'c/three'] }] })));
    await screen.findByText('c/three');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('“b/two” is already in this list.');
    await expect.poll(async () => (await favouriteListsItem.get()).lists[0]?.models).toEqual(['a/one', 'b/two', 'c/three']);
  });
});
