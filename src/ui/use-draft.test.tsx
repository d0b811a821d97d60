import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useDraft } from './use-draft';

function Field({ stored, of }: { stored: string; of?: string }) {
  const [draft, setDraft] = useDraft(stored, of === undefined ? stored : [of, stored]);
  return <input aria-label="Name" value={draft} onChange={(event) => setDraft(event.target.value)} />;
}

describe('a draft of a stored value', () => {
  it('keeps what the user typed while the stored value comes again unchanged, and takes a changed one', async () => {
    const { rerender } = render(<Field stored="Main" />);
    const field = screen.getByLabelText('Name');
    await userEvent.clear(field);
    await userEvent.type(field, 'Wor');
    rerender(<Field stored="Main" />);
    expect(field).toHaveProperty('value', 'Wor');
    rerender(<Field stored="Renamed elsewhere" />);
    expect(field).toHaveProperty('value', 'Renamed elsewhere');
  });

  it('starts again from the stored value when what it is a draft of changes, even to an equal value', async () => {
    const { rerender } = render(<Field stored="Favourites" of="list-1" />);
    const field = screen.getByLabelText('Name');
    await userEvent.type(field, '!');
    rerender(<Field stored="Favourites" of="list-2" />);
    expect(field).toHaveProperty('value', 'Favourites');
  });
});
