import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '@src/quota/types';
import { UsageHistory } from './UsageHistory';

const RESET = Date.parse('2026-10-04T16:00:00.000Z'); // start of quota day 2026-10-05
const HOUR = 3_600_000;
const NOW = RESET + 10 * HOUR;

function point(at: number, accountRemaining: number): HistoryPoint {
  return { at, model_request_remaining: 400, model_request_limit: 500, request_remaining: accountRemaining, request_limit: 2000 };
}

describe('UsageHistory', () => {
  it('says there is no history yet', () => {
    render(<UsageHistory pointsByModel={{}} days={14} now={NOW} />);
    expect(screen.getByText('No history yet.')).toBeTruthy();
  });

  it('shows calls used on each of the last days, the busiest day the tallest bar', () => {
    const pointsByModel = {
      'a/1': [point(RESET - 48 * HOUR + HOUR, 1000), point(RESET + HOUR, 1900)],
      'b/2': [point(RESET + 2 * HOUR, 1800)],
    };
    render(<UsageHistory pointsByModel={pointsByModel} days={3} now={NOW} />);
    expect(screen.getByText('Calls used per day')).toBeTruthy();
    const chart = screen.getByRole('img', {
      name: 'Calls used per day over the last 3 days: 2026-10-03: 1000 calls, 2026-10-04: no data, 2026-10-05: 200 calls',
    });
    const bars = [...chart.querySelectorAll('rect')].map((bar) => Number(bar.getAttribute('height')));
    expect(bars).toEqual([60, 12]);
    expect([...chart.querySelectorAll('text')].map((label) => label.textContent)).toEqual(['3', '4', '5']);
  });
});
