import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '@src/quota/badge-state';
import { clockTime } from '@src/lib/clock-time';
import type { HistoryPoint } from '@src/quota/types';
import { QuotaChart } from './QuotaChart';

const RESET = Date.parse('2026-10-04T16:00:00.000Z'); // midnight in China
const HOUR = 3_600_000;
const NOW = RESET + 14 * HOUR;

function point(hoursAfterReset: number, modelRemaining: number, accountRemaining = 2000): HistoryPoint {
  return {
    at: RESET + hoursAfterReset * HOUR,
    model_request_remaining: modelRemaining,
    model_request_limit: 500,
    request_remaining: accountRemaining,
    request_limit: 2000,
  };
}
const dots = (chart: HTMLElement) => [...chart.querySelectorAll('circle')];

describe('QuotaChart', () => {
  it('says there is nothing to draw before the first check of the day', () => {
    render(<QuotaChart model="ZhipuAI/GLM-4.7" points={[point(-2, 100)]} now={NOW} />);
    expect(screen.getByText('ZhipuAI/GLM-4.7: no checks today yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws today’s checks across the day, named by the latest', () => {
    render(<QuotaChart model="ZhipuAI/GLM-4.7" points={[point(12, 300), point(-1, 5), point(6, 480), point(9, 410)]} now={NOW} />);
    const chart = screen.getByRole('img', {
      name: `ZhipuAI/GLM-4.7: 300 calls left at ${clockTime(RESET + 12 * HOUR, NOW, { locale: 'en' })}, 3 checks today`,
    });
    expect(dots(chart).map((dot) => dot.getAttribute('data-remaining'))).toEqual(['480', '410', '300']);
    // Noon is half-way across; fewer calls left sit lower.
    expect(Number(dots(chart)[2]!.getAttribute('cx'))).toBeCloseTo(120, 0);
    const [first, , last] = dots(chart).map((dot) => Number(dot.getAttribute('cy')));
    expect(last).toBeGreaterThan(first!);
  });

  it('follows the account when it has fewer calls left, and colours by the share left, like the badge', () => {
    render(<QuotaChart model="a/1" points={[point(6, 480, 1500), point(8, 470, 150)]} now={NOW} />);
    const chart = screen.getByRole('img', { name: /^a\/1: 150 calls left at .+, 2 checks today$/ });
    expect(chart.querySelector('path')?.getAttribute('stroke')).toBe(BADGE_COLOURS.critical.background);
  });

  it('is green with most of the quota left', () => {
    render(<QuotaChart model="a/1" points={[point(1, 499)]} now={NOW} />);
    expect(screen.getByRole('img', { name: /1 check today$/ }).querySelector('path')?.getAttribute('stroke')).toBe(BADGE_COLOURS.ok.background);
  });
});
