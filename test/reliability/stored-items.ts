import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** A validated storage item as `src/storage/validated-item.ts` defines it, whatever its value type. */
export interface StoredItem {
  key: string;
  fallback: unknown;
  /** A setting (repaired with a notice) or a cache (an unreadable value read as its fallback, silently). */
  kind: 'setting' | 'cache';
  get(): Promise<unknown>;
}

export type AreaName = 'local' | 'session' | 'sync';
export type AreaSnapshot = Record<AreaName, Record<string, unknown>>;
export const AREAS: readonly AreaName[] = ['local', 'session', 'sync'];

/** Where stored items are defined: the settings beside the storage mechanism, and the account's caches. */
const ITEM_DIRS = [resolve('src/storage'), resolve('src/account')];

function isStoredItem(value: unknown): value is StoredItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.key === 'string' &&
    /^(local|session|sync):/.test(item.key) &&
    'fallback' in item &&
    (item.kind === 'setting' || item.kind === 'cache') &&
    typeof item.get === 'function' &&
    typeof item.set === 'function' &&
    typeof item.watch === 'function'
  );
}

/**
 * Every validated item the extension defines, from a fresh module graph: what a page or the worker sees when it
 * starts on what is stored now (settings migrate again, once). New items join the checks without being listed here.
 */
export async function freshStoredItems(): Promise<StoredItem[]> {
  vi.resetModules();
  const files = ITEM_DIRS.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => resolve(dir, name)));
  const modules = await Promise.all(files.map((file) => import(file) as Promise<Record<string, unknown>>));
  const items = new Map<string, StoredItem>();
  for (const value of modules.flatMap((module) => Object.values(module))) {
    if (isStoredItem(value)) items.set(value.key, value);
  }
  return [...items.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** `local:checkSettings` as its area and its key in that area. */
export function splitKey(key: string): { area: AreaName; name: string } {
  const colon = key.indexOf(':');
  return { area: key.slice(0, colon) as AreaName, name: key.slice(colon + 1) };
}

export async function snapshotAreas(): Promise<AreaSnapshot> {
  const [local, session, sync] = await Promise.all(AREAS.map((area) => fakeBrowser.storage[area].get(null)));
  return { local: local!, session: session!, sync: sync! };
}

export async function restoreAreas(snapshot: AreaSnapshot): Promise<void> {
  for (const area of AREAS) {
    await fakeBrowser.storage[area].clear();
    await fakeBrowser.storage[area].set(structuredClone(snapshot[area]));
  }
}

export async function readRaw(key: string): Promise<unknown> {
  const { area, name } = splitKey(key);
  return (await fakeBrowser.storage[area].get(name))[name];
}

export async function writeRaw(key: string, value: unknown): Promise<void> {
  const { area, name } = splitKey(key);
  await fakeBrowser.storage[area].set({ [name]: value });
}

/** Storage looks settled once two looks some milliseconds apart see the same thing: background work has finished. */
export async function settled(): Promise<AreaSnapshot> {
  let before = JSON.stringify(await snapshotAreas());
  for (let look = 0; look < 200; look += 1) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const now = await snapshotAreas();
    const text = JSON.stringify(now);
    if (text === before) return now;
    before = text;
  }
  throw new Error('storage kept changing for 6 s');
}
