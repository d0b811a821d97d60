import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('gives simultaneous callers of one key the same run', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const task = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return runs;
    };
    const [a, b] = await Promise.all([flights.run('k', task), flights.run('k', task)]);
    expect(runs).toBe(1);
    expect(a).toBe(1);
    expect(b).toBe(1);
  });

  it('runs different keys separately, and a key again once its run is over', async () => {
    const flights = new SingleFlight<string>();
    let runs = 0;
    const task = async () => `run ${++runs}`;
    await Promise.all([flights.run('a', task), flights.run('b', task)]);
    expect(runs).toBe(2);
    await flights.run('a', task);
    expect(runs).toBe(3);
  });

  it('forgets a failed run so the next call tries again', async () => {
    const flights = new SingleFlight<string>();
    await expect(flights.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(flights.run('k', async () => 'up')).resolves.toBe('up');
  });
});
