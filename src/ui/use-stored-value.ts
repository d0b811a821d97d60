import { useCallback, useEffect, useState } from 'react';
import type { Change, ValidatedItem } from '@src/storage/validated-item';
import type { WriteResult } from '@src/storage/write-result';
import { seededValue } from './first-paint';
import { followItem } from './follow-stored';

/**
 * A stored setting as React state: loaded once, kept in step with storage, changed through the one write path. The
 * change applies to what is stored when it lands, never to a copy this page may hold from before.
 */
export function useStoredValue<T>(item: ValidatedItem<T>): [T | undefined, (change: Change<T>) => Promise<WriteResult<T>>] {
  const [value, setValue] = useState<T | undefined>(() => seededValue(item));
  useEffect(() => followItem(item, setValue), [item]);
  const update = useCallback((change: Change<T>) => item.update(change), [item]);
  return [value, update];
}
