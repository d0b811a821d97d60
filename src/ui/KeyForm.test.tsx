import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ApiKeySchema } from '@src/contract';
import { MAX_API_KEY_LENGTH } from '@src/contract/limits';
import { serveLocale } from '@test/support/i18n';
import { KeyForm } from './KeyForm';

const KEY = `ms-${'a'.repeat(32)}`;

function setup() {
  const onSubmit = vi.fn(async () => ({ ok: true as const, value: null }));
  render(<KeyForm defaultLabel="Key 1" submitLabel="Add key" onSubmit={onSubmit} />);
  return onSubmit;
}

// Messages are looked up by names made at run time here.
const getMessage = (name: string, substitutions: string[]) => (browser.i18n.getMessage as (name: string, substitutions: string[]) => string)(name, substitutions);
/** The sentence the page should show, from the locale files as the browser serves them. */
const refusal = (code: string, limit = '') => getMessage('ui_apiKeyInvalid', [getMessage(`reply_problem_${code}`, [limit])]);

/** A failed parse whose one issue has `message`: the schema's message as the contract engineer may leave it. */
const refusedWith = (message: string) => z.string().refine(() => false, message).safeParse(KEY);

afterEach(() => vi.restoreAllMocks());

describe('KeyForm', () => {
  it.each(['en', 'zh_CN'] as const)('in %s, says in words why a key with a space cannot be saved, and saves nothing', async (locale) => {
    await serveLocale(locale);
    const onSubmit = setup();
    await userEvent.type(screen.getByLabelText(locale === 'en' ? 'API key' : 'API 密钥'), 'ms-with space');
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(refusal('apiKeyBadCharacters'));
    expect(alert.textContent).toMatch(locale === 'en' ? /^This key cannot be saved: / : /^无法保存此密钥：/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('names the length limit from the constant that sets it', async () => {
    const onSubmit = setup();
    await userEvent.click(screen.getByLabelText('API key'));
    await userEvent.paste(`ms-${'a'.repeat(MAX_API_KEY_LENGTH)}`);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(refusal('apiKeyTooLong', String(MAX_API_KEY_LENGTH)));
    expect(alert.textContent).toContain(String(MAX_API_KEY_LENGTH));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('translates a schema message given as its code', async () => {
    vi.spyOn(ApiKeySchema, 'safeParse').mockReturnValue(refusedWith('apiKeyBlank'));
    setup();
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect((await screen.findByRole('alert')).textContent).toBe(refusal('apiKeyBlank'));
  });

  it('says only that the key cannot be saved for a message no contract schema gives', async () => {
    vi.spyOn(ApiKeySchema, 'safeParse').mockReturnValue(refusedWith('Invalid input'));
    const onSubmit = setup();
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This key cannot be saved.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('saves a good key with the suggested label when none is typed', async () => {
    const onSubmit = setup();
    await userEvent.clear(screen.getByLabelText('Name for this key'));
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(onSubmit).toHaveBeenCalledWith({ label: 'Key 1', secret: KEY, remember: true, site: 'cn' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
