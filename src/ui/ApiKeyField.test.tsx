import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiKeyField } from './ApiKeyField';

const KEY = `ms-${'0123456789abcdef'.repeat(2)}`;

describe('ApiKeyField', () => {
  it('is a masked field named “API key” with a link to create a token', () => {
    render(<ApiKeyField value="" onSave={vi.fn()} />);
    expect(screen.getByLabelText('API key')).toHaveProperty('type', 'password');
    expect(screen.getByRole('link', { name: 'Create an access token on ModelScope' })).toHaveProperty(
      'href',
      'https://modelscope.cn/my/myaccesstoken',
    );
  });

  it('saves a pasted key, trimmed, when the user leaves the field', async () => {
    const onSave = vi.fn(async () => {});
    render(<ApiKeyField value="" onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('API key'), `  ${KEY} `);
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledWith(KEY);
  });

  it('refuses a key with spaces inside, says why, and saves nothing', async () => {
    const onSave = vi.fn(async () => {});
    render(<ApiKeyField value={KEY} onSave={onSave} />);
    const field = screen.getByLabelText('API key');
    await userEvent.clear(field);
    await userEvent.type(field, 'ms-abc def');
    await userEvent.tab();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^This key cannot be saved: api_key contains spaces/);
  });

  it('saves an emptied field as “no key”', async () => {
    const onSave = vi.fn(async () => {});
    render(<ApiKeyField value={KEY} onSave={onSave} />);
    await userEvent.clear(screen.getByLabelText('API key'));
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledWith('');
  });
});
