import { describe, expect, it } from 'vitest';
import { tierId } from './tiers';

describe('tierId', () => {
  it.each([
    ['lite', 'lite'],
    ['standard', 'standard'],
    ['ultra', 'ultra'],
    ['轻量', 'lite'],
    ['主流', 'standard'],
    [' 旗舰 ', 'ultra'],
    ['Standard', 'standard'],
    ['discount', 'discount'],
    ['ULTRA', 'ultra'],
    ['超级', '超级'],
  ])('names %j as %j, either spelling alike, keeping tiers it does not know', (raw, expected) => expect(tierId(raw)).toBe(expected));

  it('gives null for a blank tier', () => expect(tierId('  ')).toBeNull());
  it('takes nothing from the prototype', () => expect(tierId('constructor')).toBe('constructor'));
});
