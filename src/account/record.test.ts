import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listRepairs } from '@src/storage/repairs';
import type { FreeSources } from '@src/modelscope/free-sources';
import { DEC_1_BEIJING as DEC_1, HOUR_MS as HOUR, grantRow, ledgerRow } from '@test/support/magicube-rows';
import { accountsItem, AccountRecordSchema, MAX_ROWS, newestRead, recordAfterRead, recordFor, saveRecord } from './record';

const FIRST = DEC_1 + 9 * HOUR;
const LATER = FIRST + 30 * 60_000;
const failed = (reason: 'unreachable' | 'not_returned' | 'refused') =>
  reason === 'unreachable' ? ({ ok: false, reason, status: null, detail: 'network' } as const) : ({ ok: false, reason, status: 200, detail: null } as const);

function everythingAnswered(): FreeSources {
  return {
    balance: { ok: true, balance: { total_balance: 10, available_balance: 10, frozen_amount: 0 } },
    ledger: { ok: true, rows: [ledgerRow(DEC_1 + HOUR, 'standard', 2, 2)], dropped: 0, since: DEC_1, complete: true },
    grants: { ok: true, rows: [grantRow(DEC_1 + HOUR, 'daily_active', 200)], dropped: 1, since: DEC_1, complete: true },
    rates: { ok: true, prices: [{ tier: 'standard', rawTier: '主流', price: 1, minCharge: null }], dropped: 0 },
    rules: { ok: true, rules: [], dropped: 0 },
  };
}

describe('the record after a read', () => {
  it('takes what came back, with its time and how many rows were unusable', () => {
    const record = recordAfterRead(null, everythingAnswered(), FIRST);
    expect(AccountRecordSchema.parse(record)).toEqual(record);
    expect(record.balance).toEqual({ value: { total_balance: 10, available_balance: 10, frozen_amount: 0 }, read_at: FIRST, last: { at: FIRST, outcome: 'ok', dropped: 0 } });
    expect(record.ledger).toEqual({ value: { rows: [ledgerRow(DEC_1 + HOUR, 'standard', 2, 2)], since: DEC_1, complete: true }, read_at: FIRST, last: { at: FIRST, outcome: 'ok', dropped: 0 } });
    expect(record.grants.last).toEqual({ at: FIRST, outcome: 'ok', dropped: 1 });
    // An empty list that came back is an answer: no rule to show.
    expect(record.rules).toEqual({ value: [], read_at: FIRST, last: { at: FIRST, outcome: 'ok', dropped: 0 } });
    expect(newestRead(record)).toBe(FIRST);
  });

  it('keeps each failed source’s last good value and time, and notes how the read went', () => {
    const first = recordAfterRead(null, everythingAnswered(), FIRST);
    const read = { ...everythingAnswered(), balance: { ok: false, kind: 'network', reason: 'unreachable', status: null, error: 'x' }, ledger: failed('not_returned'), rates: failed('unreachable') } as const;
    const record = recordAfterRead(first, read, LATER);
    expect(record.balance).toEqual({ ...first.balance, last: { at: LATER, outcome: 'unreachable', dropped: 0 } });
    expect(record.ledger).toEqual({ ...first.ledger, last: { at: LATER, outcome: 'not_returned', dropped: 0 } });
    expect(record.rates).toEqual({ ...first.rates, last: { at: LATER, outcome: 'unreachable', dropped: 0 } });
    expect(record.grants.read_at).toBe(LATER);
    // A source that never answered has nothing to keep: null, never an empty list.
    expect(recordAfterRead(null, { ...everythingAnswered(), ledger: failed('refused') }, FIRST).ledger).toEqual({
      value: null,
      read_at: null,
      last: { at: FIRST, outcome: 'refused', dropped: 0 },
    });
  });

  it('calls rows that all came back unusable unreadable, not an empty ledger', () => {
    const first = recordAfterRead(null, everythingAnswered(), FIRST);
    const garbage: FreeSources = { ...everythingAnswered(), ledger: { ok: true, rows: [], dropped: 3, since: DEC_1, complete: true } };
    expect(recordAfterRead(first, garbage, LATER).ledger).toEqual({ ...first.ledger, last: { at: LATER, outcome: 'unreadable', dropped: 3 } });
  });

  it('keeps the newest rows within the stored bound, and says the window is then incomplete', () => {
    const rows = Array.from({ length: MAX_ROWS + 20 }, (_, index) => ledgerRow(DEC_1 - index * 60_000, 'standard', 1, 1));
    const read: FreeSources = { ...everythingAnswered(), ledger: { ok: true, rows, dropped: 0, since: DEC_1 - 14 * 24 * HOUR, complete: true } };
    const record = recordAfterRead(null, read, FIRST);
    expect(record.ledger.value?.rows).toEqual(rows.slice(0, MAX_ROWS));
    expect(record.ledger.value?.complete).toBe(false);
    expect(AccountRecordSchema.safeParse(record).success).toBe(true);
  });
});

describe('the stored records, a cache', () => {
  it('drop a record that cannot be read, alone and without a notice: it is read again for free', async () => {
    fakeBrowser.reset();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const good = recordAfterRead(null, everythingAnswered(), FIRST);
    // An older version's record, missing what this one keeps: unreadable now.
    const { rates: _rates, ...older } = good;
    await fakeBrowser.storage.local.set({ accounts: { 'key-a': good, 'key-b': older, 'key-c': 'garbage' } });
    expect(await accountsItem.get()).toEqual({ 'key-a': good });
    expect(await recordFor('key-b')).toBeNull();
    expect(await listRepairs()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    // The next read of that key writes its record over the one that could not be read; the others stay.
    await saveRecord('key-b', (previous) => recordAfterRead(previous, everythingAnswered(), LATER));
    expect(Object.keys(await accountsItem.get()).sort()).toEqual(['key-a', 'key-b']);
    vi.restoreAllMocks();
  });
});
