import { describe, expect, it } from 'vitest';
import type { AccountPicture } from '@src/modelscope/account-picture';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, grantRow, ledgerRow } from '@test/support/magicube-rows';
import { AccountPictureRecordSchema, MAX_ROWS, newestRead, pictureAfterRead } from './account-pictures';

const FIRST = DEC_1 + 9 * HOUR;
const LATER = FIRST + 30 * 60_000;
const failed = (reason: 'unreachable' | 'not_returned' | 'refused') =>
  reason === 'unreachable' ? ({ ok: false, reason, status: null, detail: 'network' } as const) : ({ ok: false, reason, status: 200, detail: null } as const);

function everythingAnswered(): AccountPicture {
  return {
    balance: { ok: true, balance: { total_balance: 10, available_balance: 10, frozen_amount: 0 } },
    ledger: { ok: true, rows: [ledgerRow(DEC_1 + HOUR, 'mainstream', 2, 2)], dropped: 0, since: DEC_1, complete: true },
    grants: { ok: true, rows: [grantRow(DEC_1 + HOUR, 'daily_active', 200)], dropped: 1, since: DEC_1, complete: true },
    prices: { ok: true, prices: [{ tier: 'mainstream', rawTier: '主流', price: 1, minCharge: null }], dropped: 0 },
    rules: { ok: true, rules: [], dropped: 0 },
  };
}

describe('pictureAfterRead', () => {
  it('takes what came back, with its time and how many rows were unusable', () => {
    const record = pictureAfterRead(null, everythingAnswered(), FIRST);
    expect(AccountPictureRecordSchema.parse(record)).toEqual(record);
    expect(record.balance).toEqual({ last: { at: FIRST, outcome: 'ok', dropped: 0 } });
    expect(record.ledger).toEqual({ value: { rows: [ledgerRow(DEC_1 + HOUR, 'mainstream', 2, 2)], since: DEC_1, complete: true }, read_at: FIRST, last: { at: FIRST, outcome: 'ok', dropped: 0 } });
    expect(record.grants.last).toEqual({ at: FIRST, outcome: 'ok', dropped: 1 });
    // An empty list that came back is an answer: no rule to show.
    expect(record.rules).toEqual({ value: [], read_at: FIRST, last: { at: FIRST, outcome: 'ok', dropped: 0 } });
    expect(newestRead(record)).toBe(FIRST);
  });

  it('keeps each failed source’s last good value and time, and notes how the read went', () => {
    const first = pictureAfterRead(null, everythingAnswered(), FIRST);
    const read = { ...everythingAnswered(), balance: { ok: false, kind: 'network', reason: 'unreachable', status: null, error: 'x' }, ledger: failed('not_returned'), prices: failed('unreachable') } as const;
    const record = pictureAfterRead(first, read, LATER);
    expect(record.balance.last).toEqual({ at: LATER, outcome: 'unreachable', dropped: 0 });
    expect(record.ledger).toEqual({ ...first.ledger, last: { at: LATER, outcome: 'not_returned', dropped: 0 } });
    expect(record.prices).toEqual({ ...first.prices, last: { at: LATER, outcome: 'unreachable', dropped: 0 } });
    expect(record.grants.read_at).toBe(LATER);
    // A source that never answered has nothing to keep: null, never an empty list.
    expect(pictureAfterRead(null, { ...everythingAnswered(), ledger: failed('refused') }, FIRST).ledger).toEqual({
      value: null,
      read_at: null,
      last: { at: FIRST, outcome: 'refused', dropped: 0 },
    });
  });

  it('calls rows that all came back unusable unreadable, not an empty ledger', () => {
    const first = pictureAfterRead(null, everythingAnswered(), FIRST);
    const garbage: AccountPicture = { ...everythingAnswered(), ledger: { ok: true, rows: [], dropped: 3, since: DEC_1, complete: true } };
    expect(pictureAfterRead(first, garbage, LATER).ledger).toEqual({ ...first.ledger, last: { at: LATER, outcome: 'unreadable', dropped: 3 } });
  });

  it('keeps the newest rows within the stored bound, and says the window is then incomplete', () => {
    const rows = Array.from({ length: MAX_ROWS + 20 }, (_, index) => ledgerRow(DEC_1 - index * 60_000, 'mainstream', 1, 1));
    const read: AccountPicture = { ...everythingAnswered(), ledger: { ok: true, rows, dropped: 0, since: DEC_1 - 14 * 24 * HOUR, complete: true } };
    const record = pictureAfterRead(null, read, FIRST);
    expect(record.ledger.value?.rows).toEqual(rows.slice(0, MAX_ROWS));
    expect(record.ledger.value?.complete).toBe(false);
    expect(AccountPictureRecordSchema.safeParse(record).success).toBe(true);
  });
});
