import { describe, expect, it } from 'vitest';
import { inOrder } from './in-order';

describe('inOrder', () => {
  it('runs read-modify-write tasks one after another, so none is lost', async () => {
    const run = inOrder();
    let stored = 0;
    const increment = () =>
      run(async () => {
        const read = stored;
        await new Promise((resolve) => setTimeout(resolve, 1));
        stored = read + 1;
      });
    await Promise.all([increment(), increment(), increment()]);
    expect(stored).toBe(3);
  });

  it('fails only the caller whose task failed, and keeps going', async () => {
    const run = inOrder();
    const failed = run(() => Promise.reject(new Error('disk full')));
    const next = run(async () => 'written');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('written');
  });
});
