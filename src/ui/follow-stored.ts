import type { Site } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
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

/** Follows a store filed by key fingerprint, handing over the whole store and the fingerprint of `apiKey` on `site`. */
export function followItemForKey<T>(apiKey: string, site: Site, item: ValidatedItem<T>, onValue: (value: T, keyId: string) => void): () => void {
  let live = true;
  let keyId: string | null = null;
  let latest: { value: T } | null = null;
  const hand = () => {
    if (live && keyId !== null && latest !== null) onValue(latest.value, keyId);
  };
  // The store is read while the fingerprint is worked out, not after it: one wait instead of two before the first paint.
  const stop = followItem(item, (value) => {
    latest = { value };
    hand();
  });
  void keyFingerprint(apiKey, site).then((id) => {
    keyId = id;
    hand();
  });
  return () => {
    live = false;
    stop();
  };
}

/**
 * Calls `onChange` each time the part of a stored item that `select` picks changes. The first read only sets what
 * counts as unchanged. Returns the function that stops following.
 */
export function followChanges<T>(item: ValidatedItem<T>, select: (value: T) => unknown, onChange: () => void): () => void {
  let seen: string | undefined;
  return followItem(item, (value) => {
    const part = JSON.stringify(select(value)) ?? '';
    if (seen !== undefined && part !== seen) onChange();
    seen = part;
  });
}
