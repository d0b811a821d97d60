import { describe, expect, it } from 'vitest';
import { clockTime } from './clock-time';

const NOW = Date.parse('2026-10-05T06:00:00.000Z'); // 14:00 in Shanghai

describe('clockTime', () => {
  it('gives only the time for a moment the same day, in the reader’s time zone', () => {
    expect(clockTime(Date.parse('2026-10-05T05:07:00Z'), NOW, { locale: 'en-GB', timeZone: 'Asia/Shanghai' })).toBe('13:07');
    expect(clockTime(Date.parse('2026-10-05T05:07:00Z'), NOW, { locale: 'en-GB', timeZone: 'UTC' })).toBe('05:07');
  });

  it('adds the date for another day', () => {
    expect(clockTime(Date.parse('2026-10-04T15:59:00Z'), NOW, { locale: 'en-GB', timeZone: 'Asia/Shanghai' })).toBe('4 Oct, 23:59');
    expect(clockTime(Date.parse('2026-10-04T15:59:00Z'), NOW, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).toBe('10月4日 23:59');
  });
});
