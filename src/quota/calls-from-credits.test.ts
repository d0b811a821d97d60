import { describe, expect, it } from 'vitest';
import { callsLeftFromCredits } from './calls-from-credits';

describe('callsLeftFromCredits', () => {
  it.each([
    [10.5, 0.5, 21],
    [0.3, 0.1, 3],
    [250, 0.2, 1250],
    [143.5, 1, 143],
    [1.99, 2, 0],
    [0, 1, 0],
    [7, 2, 3],
  ])('%d credits at %d a call pay for %d calls', (available, price, calls) => {
    expect(callsLeftFromCredits(available, price)).toBe(calls);
  });

  it('is 0, not negative, for a negative balance', () => expect(callsLeftFromCredits(-3, 1)).toBe(0));

  it.each([
    ['an unknown price', 10, null],
    ['a price of 0', 10, 0],
    ['a negative price', 10, -1],
    ['a balance that is not a number', Number.NaN, 1],
  ])('is null for %s', (_, available, price) => expect(callsLeftFromCredits(available, price)).toBeNull());
});
