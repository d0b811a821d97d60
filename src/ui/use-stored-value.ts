import { useCallback, useEffect, useState } from 'react';
import type { ValidatedItem } from '@src/storage/validated-item';
import { followItem } from './follow-stored';

/** A stored setting as React state: loaded once, kept in step with storage, saved through its schema. */
export function useStoredValue<T>(item: ValidatedItem<T>): [T | undefined, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T>();
  useEffect(() => followItem(item, setValue), [item]);
  const save = useCallback((next: T) => item.set(next), [item]);
  return [value, save];
}
