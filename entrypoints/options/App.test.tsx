import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATALOGUE_IDS } from '@test/fake-modelscope/behaviours';
import { checkSettingsItem } from '@src/storage/check-settings';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { scheduleItem } from '@src/storage/schedule';
import { activeApiKey, addKey, keyringItem } from '@src/storage/keyring';
import { App } from './App';

const KEY = `ms-${'a'.repeat(32)}`;
const SPARE = `ms-${'b'.repeat(32)}`;

let commands: Array<{ command: string }>;
beforeEach(() => {
  commands = [];
  // Stands in for the background: its free catalogue command, and the refresh that reads the listed models' offers.
  fakeBrowser.runtime.onMessage.addListener((message: { command: string }, _sender, sendResponse) => {
    commands.push(message);
    sendResponse(message.command === 'catalogue' ? { ok: true, message: 'catalogue', ids: [...CATALOGUE_IDS] } : { ok: true, message: '' });
    return true;
  });
});

describe('options: the listed models’ offers', () => {
  it('are asked for once for the whole page, though the lists and the prices both show them', async () => {
    await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' });
    render(<App />);
    await screen.findByRole('region', { name: 'Model prices' });
    await expect.poll(() => commands.filter((message) => message.command === 'refresh')).toHaveLength(1);
    expect(commands.find((message) => message.command === 'refresh')).toEqual({
      command: 'refresh',
      models: (await favouriteListsItem.get()).lists[0]!.models,
      offersNow: false,
    });
  });
});

describe('options: keys', () => {
  it('adds labelled keys, masks them with a reveal button, switches and removes them', async () => {
    render(<App />);
    const keys = await screen.findByRole('region', { name: 'API keys' });
    await userEvent.type(within(keys).getByLabelText('API key'), KEY);
    await userEvent.click(within(keys).getByRole('button', { name: 'Add key' }));
    await userEvent.clear(within(keys).getByLabelText('Name for this key'));
    await userEvent.type(within(keys).getByLabelText('Name for this key'), 'Spare');
    await userEvent.type(within(keys).getByLabelText('API key'), SPARE);
    await userEvent.click(within(keys).getByLabelText('Remember this key after the browser closes'));
    await userEvent.click(within(keys).getByRole('button', { name: 'Add key' }));

    expect(await within(keys).findByText('ms-••••bbbb')).toBeTruthy();
    expect(within(keys).queryByText(SPARE)).toBeNull();
    expect(within(keys).getByText('this session only')).toBeTruthy();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SPARE);

    await userEvent.click(within(keys).getAllByRole('button', { name: 'Show' })[1]!);
    expect(within(keys).getByText(SPARE, { exact: false })).toBeTruthy();

    expect(await activeApiKey()).toBe(KEY);
    await userEvent.click(within(keys).getByRole('radio', { name: 'Use Spare' }));
    await expect.poll(() => activeApiKey()).toBe(SPARE);
    await userEvent.click(within(keys).getByRole('button', { name: 'Remove Spare' }));
    await expect.poll(async () => (await keyringItem.get()).keys.length).toBe(1);
    expect(await activeApiKey()).toBe(KEY);
  });

  it('refuses a malformed key and saves nothing', async () => {
    render(<App />);
    const keys = await screen.findByRole('region', { name: 'API keys' });
    await userEvent.type(within(keys).getByLabelText('API key'), 'ms-with space');
    await userEvent.click(within(keys).getByRole('button', { name: 'Add key' }));
    expect(within(keys).getByRole('alert').textContent).toMatch(/^This key cannot be saved/);
    expect((await keyringItem.get()).keys).toEqual([]);
  });
});

describe('options: favourite lists', () => {
  beforeEach(() => addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' }));

  it('adds ids checked as owner/name before any quota is spent, reorders and removes them', async () => {
    render(<App />);
    const lists = await screen.findByRole('region', { name: 'Favourite lists' });
    const input = within(lists).getByPlaceholderText('Add a model id');
    await userEvent.type(input, 'GLM-4.7{Enter}');
    expect(within(lists).getByRole('alert').textContent).toBe(
      'Model ids look like owner/name (for example ZhipuAI/GLM-4.7): “GLM-4.7” does not.',
    );
    await userEvent.clear(input);
    await userEvent.type(input, 'MiniMax/MiniMax-M2.5, someone/unknown-model{Enter}');
    expect(await within(lists).findByRole('status')).toHaveProperty(
      'textContent',
      '“someone/unknown-model” is not in ModelScope’s current catalogue; check the spelling. It was added anyway.',
    );
    const models = () => favouriteListsItem.get().then((all) => all.lists[0]?.models);
    expect((await models())?.slice(-2)).toEqual(['MiniMax/MiniMax-M2.5', 'someone/unknown-model']);

    await userEvent.click(within(lists).getByRole('button', { name: 'Move MiniMax/MiniMax-M2.5 up' }));
    await expect.poll(async () => (await models())?.at(-3)).toBe('MiniMax/MiniMax-M2.5');
    await userEvent.click(within(lists).getByRole('button', { name: 'Remove someone/unknown-model' }));
    await expect.poll(async () => (await models())?.includes('someone/unknown-model')).toBe(false);
  });

  it('creates, renames, activates and deletes named lists', async () => {
    render(<App />);
    const lists = await screen.findByRole('region', { name: 'Favourite lists' });
    await userEvent.click(within(lists).getByRole('button', { name: 'New list' }));
    const name = within(lists).getByLabelText('List name');
    await expect.poll(() => (name as HTMLInputElement).value).toBe('List 2');
    await userEvent.clear(name);
    await userEvent.type(name, 'Vision');
    await userEvent.tab();
    await userEvent.click(within(lists).getByRole('button', { name: 'Use this list' }));
    await expect.poll(async () => {
      const all = await favouriteListsItem.get();
      return all.lists.find((list) => list.id === all.activeId)?.name;
    }).toBe('Vision');
    await userEvent.click(within(lists).getByRole('button', { name: 'Delete this list' }));
    await expect.poll(async () => (await favouriteListsItem.get()).lists.map((list) => list.name)).toEqual(['Favourites']);
  });
});

describe('options: schedule', () => {
  it('says what a schedule costs before it is turned on, and saves it', async () => {
    render(<App />);
    const interval = await screen.findByLabelText('Check the active list automatically');
    await userEvent.selectOptions(interval, '60');
    expect(screen.getByText(/^5 models every 60 min: up to 120 calls a day/)).toBeTruthy();
    await userEvent.click(within(interval.closest('form')!).getAllByRole('button', { name: 'Save' })[0]!);
    await expect.poll(async () => (await scheduleItem.get()).checkEveryMinutes).toBe(60);
  });
});

describe('options: check settings', () => {
  it('saves settings in range', async () => {
    render(<App />);
    const field = await screen.findByLabelText('Probes at once');
    await userEvent.clear(field);
    await userEvent.type(field, '5');
    await userEvent.click(within(field.closest('form')!).getByRole('button', { name: 'Save' }));
    await expect.poll(async () => (await checkSettingsItem.get()).concurrency).toBe(5);
  });
});
