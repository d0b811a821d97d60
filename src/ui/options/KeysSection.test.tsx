import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { addKey, keyringItem } from '@src/storage/keyring';
import { serveLocale } from '@test/support/i18n';
import { written } from '@test/support/written';
import { KeysSection } from './KeysSection';

const KEY = `ms-${'a'.repeat(32)}`;

beforeEach(async () => {
  written(await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' }));
});

describe('KeysSection', () => {
  it.each([
    ['en', 'Rename Main', 'Not saved: a key needs a label'],
    ['zh_CN', '重命名 Main', '未保存：密钥需要一个名称'],
  ] as const)('in %s, says in words that a cleared label is not saved, and keeps the saved one', async (locale, field, sentence) => {
    await serveLocale(locale);
    render(<KeysSection />);
    await userEvent.clear(await screen.findByLabelText(field));
    await userEvent.tab();
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect((await keyringItem.get()).keys.map((key) => key.label)).toEqual(['Main']);
  });

  it('saves a new label, trimmed, and clears the problem it showed before', async () => {
    render(<KeysSection />);
    const field = await screen.findByLabelText('Rename Main');
    await userEvent.clear(field);
    await userEvent.tab();
    expect(await screen.findByRole('alert')).toBeTruthy();
    await userEvent.type(field, '  Work ');
    await userEvent.tab();
    await expect.poll(async () => (await keyringItem.get()).keys.map((key) => key.label)).toEqual(['Work']);
    expect(screen.queryByRole('alert')).toBeNull();
    // The field takes the stored label back on the render after the one that renamed it.
    await expect.poll(() => (screen.getByLabelText('Rename Work') as HTMLInputElement).value).toBe('Work');
  });
});
