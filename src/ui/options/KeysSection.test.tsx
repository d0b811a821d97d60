import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { addKey, keyringItem } from '@src/storage/keyring';
import { requestHostAccess } from '@src/lib/host-access';
import { siteHostPatterns } from '@src/modelscope/endpoints';
import { fakePermissions } from '@test/support/fake-permissions';
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

describe('KeysSection: keys of the international site', () => {
  const AI_KEY = `ms-${'b'.repeat(32)}`;
  const AI_HOST = 'https://api-inference.modelscope.ai/*';

  it('shows each key’s site, and gives the international hosts back when its last key is removed', async () => {
    await requestHostAccess(siteHostPatterns('ai'));
    written(await addKey({ label: 'Intl A', secret: AI_KEY, remember: true, site: 'ai' }));
    written(await addKey({ label: 'Intl B', secret: `ms-${'c'.repeat(32)}`, remember: true, site: 'ai' }));
    render(<KeysSection />);
    const row = (label: string) => screen.getByLabelText(`Rename ${label}`).closest('tr')!;
    await screen.findByLabelText('Rename Intl A');
    expect(row('Main').textContent).toContain('modelscope.cn');
    expect(row('Intl A').textContent).toContain('modelscope.ai');

    await userEvent.click(screen.getByRole('button', { name: 'Remove Intl A' }));
    await expect.poll(async () => (await keyringItem.get()).keys.length).toBe(2);
    expect(fakePermissions.granted()).toContain(AI_HOST);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Intl B' }));
    await expect.poll(() => fakePermissions.granted()).not.toContain(AI_HOST);
    expect(fakePermissions.granted()).toEqual(siteHostPatterns('cn').sort());
  });

  it('says when the browser no longer lets it reach a key’s site, and asks again on a click', async () => {
    written(await addKey({ label: 'Intl', secret: AI_KEY, remember: true, site: 'ai' }));
    render(<KeysSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Allow access to modelscope.ai' }));
    expect(fakePermissions.requests).toEqual([siteHostPatterns('ai')]);
    await expect.poll(() => screen.queryByRole('button', { name: 'Allow access to modelscope.ai' })).toBeNull();
  });
});
