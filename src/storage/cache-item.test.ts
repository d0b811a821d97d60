import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod/mini';
import { defineCacheItem } from './cache-item';
import { listRepairs } from './repairs';

const readingsItem = defineCacheItem('local:readings', z.object({ at: z.int(), credits: z.number() }));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('a cache', () => {
  it('drops an entry it cannot read, alone and silently, and keeps the others', async () => {
    await fakeBrowser.storage.local.set({ readings: { a: { at: 1, credits: 2 }, b: { at: 'yesterday' }, c: { at: 3, credits: 4 } } });
    expect(await readingsItem.get()).toEqual({ a: { at: 1, credits: 2 }, c: { at: 3, credits: 4 } });
    expect(await listRepairs()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads garbage as empty without a notice, and its next write replaces it', async () => {
    await fakeBrowser.storage.local.set({ readings: 'garbage' });
    expect(await readingsItem.get()).toEqual({});
    expect((await fakeBrowser.storage.local.get('readings')).readings).toBe('garbage');
    expect(await readingsItem.update((all) => ({ ...all, a: { at: 5, credits: 6 } }))).toEqual({ ok: true, value: { a: { at: 5, credits: 6 } } });
    expect((await fakeBrowser.storage.local.get('readings')).readings).toEqual({ a: { at: 5, credits: 6 } });
    expect(await listRepairs()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('writes only the entries its schema accepts', async () => {
    const written = await readingsItem.update((all) => ({ ...all, bad: { at: 1.5, credits: 1 } }));
    expect(written).toEqual({ ok: true, value: {} });
  });

  it('keeps prototype-pollution keys as plain entries, never on the prototype', async () => {
    const hostile = JSON.parse('{"__proto__":{"at":1,"credits":1},"x":{"at":2,"credits":2}}') as unknown;
    await fakeBrowser.storage.local.set({ readings: hostile });
    const read = await readingsItem.get();
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as { at?: number }).at).toBeUndefined();
    expect(read.x).toEqual({ at: 2, credits: 2 });
  });
});
