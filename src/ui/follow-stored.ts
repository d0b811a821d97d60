import type { ValidatedItem } from '@src/storage/validated-item';

/**
 * Reads a stored value once and then follows its changes. A change heard before the first read answers is newer
 * than that answer, so the late answer is dropped instead of putting stale data back on screen.
 * Returns the function that stops following.
 */
export function followStored<T>(
  read: () => Promise<T>,
  watch: (callback: (value: T) => void) => () => void,
  onValue: (value: T) => void,
): () => void {
  let live = true;
  let heardChange = false;
  const unwatch = watch((value) => {
    heardChange = true;
    if (live) onValue(value);
  });
  void read().then((value) => {
    if (live && !heardChange) onValue(value);
  });
  return () => {
    live = false;
    unwatch();
  };
}

/** Follows a validated stored item. */
export function followItem<T>(item: ValidatedItem<T>, onValue: (value: T) => void): () => void {
  return followStored(() => item.get(), (callback) => item.watch(callback), onValue);
}
