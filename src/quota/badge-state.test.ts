import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactCount, derivedLevel } from './badge-state';

describe('compactCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1049, '1k'],
    [1234, '1.2k'],
    [1999, '1.9k'],
    [9999, '9.9k'],
    [12_345, '12k'],
    [999_999, '999k'],
    [1_250_000, '1.2M'],
    [140.9, '140'],
  ])('%s reads %s', (value, text) => expect(compactCount(value)).toBe(text));

  it('never takes more than 4 characters and never overstates', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e11, noNaN: true }), (value) => {
        const text = compactCount(value);
        expect(text.length).toBeLessThanOrEqual(4);
        const scale = { k: 1e3, M: 1e6, B: 1e9 }[text.at(-1) ?? ''] ?? 1;
        expect(Number.parseFloat(text) * scale).toBeLessThanOrEqual(value);
      }),
    );
  });
});

describe('the colour of derived calls', () => {
  it.each([
    [125, 2, 'ok'],
    [63, 2, 'ok'],
    [62, 2, 'low'],
    [13, 2, 'low'],
    [12, 2, 'critical'],
    [0, 2, 'critical'],
    [250, 1, 'ok'],
    [25, 1, 'low'],
    [24, 1, 'critical'],
    [24, 0.5, 'critical'],
  ] as const)('colours %s derived calls at %s credits against a day of free grants: %s', (calls, price, level) => {
    expect(derivedLevel({ calls, price })).toBe(level);
  });
});
