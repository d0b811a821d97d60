import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ModelListField } from './ModelListField';

describe('ModelListField', () => {
  it('saves comma- and newline-separated ids, trimmed and without repeats', async () => {
    const onSave = vi.fn(async () => {});
    render(<ModelListField value={[]} onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Favourite models'), ' a/one, b/two{Enter}a/one ,,{Enter}c/three');
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledWith(['a/one', 'b/two', 'c/three']);
  });

  it('refuses an empty list and keeps the saved one', async () => {
    const onSave = vi.fn(async () => {});
    render(<ModelListField value={['a/one']} onSave={onSave} />);
    await userEvent.clear(screen.getByLabelText('Favourite models'));
    await userEvent.tab();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('This list cannot be saved: add at least one model id');
  });

  it('does not write when nothing changed', async () => {
    const onSave = vi.fn(async () => {});
    render(<ModelListField value={['a/one']} onSave={onSave} />);
    await userEvent.click(screen.getByLabelText('Favourite models'));
    await userEvent.tab();
    expect(onSave).not.toHaveBeenCalled();
  });
});
