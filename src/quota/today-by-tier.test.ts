import { describe, expect, it } from 'vitest';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, ledgerRow } from '@test/support/magicube-rows';
import { todayByTier } from './today-by-tier';

const NOW = DEC_1 + 1 * HOUR;

describe('todayByTier', () => {
  it('gives today’s calls and credits per tier and in total, leaving out yesterday in Beijing time', () => {
    const today = todayByTier(
      [
        ledgerRow(DEC_1, 'standard', 3, 3),
        ledgerRow(DEC_1, 'lite', 1.5, 3),
        ledgerRow(DEC_1 - HOUR, 'ultra', 20, 10),
      ],
      NOW,
    );
    expect(today).toEqual({
      day: '2026-12-01',
      tiers: [
        { tier: 'lite', rawTier: '轻量', calls: 3, credits: 1.5 },
        { tier: 'standard', rawTier: '主流', calls: 3, credits: 3 },
      ],
      totals: { calls: 6, credits: 4.5 },
    });
  });

  it('adds decimal credits exactly', () => {
    expect(todayByTier([ledgerRow(DEC_1, 'discount', 0.1, 1), ledgerRow(DEC_1, 'lite', 0.2, 1)], NOW).totals.credits).toBe(0.3);
  });

  it('does not know the calls when a row came without a count, but still the credits', () => {
    const today = todayByTier([ledgerRow(DEC_1, 'standard', 2, null), ledgerRow(DEC_1, 'ultra', 2, 1)], NOW);
    expect(today.totals).toEqual({ calls: null, credits: 4 });
    expect(today.tiers.map((tier) => [tier.tier, tier.calls])).toEqual([
      ['standard', null],
      ['ultra', 1],
    ]);
  });

  it('is zero for a day without spend', () => {
    expect(todayByTier([ledgerRow(DEC_1 - HOUR, 'ultra', 2, 1)], NOW)).toEqual({
      day: '2026-12-01',
      tiers: [],
      totals: { calls: 0, credits: 0 },
    });
  });
});
