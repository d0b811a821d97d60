import { describe, expect, it } from 'vitest';
import { oneAtATimePerKey } from './one-at-a-time';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('oneAtATimePerKey', () => {
  it('runs the tasks of one key one after another, and of different keys side by side', async () => {
    const queue = oneAtATimePerKey();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const done = await Promise.all([queue('a', task('a1')), queue('a', task('a2')), queue('b', task('b1'))]);
    expect(done).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('goes on after a task fails, which fails its own caller only', async () => {
    const queue = oneAtATimePerKey();
    const failed = queue('a', () => Promise.reject(new Error('no')));
    const next = queue('a', async () => 'next');
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('next');
  });
});
