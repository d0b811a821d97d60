import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkSettingsItem } from '@src/storage/check-settings';
import { listRepairs } from '@src/storage/repairs';
import { RepairNotice } from './RepairNotice';

describe('RepairNotice', () => {
  it('says which setting was reset after being found corrupt, until dismissed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ checkSettings: '{"truncated' });
    await checkSettingsItem.get();
    render(<RepairNotice />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'A stored setting could not be read and was reset to its default: checkSettings. Everything else was kept.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await listRepairs()).toEqual([]);
  });

  it('shows nothing when nothing was repaired', async () => {
    const { container } = render(<RepairNotice />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
  });
});
