import { browser } from 'wxt/browser';
import type { StorageItemKey } from 'wxt/utils/storage';
import { STORAGE_KEYS } from './keys';

/**
 * Storage asked for while a page's scripts still load. A script of its own (entrypoints/first-reads.ts, a few KB)
 * runs from the page's <head> and starts the reads the first paint needs, while the bundle with React and zod is
 * still being fetched and evaluated; the page's items then take their first answers from it instead of waiting for
 * fresh round trips. What it holds is kept current by every change heard since it asked, and it answers only until
 * this page starts a write of its own: from then on storage itself is the truth.
 */
interface FirstReads {
  keys: ReadonlySet<string>;
  /** What storage answered, by key (null where nothing is stored), or null when the read failed. */
  answered: Promise<Map<string, unknown> | null>;
  /** Changes heard since the read was asked: newer than its answer, whenever they arrive. */
  heard: Map<string, unknown>;
  ended: boolean;
  stopListening: () => void;
}

const HANDOFF = '__modelscopeQuotaFirstReads';

type Handoff = { [HANDOFF]?: FirstReads };
type StorageChanges = Record<string, { newValue?: unknown }>;
type Area = 'local' | 'session';

/** What the popup reads before it paints its stored results, and what it reads right after. */
export const POPUP_FIRST_READ_KEYS: readonly StorageItemKey[] = [
  STORAGE_KEYS.settingsVersion,
  STORAGE_KEYS.keyring,
  STORAGE_KEYS.sessionSecrets,
  STORAGE_KEYS.favouriteLists,
  STORAGE_KEYS.latestResults,
  STORAGE_KEYS.modelPrices,
  STORAGE_KEYS.checkSettings,
  STORAGE_KEYS.preferences,
  STORAGE_KEYS.accounts,
  STORAGE_KEYS.repairs,
];

async function readAreas(keys: readonly StorageItemKey[]): Promise<Map<string, unknown>> {
  const byArea = new Map<Area, string[]>();
  for (const key of keys) {
    const [area, name] = key.split(':') as [Area, string];
    byArea.set(area, [...(byArea.get(area) ?? []), name]);
  }
  const answers = await Promise.all(
    [...byArea].map(async ([area, names]) => ({ area, names, values: (await browser.storage[area].get(names)) as Record<string, unknown> })),
  );
  const values = new Map<string, unknown>();
  for (const { area, names, values: answer } of answers) for (const name of names) values.set(`${area}:${name}`, answer[name] ?? null);
  return values;
}

/** Asks for `keys` now and leaves the answer where this page's storage items look first. Called by the early script. */
export function startFirstReads(keys: readonly StorageItemKey[]): void {
  const heard = new Map<string, unknown>();
  const listen = (changes: StorageChanges, area: string) => {
    for (const [name, change] of Object.entries(changes)) heard.set(`${area}:${name}`, change.newValue ?? null);
  };
  // Listening before asking: a change that lands after the answer was made is heard, so no answer is ever stale.
  browser.storage.onChanged.addListener(listen);
  const answered = readAreas(keys).catch(() => null);
  (globalThis as Handoff)[HANDOFF] = {
    keys: new Set(keys),
    answered,
    heard,
    ended: false,
    stopListening: () => browser.storage.onChanged.removeListener(listen),
  };
}

/**
 * The value of `key` as the early read found it (null: nothing stored), or undefined when there is none to give: not
 * a key it read, no early script on this page, its read failed, or this page has started writing.
 */
export async function firstRead(key: StorageItemKey): Promise<{ value: unknown } | undefined> {
  const reads = (globalThis as Handoff)[HANDOFF];
  if (!reads || reads.ended || !reads.keys.has(key)) return undefined;
  const answer = await reads.answered;
  // A write of this page's own may have started meanwhile: only storage knows whether it landed.
  if (answer === null || reads.ended) return undefined;
  return { value: reads.heard.has(key) ? reads.heard.get(key) : answer.get(key) };
}

/** This page is about to write: every read from now on goes to storage. */
export function endFirstReads(): void {
  const reads = (globalThis as Handoff)[HANDOFF];
  if (!reads || reads.ended) return;
  reads.ended = true;
  reads.stopListening();
}
