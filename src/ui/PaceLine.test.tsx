import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clockTime } from '@src/lib/clock-time';
import type { HistoryPoint } from '@src/quota/types';
import { PaceLine } from './PaceLine';

const RESET = Date.parse('2026-10-04T16:00:00.000Z');
const HOUR = 3_600_000;
const NOW = RESET + 9 * HOUR;

function point(hoursAfterReset: number, remaining: number): HistoryPoint {
  return { at: RESET + hoursAfterReset * HOUR, model_request_remaining: remaining, model_request_limit: 500, request_remaining: null, request_limit: null };
}

describe('PaceLine', () => {
  it('says what was used today from one check', () => {
    render(<PaceLine points={[point(8, 450)]} now={NOW} />);
    expect(screen.getByText('Used today: 50 of 500')).toBeTruthy();
  });

  it('says when the calls run out at today’s pace, from two checks', () => {
    // 100 calls from 06:00 to 08:00, 300 left: gone 6 hours later, at 14:00 China time.
    render(<PaceLine points={[point(6, 400), point(8, 300)]} now={NOW} />);
    const runOut = clockTime(RESET + 14 * HOUR, NOW, { locale: 'en' });
    expect(screen.getByText(`Used today: 200 of 500 · At this pace you run out around ${runOut}`)).toBeTruthy();
  });

  it('says when they last past the reset', () => {
    render(<PaceLine points={[point(1, 490), point(8, 480)]} now={NOW} />);
    expect(screen.getByText('Used today: 20 of 500 · At this pace you will not run out before the reset')).toBeTruthy();
  });

  it('says nothing without a check today', () => {
    const { container } = render(<PaceLine points={[point(-3, 100)]} now={NOW} />);
    expect(container.textContent).toBe('');
  });
});
