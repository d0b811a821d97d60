import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from './adaptive-limiter';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `count` tasks that each hold their slot for a tick, and records the most running at once. */
async function peakConcurrency(limiter: AdaptiveLimiter, count: number) {
  let running = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      limiter.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        order.push(index);
        await tick();
        running -= 1;
      }),
    ),
  );
  return { peak, order };
}

describe('AdaptiveLimiter', () => {
  it('never runs more than its limit at once, first come first served', async () => {
    const { peak, order } = await peakConcurrency(new AdaptiveLimiter(3), 10);
    expect(peak).toBe(3);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('halves on a back-off, once per level, never below 1', async () => {
    const limiter = new AdaptiveLimiter(10);
    await limiter.run(async (backOff) => backOff());
    expect(limiter.limit).toBe(5);
    await limiter.run(async (backOff) => backOff());
    await limiter.run(async (backOff) => backOff());
    await limiter.run(async (backOff) => backOff());
    expect(limiter.limit).toBe(1);
    await limiter.run(async (backOff) => backOff());
    expect(limiter.limit).toBe(1);
  });

  it('counts refusals from one wave as one signal: tasks that started before a halving do not halve again', async () => {
    const limiter = new AdaptiveLimiter(8);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        limiter.run(async (backOff) => {
          await tick();
          backOff();
        }),
      ),
    );
    expect(limiter.limit).toBe(4);
  });

  it('applies a back-off to the tasks still waiting', async () => {
    const limiter = new AdaptiveLimiter(4);
    let running = 0;
    let peakOfWaiters = 0;
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        limiter.run(async (backOff) => {
          running += 1;
          if (index >= 4) peakOfWaiters = Math.max(peakOfWaiters, running);
          await tick();
          if (index === 0) backOff();
          running -= 1;
        }),
      ),
    );
    // The first four were already running when the first of them backed off; the eight that waited ran two at a time.
    expect(limiter.limit).toBe(2);
    expect(peakOfWaiters).toBe(2);
  });

  it('frees the slot of a task that throws', async () => {
    const limiter = new AdaptiveLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %d', (limit) => {
    expect(() => new AdaptiveLimiter(limit)).toThrow(RangeError);
  });
});
