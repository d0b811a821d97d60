import { describe, expect, it } from 'vitest';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, ledgerRow } from '@test/support/magicube-rows';
import { estimateCreditRunOut } from './credit-pace';

const AT_10 = DEC_1 + 10 * HOUR;

describe('estimateCreditRunOut', () => {
  it('extrapolates today’s rate since the first row of the day', () => {
    // 10 credits from 08:00 to 10:00 is 5 an hour: 20 more last until 14:00.
    const rows = [ledgerRow(DEC_1 + 8 * HOUR, 'standard', 6, 6), ledgerRow(DEC_1 + 9 * HOUR, 'ultra', 4, 2)];
    expect(estimateCreditRunOut(rows, 20, AT_10)).toBe(DEC_1 + 14 * HOUR);
  });

  it('counts from midnight when the rows carry a date alone', () => {
    expect(estimateCreditRunOut([ledgerRow(DEC_1, 'standard', 10, 10)], 10, AT_10)).toBe(DEC_1 + 20 * HOUR);
  });

  it('is null when the credits outlast the Beijing day', () => {
    expect(estimateCreditRunOut([ledgerRow(DEC_1, 'standard', 10, 10)], 15, AT_10)).toBeNull();
  });

  it('is null when nothing was spent today (yesterday does not count)', () => {
    expect(estimateCreditRunOut([], 10, AT_10)).toBeNull();
    expect(estimateCreditRunOut([ledgerRow(DEC_1 - HOUR, 'standard', 50, 50)], 10, AT_10)).toBeNull();
    expect(estimateCreditRunOut([ledgerRow(DEC_1, 'free', 0, 5)], 10, AT_10)).toBeNull();
  });

  it('is null after too short a time to extrapolate from', () => {
    expect(estimateCreditRunOut([ledgerRow(AT_10 - 5 * 60_000, 'standard', 3, 3)], 10, AT_10)).toBeNull();
  });

  it('is null when nothing is left', () => {
    expect(estimateCreditRunOut([ledgerRow(DEC_1, 'standard', 10, 10)], 0, AT_10)).toBeNull();
  });

  it('ignores rows dated after now', () => {
    const rows = [ledgerRow(DEC_1, 'standard', 10, 10), ledgerRow(AT_10 + HOUR, 'ultra', 100, 50)];
    expect(estimateCreditRunOut(rows, 10, AT_10)).toBe(DEC_1 + 20 * HOUR);
  });
});
