import { expect, it, vi } from 'vitest';
import { quietly } from './quietly';

it('logs only the error’s name, never its text, and does not throw', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  await quietly('the badge', async () => {
    throw new TypeError('secret ms-0123');
  });
  expect(warn).toHaveBeenCalledWith('ModelScope Quota: the badge failed (TypeError)');
  warn.mockRestore();
});
