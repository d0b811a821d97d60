import { describe, expect, it } from 'vitest';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, ledgerRow } from '@test/support/magicube-rows';
import { cellKey, ledgerCells, sumCells } from './ledger-cells';

describe('ledgerCells', () => {
  it('sums per Beijing day and tier, not per UTC day', () => {
    const cells = ledgerCells([
      ledgerRow(DEC_1 + 1 * HOUR, 'standard', 2, 2),
      // 23:00 in Beijing on Nov 30 is the same UTC date as 01:00 on Dec 1, but another quota day.
      ledgerRow(DEC_1 - 1 * HOUR, 'standard', 5, 5),
      ledgerRow(DEC_1 + 2 * HOUR, 'standard', 1, 1),
      ledgerRow(DEC_1 + 2 * HOUR, 'lite', 0.5, 1),
    ]);
    expect(cells.get(cellKey('2026-12-01', 'standard'))).toEqual({
      day: '2026-12-01',
      tier: 'standard',
      rawTier: '主流',
      hundredths: 300,
      calls: 3,
    });
    expect(cells.get(cellKey('2026-11-30', 'standard'))?.hundredths).toBe(500);
    expect(cells.get(cellKey('2026-12-01', 'lite'))?.hundredths).toBe(50);
    expect(cells.size).toBe(3);
  });

  it('counts a row listed twice once, as its larger copy', () => {
    const cells = ledgerCells([ledgerRow(DEC_1, 'ultra', 4, 2), ledgerRow(DEC_1, 'ultra', 6, 3)]);
    expect([...cells.values()]).toMatchObject([{ hundredths: 600, calls: 3 }]);
  });

  it('knows no calls for a cell when any of its rows came without a count', () => {
    const cells = ledgerCells([ledgerRow(DEC_1, 'standard', 1, 1), ledgerRow(DEC_1 + HOUR, 'standard', 1, null)]);
    expect([...cells.values()]).toMatchObject([{ hundredths: 200, calls: null }]);
  });
});

describe('sumCells', () => {
  it('adds hundredths exactly and calls while all are known', () => {
    const cells = [...ledgerCells([ledgerRow(DEC_1, 'a', 0.1, 1), ledgerRow(DEC_1, 'b', 0.2, 1)]).values()];
    expect(sumCells(cells)).toEqual({ hundredths: 30, calls: 2 });
    expect(sumCells([])).toEqual({ hundredths: 0, calls: 0 });
  });
});
