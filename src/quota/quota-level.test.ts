import { describe, expect, it } from 'vitest';
import { quotaLevel, remainingShare } from './quota-level';

describe('quotaLevel', () => {
  it.each([
    [500, 500, 'ok'],
    [250, 500, 'ok'],
    [249, 500, 'low'],
    [50, 500, 'low'],
    [49, 500, 'critical'],
    [1, 500, 'critical'],
    [0, 500, 'critical'],
    [0, null, 'critical'],
    [12, null, 'unknown'],
    [null, 500, 'unknown'],
  ] as const)('%s of %s is %s', (remaining, limit, level) => expect(quotaLevel(remaining, limit)).toBe(level));
});

describe('remainingShare', () => {
  it('is the share of the limit, clamped, or null without both numbers', () => {
    expect(remainingShare(125, 500)).toBe(0.25);
    expect(remainingShare(600, 500)).toBe(1);
    expect(remainingShare(null, 500)).toBeNull();
    expect(remainingShare(3, null)).toBeNull();
    expect(remainingShare(3, 0)).toBeNull();
  });
});
