import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-formats';

describe('Intl formatters', () => {
  it('are made once for each locale and options, and formatted as Intl would', () => {
    expect(numberFormat('en', { maximumFractionDigits: 2 })).toBe(numberFormat('en', { maximumFractionDigits: 2 }));
    expect(numberFormat('en', { maximumFractionDigits: 2 })).not.toBe(numberFormat('zh-CN', { maximumFractionDigits: 2 }));
    expect(numberFormat('en', { maximumFractionDigits: 0 }).format(1234.5)).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(1234.5));
    expect(dateTimeFormat('en', { timeZone: 'UTC', hour: '2-digit' })).not.toBe(dateTimeFormat('en', { timeZone: 'Asia/Shanghai', hour: '2-digit' }));
    expect(relativeTimeFormat('zh-CN', { style: 'short' }).format(-3, 'minute')).toBe(new Intl.RelativeTimeFormat('zh-CN', { style: 'short' }).format(-3, 'minute'));
  });
});
