import { useCallback, useEffect, useState } from 'react';
import type { ValidatedItem } from '../settings/validated-item';

/** A stored setting as React state: loaded once, kept in step with storage, saved through its schema. */
export function useStoredValue<T>(item: ValidatedItem<T>): [T | undefined, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.get().then((stored) => live && setValue(stored));
    const unwatch = item.watch((stored) => setValue(stored));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  const save = useCallback((next: T) => item.set(next), [item]);
  return [value, save];
}
