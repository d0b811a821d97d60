import { describe, expect, it } from 'vitest';
import type { TierPrice } from '@src/modelscope/magicube-shapes';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, ledgerRow } from '@test/support/magicube-rows';
import { learnPriceFromLedger } from './learn-price';

const DEC_2 = DEC_1 + 24 * HOUR;
const LISTED: TierPrice[] = [
  { tier: 'lite', rawTier: '轻量', price: 0.5, minCharge: 0.5 },
  { tier: 'standard', rawTier: '主流', price: 1, minCharge: 1 },
];

const BEFORE = [ledgerRow(DEC_1, 'standard', 3, 3), ledgerRow(DEC_1, 'lite', 1, 2)];

describe('learnPriceFromLedger', () => {
  it('learns the tier and price when exactly one (day, tier) row moved', () => {
    const after = [ledgerRow(DEC_1, 'standard', 3, 3), ledgerRow(DEC_1, 'lite', 1.5, 3)];
    expect(learnPriceFromLedger(BEFORE, after)).toEqual({ kind: 'learned', tier: 'lite', rawTier: '轻量', price: 0.5 });
  });

  it('learns from a row that appears for the tier’s first call of the day', () => {
    const after = [...BEFORE, ledgerRow(DEC_1 + 5 * HOUR, 'ultra', 2, 1)];
    expect(learnPriceFromLedger(BEFORE, after)).toEqual({ kind: 'learned', tier: 'ultra', rawTier: '旗舰', price: 2 });
  });

  it('divides by the calls that moved and rounds to the hundredth', () => {
    expect(learnPriceFromLedger([], [ledgerRow(DEC_1, 'lite', 1, 2)])).toMatchObject({ price: 0.5 });
    expect(learnPriceFromLedger([], [ledgerRow(DEC_1, 'odd', 1, 3)])).toMatchObject({ price: 0.33 });
    expect(learnPriceFromLedger([], [ledgerRow(DEC_1, 'discount', 0.2, 1)])).toMatchObject({ price: 0.2 });
  });

  it('learns nothing while the ledger has not moved yet, then learns once it has (ledger lag)', () => {
    const reads = [BEFORE, BEFORE, [ledgerRow(DEC_1, 'standard', 4, 4), ledgerRow(DEC_1, 'lite', 1, 2)]];
    expect(reads.map((after) => learnPriceFromLedger(BEFORE, after).kind)).toEqual(['not_yet', 'not_yet', 'learned']);
  });

  it('learns nothing when two tiers moved: another client spent in the window', () => {
    const after = [ledgerRow(DEC_1, 'standard', 4, 4), ledgerRow(DEC_1, 'lite', 1.5, 3)];
    expect(learnPriceFromLedger(BEFORE, after)).toEqual({ kind: 'poisoned', tiers: ['lite', 'standard'] });
  });

  it('learns nothing when the tier moved by more calls than were made: another client spent on the same tier', () => {
    const after = [ledgerRow(DEC_1, 'standard', 5, 5), ledgerRow(DEC_1, 'lite', 1, 2)];
    expect(learnPriceFromLedger(BEFORE, after, LISTED, 1)).toEqual({ kind: 'poisoned', tiers: ['standard'] });
    expect(learnPriceFromLedger(BEFORE, [ledgerRow(DEC_1, 'standard', 4, 4), BEFORE[1]!], LISTED, 1)).toMatchObject({ kind: 'learned', price: 1 });
  });

  it('learns nothing from a row that shrank', () => {
    expect(learnPriceFromLedger(BEFORE, [ledgerRow(DEC_1, 'standard', 2, 2), ledgerRow(DEC_1, 'lite', 1, 2)])).toEqual({
      kind: 'poisoned',
      tiers: ['standard'],
    });
  });

  it('is not fooled by a row listed twice in the second read', () => {
    expect(learnPriceFromLedger(BEFORE, [...BEFORE, BEFORE[0]!]).kind).toBe('not_yet');
  });

  describe('across midnight', () => {
    it('learns from the new day’s row when the second read covers only the new day', () => {
      expect(learnPriceFromLedger(BEFORE, [ledgerRow(DEC_2, 'standard', 1, 1)])).toEqual({
        kind: 'learned',
        tier: 'standard',
        rawTier: '主流',
        price: 1,
      });
    });

    it('learns from the new day’s row when the second read still holds yesterday unchanged', () => {
      expect(learnPriceFromLedger(BEFORE, [ledgerRow(DEC_2, 'ultra', 2, 1), ...BEFORE])).toMatchObject({ kind: 'learned', tier: 'ultra' });
    });

    it('treats the same tier moving on both days as two movements', () => {
      const after = [ledgerRow(DEC_2, 'standard', 1, 1), ledgerRow(DEC_1, 'standard', 4, 4)];
      expect(learnPriceFromLedger(BEFORE, after)).toEqual({ kind: 'poisoned', tiers: ['standard'] });
    });
  });

  describe('when ModelScope sends no counts', () => {
    const before = [ledgerRow(DEC_1, 'standard', 3)];

    it('takes the listed price when the movement is one call at that price', () => {
      expect(learnPriceFromLedger(before, [ledgerRow(DEC_1, 'standard', 4)], LISTED)).toMatchObject({ kind: 'learned', price: 1 });
    });

    it('learns nothing when the movement is not one call at the listed price', () => {
      expect(learnPriceFromLedger(before, [ledgerRow(DEC_1, 'standard', 5)], LISTED)).toEqual({ kind: 'poisoned', tiers: ['standard'] });
    });

    it('without a listed price, takes the movement as the one call made', () => {
      expect(learnPriceFromLedger(before, [ledgerRow(DEC_1, 'standard', 5)])).toMatchObject({ kind: 'learned', price: 2 });
    });
  });
});
