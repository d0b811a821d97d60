import { inOrder } from '@src/lib/in-order';
import { endFirstReads } from './first-reads';

const LOCK_NAME = 'modelscope-quota:storage';
const inThisContext = inOrder();
const writesHere = new Set<Promise<unknown>>();

/**
 * Runs a read-modify-write on storage while no other writer runs: across the worker and every open page with Web
 * Locks (one origin, one lock), or within this context where the Web Locks API is missing (Node tests). The task
 * must not wait for another write itself, or it would wait for its own lock.
 */
export function withStorageLock<T>(task: () => Promise<T>): Promise<T> {
  endFirstReads();
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request(LOCK_NAME, task) as Promise<T>) : inThisContext(task);
}

/** Notes a write this context has started, from its very first step, so `writesSettled` waits for it. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  writesHere.add(write);
  void write.finally(() => writesHere.delete(write)).catch(() => undefined);
  return write;
}

/** Resolves once the writes this context has started have landed (or failed): a read after it sees them. */
export async function writesSettled(): Promise<void> {
  await Promise.allSettled([...writesHere]);
}
