import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BalanceItem } from '../contract';
import { ResultsTable } from './ResultsTable';

const base: BalanceItem = {
  model: 'ZhipuAI/GLM-4.7',
  request_limit: 2000,
  request_remaining: 1990,
  model_request_limit: 500,
  model_request_remaining: 12,
  error: null,
  error_kind: null,
  status: 200,
  latency_ms: 310,
  checked_at: '2026-11-27T09:30:00.000Z',
  cached: false,
};

describe('ResultsTable', () => {
  it('has column headers and one row per favourite, in the user’s order', () => {
    render(<ResultsTable models={['b/two', 'ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': base }} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Model',
      'Model calls left',
      'Account calls left',
      'Checked',
      'Problem',
    ]);
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['b/two', 'ZhipuAI/GLM-4.7']);
  });

  it('shows remaining of limit for a checked model and dashes for one never checked', () => {
    render(<ResultsTable models={['ZhipuAI/GLM-4.7', 'b/two']} results={{ 'ZhipuAI/GLM-4.7': base }} />);
    const [checked, unchecked] = screen.getAllByRole('row').slice(1);
    expect(within(checked!).getAllByRole('cell').slice(0, 2).map((td) => td.textContent)).toEqual(['12 of 500', '1990 of 2000']);
    expect(within(unchecked!).getAllByRole('cell').map((td) => td.textContent)).toEqual(['—', '—', '—', '']);
  });

  it('never shows a missing number as 0, and shows the problem', () => {
    const noQuota: BalanceItem = {
      ...base,
      request_limit: null,
      request_remaining: null,
      model_request_limit: null,
      model_request_remaining: null,
      error: 'ModelScope reported no quota for this model',
      error_kind: 'no_quota_headers',
    };
    render(<ResultsTable models={['ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': noQuota }} />);
    const cells = screen.getAllByRole('cell').map((td) => td.textContent);
    expect(cells[0]).toBe('—');
    expect(cells[1]).toBe('—');
    expect(cells[3]).toBe('ModelScope reported no quota for this model');
    expect(cells.join(' ')).not.toMatch(/\b0\b/);
  });

  it('marks a reused result as cached', () => {
    render(<ResultsTable models={['ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': { ...base, cached: true } }} />);
    expect(screen.getAllByRole('cell')[2]?.textContent).toMatch(/\(cached\)$/);
  });
});
