import { describe, expect, it } from 'vitest';
import { tierId } from './tiers';

describe('tierId', () => {
  it.each([
    ['轻量', 'lightweight'],
    ['主流', 'mainstream'],
    [' 旗舰 ', 'flagship'],
    ['Mainstream', 'mainstream'],
    ['discount', 'discount'],
    ['ULTRA', 'ultra'],
    ['超级', '超级'],
  ])('names %j as %j, keeping tiers it does not know', (raw, expected) => expect(tierId(raw)).toBe(expected));

  it('gives null for a blank tier', () => expect(tierId('  ')).toBeNull());
});
