import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * A form field's draft of a stored value: what the user types, replaced by the stored value only when that value (or
 * `follows`, what the draft is of) changes in content. The replacing happens while rendering, not in an effect: an
 * effect can run after the user has already typed, and a storage re-emit of the same value would undo their typing.
 */
export function useDraft<T>(source: T, follows: unknown = source): [T, Dispatch<SetStateAction<T>>] {
  const [draft, setDraft] = useState(source);
  const content = JSON.stringify(follows) ?? '';
  const [followed, setFollowed] = useState(content);
  if (content !== followed) {
    setFollowed(content);
    setDraft(source);
  }
  return [draft, setDraft];
}
