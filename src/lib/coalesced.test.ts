import { describe, expect, it, vi } from 'vitest';
import { coalesced } from './coalesced';

describe('coalesced', () => {
  it('runs once more after the run in progress, however many calls came in meanwhile', async () => {
    const seen: number[] = [];
    let state = 0;
    let release: () => void = () => {};
    const task = vi.fn(async () => {
      seen.push(state);
      if (seen.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const run = coalesced(task);
    const first = run();
    state = 1;
    const second = run();
    state = 2;
    const third = run();
    release();
    await Promise.all([first, second, third]);
    expect(seen).toEqual([0, 2]);
    await run();
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('recovers after a failed run', async () => {
    const task = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
    const run = coalesced(task);
    await expect(run()).rejects.toThrow('boom');
    await expect(run()).resolves.toBeUndefined();
  });
});
