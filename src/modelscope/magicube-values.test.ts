import { describe, expect, it } from 'vitest';
import { parseAmount, parseLabel, parseMagicubeTime, parseWholeCount } from './magicube-values';

// 2026-12-01 08:30:00 in Beijing is 00:30 UTC.
const BEIJING_0830 = Date.UTC(2026, 11, 1, 0, 30);

describe('parseMagicubeTime', () => {
  it.each([
    ['Beijing-time text', '2026-12-01 08:30:00', BEIJING_0830],
    ['Beijing-time text without seconds', '2026-12-01 08:30', BEIJING_0830],
    ['Beijing-time text with a T', '2026-12-01T08:30:00', BEIJING_0830],
    ['Beijing-time text with milliseconds', '2026-12-01 08:30:00.250', BEIJING_0830 + 250],
    ['a date alone, as Beijing midnight', '2026-12-01', Date.UTC(2026, 10, 30, 16)],
    ['ISO text in UTC', '2026-12-01T00:30:00Z', BEIJING_0830],
    ['ISO text with an offset', '2026-12-01T08:30:00+08:00', BEIJING_0830],
    ['ISO text with a compact negative offset', '2026-11-30T19:30:00-0500', BEIJING_0830],
    ['epoch seconds', BEIJING_0830 / 1000, BEIJING_0830],
    ['epoch milliseconds', BEIJING_0830, BEIJING_0830],
    ['epoch seconds as digits', String(BEIJING_0830 / 1000), BEIJING_0830],
    ['epoch milliseconds as digits', ` ${BEIJING_0830} `, BEIJING_0830],
  ])('reads %s', (_, raw, expected) => expect(parseMagicubeTime(raw)).toBe(expected));

  it.each([
    ['an empty text', ''],
    ['a word', 'yesterday'],
    ['a day that does not exist', '2026-02-30'],
    ['a month that does not exist', '2026-13-01'],
    ['an hour that does not exist', '2026-12-01 25:00:00'],
    ['a date in another order', '01/12/2026'],
    ['a year before 2000', '1999-12-31 23:00:00'],
    ['a negative number', -1],
    ['zero', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a number far in the future', 1e16],
    ['a boolean', true],
    ['null', null],
    ['an object', {}],
  ])('gives null for %s', (_, raw) => expect(parseMagicubeTime(raw)).toBeNull());
});

describe('parseAmount', () => {
  it.each([
    [2, 2],
    [0, 0],
    [0.5, 0.5],
    [143.25, 143.25],
    ['1.50', 1.5],
    [' 12 ', 12],
    ['0.2', 0.2],
  ])('reads %j as %d', (raw, expected) => expect(parseAmount(raw)).toBe(expected));

  it.each([-1, -0.5, '-0.5', 'abc', '', '1e3', '1,5', '0x10', Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, true])(
    'gives null for %j',
    (raw) => expect(parseAmount(raw)).toBeNull(),
  );
});

describe('parseWholeCount', () => {
  it.each([
    [3, 3],
    ['3', 3],
    [' 40 ', 40],
    [0, 0],
  ])('reads %j as %d', (raw, expected) => expect(parseWholeCount(raw)).toBe(expected));

  it.each([1.5, -1, '1.0', 'x', '', null, undefined, Number.NaN, 2 ** 60])('gives null for %j', (raw) =>
    expect(parseWholeCount(raw)).toBeNull(),
  );
});

describe('parseLabel', () => {
  it('trims and bounds a text, and refuses a blank or a non-string', () => {
    expect(parseLabel('  每日登录 ')).toBe('每日登录');
    expect(parseLabel('x'.repeat(500))).toHaveLength(100);
    expect(parseLabel('   ')).toBeNull();
    expect(parseLabel(7)).toBeNull();
  });
});
