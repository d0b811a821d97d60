import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES, preferencesItem } from '@src/storage/preferences';
import { PreferencesSection } from './PreferencesSection';

const CHECK_ON_OPEN = 'Check the active list when the popup opens (as the Check button: a call only where a probe tells something)';

afterEach(() => vi.restoreAllMocks());

describe('PreferencesSection', () => {
  it('saves a toggle', async () => {
    render(<PreferencesSection />);
    await userEvent.click(await screen.findByLabelText(CHECK_ON_OPEN));
    await expect.poll(() => preferencesItem.get()).toEqual({ ...DEFAULT_PREFERENCES, checkOnOpen: true });
    expect(screen.getByLabelText(CHECK_ON_OPEN)).toHaveProperty('checked', true);
  });

  it('says in words when the browser could not save a toggle, and shows what is stored', async () => {
    render(<PreferencesSection />);
    const toggle = await screen.findByLabelText(CHECK_ON_OPEN);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    await userEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: the browser could not save it (QuotaExceededError)');
    expect(toggle).toHaveProperty('checked', false);
    vi.restoreAllMocks();
    expect(await preferencesItem.get()).toEqual(DEFAULT_PREFERENCES);
  });
});
