import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../fake-modelscope/behaviours';
import { launchExtension, type ExtensionSession } from './harness';

const SPARE_KEY = `ms-${'1234'.repeat(8)}`;
const MINIMAX = 'MiniMax/MiniMax-M2.5';
const OPTIONS = { width: 900, height: 1400 };
const POPUP = { width: 600, height: 600 };

describe('the options page in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(() => session?.close());

  it('saves two keys and two lists, which the popup then switches between', async () => {
    const options = await session.openPage('options', OPTIONS);
    const keys = options.getByRole('region', { name: 'API keys' });
    await keys.getByLabel('API key', { exact: true }).fill(DEMO_KEY);
    await keys.getByLabel('Name for this key').fill('Work');
    await keys.getByRole('button', { name: 'Add key' }).click();
    await keys.getByLabel('API key', { exact: true }).fill(SPARE_KEY);
    await keys.getByLabel('Name for this key').fill('Spare');
    await keys.getByRole('button', { name: 'Add key' }).click();
    await expect.poll(() => keys.locator('table.keys').getByRole('radio').count()).toBe(2);

    const lists = options.getByRole('region', { name: 'Favourite lists' });
    await lists.getByRole('button', { name: 'New list' }).click();
    await expect.poll(() => lists.getByLabel('List name').inputValue()).toBe('List 2');
    await lists.getByLabel('List name').fill('Coding');
    await lists.getByLabel('List name').blur();
    await lists.getByPlaceholder('Add a model id').fill(MINIMAX);
    await lists.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => lists.getByRole('listitem').count()).toBe(1);
    // Said at once, from the provider list: whether it is served, and what a call costs.
    await expect.poll(() => lists.getByRole('listitem').textContent()).toMatch(/^MiniMax\/MiniMax-M2\.5lite · 0\.5 credits · read /);
    await session.screenshot(options, 'options-light-en');

    const popup = await session.openPage('popup', POPUP);
    await popup.getByLabel('List', { exact: true }).selectOption({ label: 'Coding' });
    await expect.poll(() => popup.getByRole('rowheader').allTextContents()).toEqual([MINIMAX]);
    // Priced by the list and never seen with quota headers, it costs nothing to Check: ↻ is what probes it.
    await popup.getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Nothing to probe: 1 model is known from the balance, free');
    await popup.getByRole('button', { name: `Re-check ${MINIMAX}` }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 1 model: 1 ok, 0 failed');
    await popup.getByLabel('Key', { exact: true }).selectOption({ label: 'Spare · modelscope.cn' });
    await popup.getByRole('button', { name: `Re-check ${MINIMAX}` }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 1 model: 1 ok, 0 failed');
    expect(session.fake.probes().map((probe) => probe.authorization)).toEqual([`Bearer ${DEMO_KEY}`, `Bearer ${SPARE_KEY}`]);
  });

  it('exports settings to a file and imports them back after a reset', async () => {
    const options = await session.openPage('options', OPTIONS);
    const transfer = options.getByRole('region', { name: 'Export, import, reset' });
    const [download] = await Promise.all([options.waitForEvent('download'), transfer.getByRole('button', { name: 'Export settings' }).click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^modelscope-quota-settings-\d{4}-\d\d-\d\d\.json$/);
    expect(text).not.toContain(DEMO_KEY);
    expect(text).toContain('Coding');

    options.once('dialog', (dialog) => void dialog.accept());
    await transfer.getByRole('button', { name: 'Reset settings to defaults' }).click();
    await expect.poll(() => transfer.getByRole('status').textContent()).toBe('Settings reset to defaults. Your API keys were kept.');
    await expect.poll(() => options.getByRole('region', { name: 'Favourite lists' }).getByRole('combobox').first().locator('option').allTextContents()).toEqual(['Favourites (5)']);

    await transfer.getByLabel('Import settings…').setInputFiles(path);
    await expect.poll(() => transfer.getByText('This file will change:').count()).toBe(1);
    await transfer.getByRole('button', { name: 'Apply import' }).click();
    await expect.poll(() => transfer.getByRole('status').textContent()).toBe('Imported.');
    await expect.poll(() => options.getByRole('region', { name: 'Favourite lists' }).getByRole('combobox').first().locator('option').allTextContents()).toEqual([
      'Favourites (5)',
      'Coding (1)',
    ]);
    expect(await options.evaluate(() => chrome.storage.local.get('keyring').then((all) => JSON.stringify(all)))).toContain(DEMO_KEY);
  });

  it('refuses a bad import file and changes nothing', async () => {
    const options = await session.openPage('options', OPTIONS);
    const before = await options.evaluate(() => chrome.storage.local.get(null));
    const transfer = options.getByRole('region', { name: 'Export, import, reset' });
    await transfer.getByLabel('Import settings…').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await expect.poll(() => transfer.getByRole('alert').textContent()).toBe(
      'This file cannot be imported, nothing was changed: the file is not valid JSON',
    );
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual(before);
  });

  it('repairs a corrupt setting alone, says so, and keeps everything else', async () => {
    const options = await session.openPage('options', OPTIONS);
    await options.evaluate(() => chrome.storage.local.set({ checkSettings: '{"concurrency": 1' }));
    await options.reload();
    await expect.poll(() => options.getByRole('alert').first().textContent()).toContain(
      'A stored setting could not be read and was reset to its default: checkSettings',
    );
    expect(await options.getByLabel('Probes at once').inputValue()).toBe('20');
    // The keys load on their own; poll rather than count before they arrive.
    await expect.poll(() => options.getByRole('region', { name: 'API keys' }).locator('table.keys').getByRole('radio').count()).toBe(2);
    const popup = await session.openPage('popup', POPUP);
    await popup.getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 1 model: 1 ok, 0 failed');
  });
});
