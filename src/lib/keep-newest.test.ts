import { describe, expect, it } from 'vitest';
import { keepNewest } from './keep-newest';

describe('keepNewest', () => {
  const byTime = (at: number) => at;

  it('keeps the entries with the latest times, dropping the oldest', () => {
    expect(keepNewest({ a: 3, b: 1, c: 5, d: 2 }, byTime, 2)).toEqual({ c: 5, a: 3 });
  });

  it('keeps everything under the bound', () => {
    expect(keepNewest({ a: 1, b: 2 }, byTime, 10)).toEqual({ a: 1, b: 2 });
  });
});
