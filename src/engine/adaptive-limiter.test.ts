import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter, CONCURRENCY_CEILING, type Answer } from './adaptive-limiter';

/** Lets every continuation that is ready run (a macrotask comes after all pending microtasks). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Tasks that hold their slot until the test answers them, so every step is the test's to take: no timings. */
function controlledTasks(limiter: AdaptiveLimiter) {
  const answers = new Map<number, (answer: Answer) => void>();
  const started: number[] = [];
  let running = 0;
  let peak = 0;
  const launch = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      limiter.run(
        () =>
          new Promise<Answer>((resolve) => {
            running += 1;
            peak = Math.max(peak, running);
            started.push(index);
            answers.set(index, (answer) => {
              running -= 1;
              resolve(answer);
            });
          }),
        (answer) => answer,
      ),
    );
  return {
    launch,
    started,
    running: () => running,
    /** The most that ran at once since the start, or since the last `resetPeak`. */
    peak: () => peak,
    resetPeak: () => void (peak = running),
    async answer(index: number, answer: Answer) {
      const reply = answers.get(index);
      if (!reply) throw new Error(`task ${index} has not started`);
      answers.delete(index);
      reply(answer);
      await settle();
    },
  };
}

describe('AdaptiveLimiter', () => {
  it('never runs more than its limit at once, first come first served', async () => {
    const limiter = new AdaptiveLimiter(3);
    const tasks = controlledTasks(limiter);
    const all = tasks.launch(10);
    await settle();
    for (let index = 0; index < 10; index += 1) await tasks.answer(index, 'other');
    await Promise.all(all);
    expect(tasks.peak()).toBe(3);
    expect(tasks.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(limiter.limit).toBe(3);
  });

  it('grows by one for every accepted answer, so it doubles in one round trip, and never past the ceiling', async () => {
    const limiter = new AdaptiveLimiter(10);
    const tasks = controlledTasks(limiter);
    const all = tasks.launch(50);
    await settle();
    expect(tasks.running()).toBe(10);
    for (let index = 0; index < 10; index += 1) await tasks.answer(index, 'accepted');
    // Each answer of the first round freed its slot and added one: twice as many in flight.
    expect(tasks.running()).toBe(20);
    for (let index = 10; index < 50; index += 1) await tasks.answer(index, 'accepted');
    await Promise.all(all);
    expect(limiter.limit).toBe(CONCURRENCY_CEILING);
    expect(tasks.peak()).toBe(CONCURRENCY_CEILING);
  });

  it('halves on a refusal once for a wave, and never grows back to where it was refused', async () => {
    const limiter = new AdaptiveLimiter(8);
    const tasks = controlledTasks(limiter);
    const all = tasks.launch(40);
    await settle();
    // An upstream that takes 4 at once refuses the fifth to the eighth: one halving (8 to 4), not four.
    for (let index = 4; index < 8; index += 1) await tasks.answer(index, 'refused');
    expect(limiter.limit).toBe(4);
    // The four accepted tasks started before the halving: they do not grow it.
    tasks.resetPeak();
    for (let index = 0; index < 4; index += 1) await tasks.answer(index, 'accepted');
    expect(limiter.limit).toBe(4);
    // Accepted answers after it would grow the limit, but not back to 5, where the upstream refused.
    for (let index = 8; index < 40; index += 1) await tasks.answer(index, 'accepted');
    await Promise.all(all);
    expect(limiter.limit).toBe(4);
    expect(tasks.peak()).toBe(4);
  });

  it('slows the tasks still waiting at once, and never goes below 1', async () => {
    const limiter = new AdaptiveLimiter(4);
    const tasks = controlledTasks(limiter);
    const all = tasks.launch(12);
    await settle();
    await tasks.answer(3, 'refused');
    expect(limiter.limit).toBe(2);
    // Three still run; none of the waiting starts until fewer than two run.
    await tasks.answer(0, 'other');
    expect(tasks.running()).toBe(2);
    expect(tasks.started).toHaveLength(4);
    await tasks.answer(1, 'other');
    expect(tasks.started).toHaveLength(5);
    // Refused with a single request in flight: one at a time from here.
    await tasks.answer(2, 'other');
    await tasks.answer(4, 'refused');
    await tasks.answer(5, 'refused');
    expect(limiter.limit).toBe(1);
    for (let index = 6; index < 12; index += 1) await tasks.answer(index, 'accepted');
    await Promise.all(all);
    expect(limiter.limit).toBe(1);
  });

  it('neither grows nor shrinks on an answer that says nothing about concurrency', async () => {
    const limiter = new AdaptiveLimiter(5);
    for (let run = 0; run < 10; run += 1) await limiter.run(async () => 'other' as const, (answer) => answer);
    expect(limiter.limit).toBe(5);
  });

  it('frees the slot of a task that throws', async () => {
    const limiter = new AdaptiveLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')), () => 'other')).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next', () => 'other')).resolves.toBe('next');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %d', (limit) => {
    expect(() => new AdaptiveLimiter(limit)).toThrow(RangeError);
  });

  it('refuses a ceiling below the limit it starts from', () => {
    expect(() => new AdaptiveLimiter(CONCURRENCY_CEILING + 1)).toThrow(RangeError);
    expect(() => new AdaptiveLimiter(4, 3)).toThrow(RangeError);
  });
});

describe('a retry', () => {
  it('takes the next free slot before the tasks not started yet', async () => {
    const limiter = new AdaptiveLimiter(1, 1);
    const order: string[] = [];
    let release = () => {};
    const first = limiter.run(() => new Promise<Answer>((resolve) => (release = () => resolve('other'))), (answer) => answer);
    const queued = ['a', 'b'].map((name) => limiter.run(async () => void order.push(name), () => 'other'));
    const retried = limiter.run(async () => void order.push('retry'), () => 'other', { retry: true });
    await settle();
    release();
    await Promise.all([first, ...queued, retried]);
    expect(order).toEqual(['retry', 'a', 'b']);
  });
});
