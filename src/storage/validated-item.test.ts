import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod/mini';
import { listRepairs } from './repairs';
import { defineValidatedItem, updateTogether } from './validated-item';
import { decline } from './write-result';

const counterItem = defineValidatedItem('local:counter', z.int().check(z.maximum(9, 'counterTooBig')), 0);
const labelItem = defineValidatedItem('local:label', z.string().check(z.trim(), z.minLength(1, 'labelBlank')), 'none');

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the one write path', () => {
  it('applies each change to what is stored when it lands, so writers landing together all count', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => counterItem.update((count) => count + 1)));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await counterItem.get()).toBe(5);
  });

  it('refuses a value its schema rejects with a code and the limit, and stores nothing', async () => {
    await counterItem.set(3);
    expect(await counterItem.set(12)).toEqual({
      ok: false,
      problem: { code: 'invalid', key: 'local:counter', issue: 'counterTooBig', path: '', params: { max: 9 } },
    });
    expect(await labelItem.set('   ')).toMatchObject({ ok: false, problem: { issue: 'labelBlank', params: { min: 1 } } });
    expect(await counterItem.get()).toBe(3);
  });

  it('says a value no schema message names is invalid, with where, never zod’s English', async () => {
    const result = await counterItem.set('seven' as unknown as number);
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid', issue: 'invalidValue' } });
  });

  it('lets a change decline, and writes nothing then', async () => {
    await counterItem.set(2);
    expect(await counterItem.update(() => decline('keyGone'))).toEqual({ ok: false, problem: { code: 'declined', key: 'local:counter', issue: 'keyGone' } });
    expect(await counterItem.get()).toBe(2);
  });

  it('answers a storage failure with the error’s name only, never its text', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new RangeError('quota exceeded for ms-secret'));
    const result = await counterItem.set(1);
    expect(result).toEqual({ ok: false, problem: { code: 'storage_failed', key: 'local:counter', name: 'RangeError' } });
    expect(JSON.stringify(result)).not.toContain('ms-secret');
  });

  it('writes related items in one storage write', async () => {
    await counterItem.get(); // settings migrate on the first use of storage, in a write of their own
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const result = await updateTogether({ count: counterItem, label: labelItem }, ({ count }) => ({ count: count + 4, label: 'four' }));
    expect(result).toEqual({ ok: true, value: { count: 4, label: 'four' } });
    expect(set).toHaveBeenCalledTimes(1);
    expect(set.mock.calls[0]?.[0]).toEqual({ counter: 4, label: 'four' });
  });

  it('writes none of them when one is refused', async () => {
    await counterItem.get();
    const before = await fakeBrowser.storage.local.get(null);
    const result = await updateTogether({ count: counterItem, label: labelItem }, () => ({ count: 5, label: '' }));
    expect(result).toMatchObject({ ok: false, problem: { key: 'local:label', issue: 'labelBlank' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('changes a corrupt value from its default, and notes the repair in the same write', async () => {
    await labelItem.get();
    await fakeBrowser.storage.local.set({ counter: 'garbage' });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await counterItem.update((count) => count + 1)).toEqual({ ok: true, value: 1 });
    expect(set).toHaveBeenCalledTimes(1);
    expect((await listRepairs()).map((repair) => repair.key)).toEqual(['local:counter']);
  });

  it('reads back this context’s own write even when the read starts before the write has landed', async () => {
    void counterItem.set(7);
    expect(await counterItem.get()).toBe(7);
  });
});
