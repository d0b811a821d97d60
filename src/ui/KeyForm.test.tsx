import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { ApiKeySchema } from '@src/contract';
import { MAX_API_KEY_LENGTH } from '@src/contract/limits';
import { serveLocale } from '@test/support/i18n';
import { fakePermissions } from '@test/support/fake-permissions';
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
const refusedWith = (message: string) => z.string().check(z.refine(() => false, message)).safeParse(KEY);

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

describe('KeyForm: which site the key belongs to', () => {
  const AI_HOSTS = ['https://api-inference.modelscope.ai/*', 'https://www.modelscope.ai/*', 'https://modelscope.ai/*'];

  it('saves a China-site key by default with no prompt (its hosts come with the install), and links its token page', async () => {
    // Were the browser to show a prompt, this user would refuse it.
    fakePermissions.answer = false;
    const onSubmit = setup();
    expect(screen.getByRole('link', { name: 'modelscope.cn/my/myaccesstoken' }).getAttribute('href')).toBe('https://modelscope.cn/my/myaccesstoken');
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ site: 'cn' }));
  });

  it('asks the browser for the international hosts, and saves the key as the international site’s once allowed', async () => {
    const onSubmit = setup();
    await userEvent.click(screen.getByLabelText('International site (modelscope.ai)'));
    expect(screen.getByRole('link', { name: 'modelscope.ai/my/myaccesstoken' }).getAttribute('href')).toBe('https://modelscope.ai/my/myaccesstoken');
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(fakePermissions.requests).toEqual([AI_HOSTS]);
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ site: 'ai', secret: KEY }));
  });

  it.each([
    ['en', 'International site (modelscope.ai)', 'API key', 'Not saved: the browser did not allow ModelScope Quota to reach modelscope.ai.'],
    ['zh_CN', '国际站（modelscope.ai）', 'API 密钥', '未保存：浏览器没有允许 ModelScope Quota 访问 modelscope.ai。'],
  ] as const)('in %s, saves nothing and says so when the user refuses the browser’s prompt', async (locale, siteLabel, keyLabel, sentence) => {
    await serveLocale(locale);
    fakePermissions.answer = false;
    const onSubmit = setup();
    await userEvent.click(screen.getByLabelText(siteLabel));
    await userEvent.type(screen.getByLabelText(keyLabel), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(fakePermissions.granted()).not.toContain(AI_HOSTS[0]);
  });
});
